import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { isShortLivedPublicRead } from './public-reads.ts';

/**
 * `GET /api/events` from the process's EventListCache when it holds a fresh answer, before the
 * session is looked up (the list is the same for everyone); otherwise the route answers and a 200
 * is kept for a second. Errors pass through and are never kept.
 */
export function eventListCache(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const cache = c.get('deps').eventListCache;
    if (c.req.method !== 'GET' || !cache || !isShortLivedPublicRead(c.req.path)) return next();
    const key = eventListKey(c.req.url);
    const hit = cache.get(key);
    if (hit !== undefined) return c.body(hit, 200, { 'Content-Type': 'application/json' });
    const store = cache.beginLoad(key);
    await next();
    if (c.res.status !== 200) return;
    const body = await c.res.clone().text();
    store(body);
  };
}

/** The event list cache's key for a request: its query string. */
export function eventListKey(url: string): string {
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? '' : url.slice(queryAt);
}
