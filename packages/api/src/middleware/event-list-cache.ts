import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { isAnonymousOnlyRead, isShortLivedPublicRead, shortLivedAnswerHeaders } from './public-reads.ts';

/**
 * `GET /api/events` from the process's EventListCache when it holds a fresh answer, before the
 * session is looked up (the list is the same for everyone); otherwise the route answers and a 200
 * is kept for a second. Errors pass through and are never kept.
 */
export function eventListCache(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const cache = c.get('deps').eventListCache;
    if (c.req.method !== 'GET' || !cache || !isShortLivedPublicRead(c.req.path)) return next();
    // Knowledge (issue 11): answers that depend on who asks are kept for anonymous callers only.
    if (isAnonymousOnlyRead(c.req.path) && (c.req.header('cookie') || c.req.header('authorization'))) {
      return next();
    }
    const key = eventListKey(c.req.url);
    const hit = cache.get(key);
    if (hit !== undefined) return c.body(hit, 200, shortLivedAnswerHeaders(c.req.path));
    // Someone is loading it now (the copy expires every second, and 64 callers miss together):
    // their answer serves this caller too. A failed load is not shared.
    const inFlight = cache.loadInFlight(key);
    const waited = inFlight ? await inFlight : undefined;
    if (waited !== undefined) return c.body(waited, 200, shortLivedAnswerHeaders(c.req.path));
    const store = cache.beginLoad(key);
    let body: string | undefined;
    try {
      await next();
      if (c.res.status === 200) body = await c.res.clone().text();
    } finally {
      store(body);
    }
  };
}

/** The event list cache's key for a request: its query string (and the path, for the other reads). */
export function eventListKey(url: string): string {
  return eventListKeyOf(requestTargetOf(url));
}

/** A request URL's path and query (`/api/events?from=…`), as a client's request line names them. */
export function requestTargetOf(url: string): string {
  const pathAt = url.indexOf('/', url.indexOf('//') + 2);
  return pathAt === -1 ? '/' : url.slice(pathAt);
}

/** The same key from a request's target (`/api/events?from=…`: the path and query only). */
export function eventListKeyOf(target: string): string {
  const queryAt = target.indexOf('?');
  const query = queryAt === -1 ? '' : target.slice(queryAt);
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  return path === '/api/events' || path === '' ? query : `${path}${query}`;
}
