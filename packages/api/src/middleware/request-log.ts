import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';

/** One structured log line per request, tagged with the request id (also sent as X-Request-Id). */
export function requestLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const logger = c.get('deps').logger.child({ reqId: c.get('requestId') });
    c.set('logger', logger);
    await next();
    const fields = {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (c.res.status >= 500) logger.error(fields, 'request failed');
    else logger.info(fields, 'request');
  };
}
