import { getPublicDataGeneration } from '@brobygger/db';
import type { ErrorCode } from '@brobygger/domain';
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { requireSameOrigin } from './auth/csrf.ts';
import { clearSessionCacheOnChange, loadSession } from './auth/session.ts';
import { EventListCache } from './cache/event-list-cache.ts';
import { PublicReadCache } from './cache/public-read-cache.ts';
import type { ApiDependencies, AppEnv } from './context.ts';
import { errorBody, useCaseErrorResponse } from './errors.ts';
import { temporaryFileStore } from './files/store.ts';
import { eventListCache } from './middleware/event-list-cache.ts';
import { limitBody, parseJsonBody, requireJsonBody } from './middleware/json-body.ts';
import { dropKnowledgeCopiesAfterChange } from './middleware/knowledge-changes.ts';
import { noStoreForPersonalAnswers } from './middleware/no-store.ts';
import { publicReadCache, publicReadFastPath } from './middleware/public-reads.ts';
import { requestLog } from './middleware/request-log.ts';
import { apiSecurityHeaders } from './middleware/security-headers.ts';
import { registerSecuritySchemes } from './openapi.ts';
import { adminRouter } from './routes/admin/admin.index.ts';
// Associations and volunteers (issue 10)
import { associationsRouter } from './routes/associations/associations.index.ts';
import { authRouter } from './routes/auth/auth.index.ts';
import { calendarRouter } from './routes/calendar/calendar.index.ts';
import { docsRouter } from './routes/docs/docs.index.ts';
import { guestsRouter } from './routes/event-guests/guests.index.ts';
import { participantsRouter } from './routes/event-participants/participants.index.ts';
import { eventsRouter } from './routes/events/events.index.ts';
import { forumRouter } from './routes/forum/forum.index.ts';
import { healthRouter } from './routes/health/health.index.ts';
import { jobsRouter } from './routes/jobs/jobs.index.ts';
import { meRouter } from './routes/me/me.index.ts';
import { policyRouter } from './routes/policy/policy.index.ts';
// Knowledge: resource library and forum (issue 11)
import { resourcesRouter } from './routes/resources/resources.index.ts';
import { searchRouter } from './routes/search/search.index.ts';
import { statusRouter } from './routes/status/status.index.ts';
import { volunteersRouter } from './routes/volunteers/volunteers.index.ts';
import { UseCaseError } from './services/errors.ts';
import { sharedReads } from './shared-reads.ts';

/** The error code of an answer that Hono's own middleware refused (validators, body limit…). */
const httpExceptionCodes: Partial<Record<number, ErrorCode>> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/** The Hono app of the whole API, under /api. It never listens: servers and tests call it. */
export function createApi(options: ApiDependencies) {
  // On the caller's object itself, not a copy: work started for these dependencies after an
  // answer (afterResponse) is awaited through the same object (settleAfterResponse, boot's close).
  const deps: ApiDependencies = options;
  deps.publicCache ??= new PublicReadCache({ readGeneration: () => getPublicDataGeneration(options.db) });
  deps.eventListCache ??= new EventListCache();
  // Knowledge (issue 11): uploaded files; bootApi gives the DATA_DIR folder.
  deps.files ??= temporaryFileStore();
  const app = new OpenAPIHono<AppEnv>().basePath('/api');
  app
    .use(async (c, next) => {
      c.set('deps', deps);
      c.set('logger', deps.logger);
      await next();
    })
    // A public read the cache holds, or a shared read for a caller just checked, is answered here,
    // as the chain below would (ADR 0011, ADR 0013).
    .use(publicReadFastPath(sharedReads))
    // A caller's X-Request-Id is kept only when short and of [A-Za-z0-9_=-], so it is safe to log.
    .use(requestId({ headerName: 'X-Request-Id', limitLength: 64 }))
    .use(requestLog())
    .use(apiSecurityHeaders({ production: deps.config.production }))
    .use(noStoreForPersonalAnswers())
    .use(limitBody())
    .use(requireSameOrigin())
    .use(requireJsonBody())
    .use(parseJsonBody())
    // Public reads answered from the cache need no session: their answer is the same for all.
    .use(publicReadCache())
    .use(clearSessionCacheOnChange())
    // The public event list (issue 9): the same for everyone, kept for a second.
    .use(eventListCache())
    .use(loadSession())
    // Knowledge (issue 11): a change drops this process's copies of the anonymous reads at once.
    .use('/resources', dropKnowledgeCopiesAfterChange())
    .use('/resources/*', dropKnowledgeCopiesAfterChange())
    .use('/resource-suggestions/*', dropKnowledgeCopiesAfterChange())
    .use('/attachments/*', dropKnowledgeCopiesAfterChange())
    .use('/forum/*', dropKnowledgeCopiesAfterChange());

  // Chained, so the typed client sees every route.
  const routes = app
    .route('/', healthRouter)
    .route('/', policyRouter)
    .route('/', authRouter)
    .route('/', meRouter)
    .route('/', adminRouter)
    .route('/', jobsRouter)
    // Status reports (issue 13)
    .route('/', statusRouter)
    // Events: calendar files and feeds first (issue 9: `/events/:id.ics` before `/events/:id`)
    .route('/', calendarRouter)
    .route('/', eventsRouter)
    .route('/', guestsRouter)
    .route('/', participantsRouter)
    // Associations and volunteers (issue 10)
    .route('/', associationsRouter)
    .route('/', volunteersRouter)
    // Search (issue 12)
    .route('/', searchRouter)
    // Knowledge: resource library and forum (issue 11)
    .route('/', resourcesRouter)
    .route('/', forumRouter);

  registerSecuritySchemes(app);
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Brobygger API',
      version: '1.0.0',
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
      description:
        'The open JSON API of Brobygger, Skanderborg Kommune’s integration platform. Errors are `{ error: { code, message, fields? } }` with a 4xx status.',
    },
    servers: [{ url: '/' }],
  });

  // The readable reference of that document; not part of the typed client.
  app.route('/', docsRouter);

  app.notFound((c) =>
    c.json(errorBody('not_found', `Ingen ressource på ${c.req.method} ${c.req.path}`), 404),
  );

  app.onError((error, c) => {
    // A use case's expected failure (not found, conflict, wrong field, too many attempts).
    if (error instanceof UseCaseError) return useCaseErrorResponse(c, error);
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      const code = httpExceptionCodes[status] ?? 'bad_request';
      return c.json(errorBody(code, error.message || 'Ugyldig forespørgsel'), status);
    }
    c.get('logger').error({ err: error }, 'unhandled error');
    return c.json(errorBody('internal_error', 'Der opstod en uventet fejl. Prøv igen senere.'), 500);
  });

  return routes;
}

export type ApiApp = ReturnType<typeof createApi>;
/** The API's type, for the typed client (`hc<ApiType>`). */
export type ApiType = ApiApp;
