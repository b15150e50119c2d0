import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { Context } from 'hono';

// The HTTP side of uploaded files (ADR 0018), shared by every route that takes or serves them.

/** An upload's body and headers as a route hands them to its use case (not read yet). */
export function uploadInputOf(c: Context) {
  // Under @hono/node-server the Node request itself is read: its web-stream wrapper buffers
  // ahead without bound when the disk is slower than the network (docs/benchmarks.md).
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return {
    body: incoming && !c.req.raw.bodyUsed ? incoming : c.req.raw.body,
    contentType: c.req.header('content-type'),
    contentLength: c.req.header('content-length'),
  };
}

/** A browser form (not a script or an API client) asked: it gets a redirect back to its page. */
export const isBrowserForm = (c: Context) => (c.req.header('accept') ?? '').includes('text/html');

export interface ServedFile {
  stream: Readable;
  size: number;
  fileName: string;
  contentType: string;
  /** Images open in the browser; everything else is downloaded. */
  inline: boolean;
  /** Public files may be kept by caches for 5 minutes; all others never. */
  isPublic: boolean;
}

/**
 * A stored file's answer: its sniffed type, `Content-Disposition` with an ASCII and an RFC 5987
 * name, `nosniff`, and a CSP under which nothing in the file may run or load anything.
 */
export function fileResponse(c: Context, file: ServedFile): Response {
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const disposition = `${file.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
  return c.body(Readable.toWeb(file.stream) as ReadableStream, 200, {
    'Content-Type': file.contentType,
    'Content-Length': String(file.size),
    'Content-Disposition': disposition,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': file.isPublic ? 'public, max-age=300' : 'private, no-store',
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
  });
}
