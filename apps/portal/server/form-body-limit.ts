import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * The largest body a page request (a form post to a Remix action) may send. The portal's forms
 * are a few fields of text; 256 KiB leaves room for long texts and stays far below what could
 * hurt the server. The API under /api has its own limit (1 MiB).
 */
export const maxFormBodyBytes = 256 * 1024;

/**
 * Refuses a page request whose body is larger than `maxBytes` with 413, before it is read:
 * a Content-Length over the limit is refused at once, and a chunked body is counted while it
 * streams in and refused as soon as it passes the limit (only up to the limit is ever held).
 */
export function limitFormBody(maxBytes = maxFormBodyBytes): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      // Tell the client not to send the rest on this connection.
      c.header('Connection', 'close');
      return c.text(`Payload Too Large: a form may send at most ${maxBytes} bytes.`, 413);
    },
  });
  return async (c, next) => {
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/')) return next();
    // A read has no body to limit; looking for one would make the Node adapter build a Request.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return limit(c, next);
  };
}
