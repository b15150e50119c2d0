import type { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';

/** Node's http parser errors that mean the request was too large or malformed. */
const statusOfParserError: Record<string, [number, string, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'headers_too_large',
    'Adressen eller forespørgslens headers er for lange.',
  ],
  HPE_URI_TOO_LONG: [414, 'URI Too Long', 'uri_too_long', 'Adressen er for lang.'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [
    413,
    'Payload Too Large',
    'payload_too_large',
    'Forespørgslens chunk-udvidelser er for store.',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request_timeout', 'Forespørgslen kom ikke i tide.'],
};

/**
 * What a Node HTTP server answers a request it could not parse (a 60 KB URL, a broken request
 * line). Node's default is a status line with an empty body; this sends the API's error format,
 * so a client sees why: 431 for headers (or a URL) over Node's `maxHeaderSize`, 408 for a request
 * that took too long, 400 for anything else Node cannot parse.
 */
export function answerClientErrors(server: EventEmitter): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, code, message] = statusOfParserError[error.code ?? ''] ?? [
      400,
      'Bad Request',
      'bad_request',
      'Forespørgslen kan ikke læses.',
    ];
    const body = JSON.stringify({ error: { code, message } });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Cache-Control: no-store\r\n' +
        "Content-Security-Policy: default-src 'none'\r\n" +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
