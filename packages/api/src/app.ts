import { getPublicDataGeneration } from '@brobygger/db';
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { requireSameOrigin } from './auth/csrf.ts';
import { loadSession } from './auth/session.ts';
import { PublicReadCache } from './cache/public-read-cache.ts';
import type { ApiDependencies, AppEnv } from './context.ts';
import { errorBody } from './errors.ts';
import { limitBody, parseJsonBody, requireJsonBody } from './middleware/json-body.ts';
import { publicReadCache } from './middleware/public-reads.ts';
import { requestLog } from './middleware/request-log.ts';
import { apiSecurityHeaders } from './middleware/security-headers.ts';
import { adminRouter } from './routes/admin/admin.index.ts';
import { authRouter } from './routes/auth/auth.index.ts';
import { healthRouter } from './routes/health/health.index.ts';
import { meRouter } from './routes/me/me.index.ts';
import { policyRouter } from './routes/policy/policy.index.ts';

/** The Hono app of the whole API, under /api. It never listens: servers and tests call it. */
export function createApi(options: ApiDependencies) {
  const deps: ApiDependencies = {
    ...options,
    publicCache:
      options.publicCache ??
      new PublicReadCache({ readGeneration: () => getPublicDataGeneration(options.db) }),
  };
  const app = new OpenAPIHono<AppEnv>().basePath('/api');
  app
    .use(async (c, next) => {
      c.set('deps', deps);
      c.set('logger', deps.logger);
      await next();
    })
    // A caller's X-Request-Id is kept only when short and of [A-Za-z0-9_=-], so it is safe to log.
    .use(requestId({ headerName: 'X-Request-Id', limitLength: 64 }))
    .use(requestLog())
    .use(apiSecurityHeaders({ production: deps.config.production }))
    .use(limitBody())
    .use(requireSameOrigin())
    .use(requireJsonBody())
    .use(parseJsonBody())
    // Public reads answered from the cache need no session: their answer is the same for all.
    .use(publicReadCache())
    .use(loadSession());

  // Chained, so the typed client sees every route.
  const routes = app
    .route('/', healthRouter)
    .route('/', policyRouter)
    .route('/', authRouter)
    .route('/', meRouter)
    .route('/', adminRouter);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Brobygger API',
      version: '1.0.0',
      description:
        'The open JSON API of Brobygger, Skanderborg Kommune’s integration platform. Errors are `{ error: { code, message, fields? } }` with a 4xx status.',
    },
    servers: [{ url: '/' }],
  });

  app.notFound((c) =>
    c.json(errorBody('not_found', `Ingen ressource på ${c.req.method} ${c.req.path}`), 404),
  );

  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : 'bad_request';
      return c.json(errorBody(code, error.message || 'Ugyldig forespørgsel'), status);
    }
    c.var.logger.error({ err: error }, 'unhandled error');
    return c.json(errorBody('internal_error', 'Der opstod en uventet fejl. Prøv igen senere.'), 500);
  });

  return routes;
}

export type ApiApp = ReturnType<typeof createApi>;
/** The API's type, for the typed client (`hc<ApiType>`). */
export type ApiType = ApiApp;
