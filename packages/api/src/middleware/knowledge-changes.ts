import type { MiddlewareHandler } from 'hono';
import { dropShortLivedCopies } from '../cache/event-list-cache.ts';
import type { AppEnv } from '../context.ts';

/**
 * Knowledge (issue 11): after a successful change to the library or the forum, this process's
 * short-lived copies of their anonymous reads (and the pages made from them) are dropped at once;
 * other processes see the change within a second (`shortLivedPublicReadMs`).
 */
export function dropKnowledgeCopiesAfterChange(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.res.status < 400) {
      dropShortLivedCopies(c.get('deps'));
    }
  };
}
