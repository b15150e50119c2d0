import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { isPublicRead } from './public-reads.ts';

const personalPaths = /^\/api\/(?:auth|me|admin)(?:\/|$)/;

/**
 * `Cache-Control: no-store` on every answer that is about someone: any request that was signed
 * in (cookie or bearer token), every answer that sets a cookie (the login, which also carries the
 * token), and everything under /api/auth, /api/me and /api/admin. No shared or browser cache
 * keeps a copy. Public answers (the policy, health, the OpenAPI document) stay cacheable, for signed-in
 * callers too: the policy's reads are the same answer for everyone (the public read cache).
 */
export function noStoreForPersonalAnswers(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    // A public read is the same for everyone, signed in or not (the read cache shares it).
    if (c.req.method === 'GET' && isPublicRead(c.req.path) && !c.res.headers.has('set-cookie')) return;
    const personal =
      c.get('user') != null || c.res.headers.has('set-cookie') || personalPaths.test(c.req.path);
    if (personal) c.res.headers.set('Cache-Control', 'no-store');
  };
}
