import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';

const personalPaths = /^\/api\/(?:auth|me|admin)(?:\/|$)/;

/**
 * `Cache-Control: no-store` on every answer that is about someone: any request that was signed
 * in (cookie or bearer token), every answer that sets a cookie (the login, which also carries the
 * token), and everything under /api/auth, /api/me and /api/admin. No shared or browser cache
 * keeps a copy. Public answers (the policy, health, the OpenAPI document) stay cacheable.
 */
export function noStoreForPersonalAnswers(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const personal = c.var.user != null || c.res.headers.has('set-cookie') || personalPaths.test(c.req.path);
    if (personal) c.res.headers.set('Cache-Control', 'no-store');
  };
}
