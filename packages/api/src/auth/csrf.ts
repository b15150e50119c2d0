import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { errorResponse } from '../errors.ts';
import { readSessionCookie } from './cookies.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
// Bodies a cross-site form can send without a CORS preflight.
const simpleContentType = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

/**
 * Cross-site request forgery: a state-changing request that a browser could send from another
 * site — one carrying our session cookie, or a form body — must come from our own Origin.
 * A missing Origin is refused too. API clients with a Bearer token and no cookie are not
 * affected: a browser cannot attach that header cross-site.
 */
export function requireSameOrigin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const { config } = c.get('deps');
    const hasCookie = readSessionCookie(c, config.production) !== undefined;
    const isFormLike = simpleContentType.test(c.req.header('content-type') ?? '');
    if (!hasCookie && !isFormLike) return next();
    const origin = c.req.header('origin');
    const allowed = new Set([new URL(c.req.url).origin, new URL(config.publicUrl).origin]);
    if (!origin || !allowed.has(origin)) {
      return errorResponse(
        c,
        403,
        'forbidden',
        origin
          ? 'Forespørgslen kommer fra et andet websted og er afvist.'
          : 'Forespørgslen mangler Origin-headeren og er afvist.',
      );
    }
    await next();
  };
}
