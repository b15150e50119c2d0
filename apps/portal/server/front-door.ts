import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { MemoryAnswer, MemoryRequest } from '@brobygger/api';
import { type ContentEncoding, compressionThreshold, compressWhole, negotiateEncoding } from './compression';

export type AnswerFromMemory = (
  request: MemoryRequest,
) => MemoryAnswer | undefined | Promise<MemoryAnswer | undefined>;

export interface FrontDoorLogger {
  error(details: object, message: string): void;
}

/** Most distinct bodies whose compressed bytes are kept, per encoding. */
const maxEncodedBodies = 200;

/**
 * The portal server's first step for every request (ADR 0011, ADR 0013): a GET under /api that the
 * API can answer from memory (`bootApi().answerFromMemory`: the policy's public reads, the event
 * list, a shared read for a caller just checked) is written straight to Node's response, with the
 * headers the whole chain would send and compressed as the compression middleware would.
 * Everything else goes to `next` (Hono's adapter, the portal app, Remix).
 *
 * Why at this level: an answer the API already holds costs little to make, and most of what such
 * a request cost was the trip through two Hono apps — the adapter's Request and Headers objects,
 * the portal's middleware, a Response and its conversion back to Node. Here it costs about what
 * `node:http` itself does.
 */
export function withFrontDoor(
  answerFromMemory: AnswerFromMemory,
  next: RequestListener,
  logger?: FrontDoorLogger,
): RequestListener {
  // The bytes of bodies sent, per encoding: the same answer goes out many times a second, and
  // compressing it, or encoding it as UTF-8 and measuring it, each time cost a tenth of it or more.
  const encoded: Record<ContentEncoding | 'identity', Map<string, Buffer>> = {
    br: new Map(),
    gzip: new Map(),
    identity: new Map(),
  };

  function bytesOf(body: string, encoding: ContentEncoding | null): Buffer {
    const kept = encoded[encoding ?? 'identity'];
    let bytes = kept.get(body);
    if (bytes) return bytes;
    bytes = encoding ? compressWhole(body, encoding) : Buffer.from(body);
    if (kept.size >= maxEncodedBodies) {
      const oldest = kept.keys().next().value;
      if (oldest !== undefined) kept.delete(oldest);
    }
    kept.set(body, bytes);
    return bytes;
  }

  function send(req: IncomingMessage, res: ServerResponse, answer: MemoryAnswer): void {
    const headers: Record<string, string | number> = { ...answer.headers };
    let body: string | Buffer | null = answer.body;
    if (body !== null) {
      // As the compression middleware does for every text answer it sees.
      headers.vary = 'Accept-Encoding';
      const encoding =
        body.length >= compressionThreshold ? negotiateEncoding(req.headers['accept-encoding']) : null;
      body = bytesOf(body, encoding);
      if (encoding) {
        headers['content-encoding'] = encoding;
        // The bytes differ from the identity answer's: a strong validator would be a lie.
        const etag = headers.etag;
        if (typeof etag === 'string' && !etag.startsWith('W/')) headers.etag = `W/${etag}`;
      }
      headers['content-length'] = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    }
    res.writeHead(answer.status, headers);
    res.end(body ?? undefined);
  }

  return (req, res) => {
    const target = req.url;
    if (req.method !== 'GET' || !target?.startsWith('/api/')) return next(req, res);
    const { headers } = req;
    const answer = answerFromMemory({
      method: 'GET',
      target,
      header: (name) => {
        const value = headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      },
      connection: req.socket,
    });
    if (answer === undefined) return next(req, res);
    if (!(answer instanceof Promise)) return send(req, res, answer);
    answer.then(
      (found) => (found ? send(req, res, found) : next(req, res)),
      (error: unknown) => {
        // The chain answers it as it would have (and reports what it finds there).
        logger?.error({ err: error, path: target }, 'answer from memory failed');
        next(req, res);
      },
    );
  };
}
