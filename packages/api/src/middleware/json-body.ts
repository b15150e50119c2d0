import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context.ts';
import { errorResponse } from '../errors.ts';

/** The largest request body the API accepts. Attachments will get their own limit. */
export const maxBodyBytes = 1024 * 1024;

/**
 * The attachment uploads of the library (issue 11) and of status reports (issue 13) stream
 * multipart/form-data to disk under their own limit (files/upload.ts, 20 MiB); the JSON rules and
 * the 1 MiB limit do not apply to them.
 */
const uploadPath = /^\/api\/(?:resources|status-reports)\/[^/]+\/attachments$/;
const isUpload = (method: string, path: string, type: string | undefined) =>
  method === 'POST' && uploadPath.test(path) && /^multipart\/form-data\b/i.test(type ?? '');

export function limitBody(): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: maxBodyBytes,
    onError: (c) =>
      errorResponse(c, 413, 'payload_too_large', `Forespørgslen er for stor (højst ${maxBodyBytes} bytes).`),
  });
  // A GET or HEAD is never read: looking for its body would make the Node adapter build a whole
  // Request for every read (8 % of a read's CPU in the profile, docs/benchmarks.md).
  return (c, next) =>
    c.req.method === 'GET' ||
    c.req.method === 'HEAD' ||
    isUpload(c.req.method, c.req.path, c.req.header('content-type'))
      ? next()
      : limit(c, next);
}

const methodsWithBody = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Parses a JSON body once, up front, so malformed JSON is a 400 with a clear message on every
 * route (zod's validator would otherwise see it as a validation failure). Hono caches the parsed
 * body, so handlers and validators read it again for free.
 */
export function parseJsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    if (methodsWithBody.has(c.req.method) && /^application\/([\w.+-]+\+)?json\b/i.test(type)) {
      try {
        await c.req.json();
      } catch {
        return errorResponse(c, 400, 'bad_request', 'Forespørgslens JSON kan ikke læses.');
      }
    }
    await next();
  };
}

/**
 * The API speaks JSON: a body declared as any other type, or sent without a Content-Type, is
 * refused with 415 before it is read, so a validator never mistakes it for an empty body.
 */
export function requireJsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!methodsWithBody.has(c.req.method)) return next();
    const type = c.req.header('content-type');
    if (isUpload(c.req.method, c.req.path, type)) return next();
    const length = c.req.header('content-length');
    const hasBody =
      c.req.header('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
    if (type ? !/^application\/([\w.+-]+\+)?json\b/i.test(type) : hasBody) {
      return errorResponse(
        c,
        415,
        'unsupported_media_type',
        'Send data som JSON (Content-Type: application/json).',
      );
    }
    await next();
  };
}
