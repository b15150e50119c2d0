import { randomUUID } from 'node:crypto';
import { can } from '@brobygger/domain';
import type { Context, MiddlewareHandler } from 'hono';
import { sessionCacheKeyOf, sessionKeyOfCookie } from '../auth/session-cache.ts';
import { type CachedAnswer, matchesIfNoneMatch } from '../cache/public-read-cache.ts';
import type { ApiDependencies, AppEnv } from '../context.ts';
import { searchAnswerKey, searchAudienceOf } from '../services/search/index.ts';
import type { SharedRead } from '../shared-reads.ts';
import { eventListKeyOf, requestTargetOf } from './event-list-cache.ts';
import { jsonSecurityHeaders } from './security-headers.ts';

/**
 * The reads whose answers are public and the same for every caller: the policy (issue 6). A path
 * belongs here only if its route has no permission check and reads nothing about the caller; the
 * cache test warms each with a signed-in staff member and compares with anonymous.
 */
const publicReads = [
  /^\/api\/policy$/,
  /^\/api\/strategy-tracks$/,
  /^\/api\/focus-areas$/,
  /^\/api\/focus-areas\/[^/]+$/,
  /^\/api\/initiatives$/,
  // Status reports (issue 13): the latest acknowledged status of a focus area.
  /^\/api\/focus-areas\/[^/]+\/status$/,
  // Events (issue 9): the types only; the events themselves change with every sign-up.
  /^\/api\/event-types$/,
  // Associations and volunteers (issue 10): the list of verified associations (not one
  // association: its members see more than others).
  /^\/api\/associations$/,
];

export function isPublicRead(path: string): boolean {
  return publicReads.some((pattern) => pattern.test(path));
}

/**
 * Reads that are the same for every caller but change too often for the public-data counter (the
 * event list: seats change with every sign-up). Each process keeps them at most this long
 * (`EventListCache`), and so may anything made from them, such as the portal's cached pages.
 */
export const shortLivedPublicReadMs = 1000;
const shortLivedPublicReads = [
  /^\/api\/events$/,
  // Knowledge (issue 11): kept for anonymous callers only (see `isAnonymousOnlyRead`).
  ...knowledgeAnonymousReads(),
];

export function isShortLivedPublicRead(path: string): boolean {
  return shortLivedPublicReads.some((pattern) => pattern.test(path));
}

/**
 * Knowledge (issue 11): the library's and the forum's reads. What they answer depends on who asks
 * (a resource's audience, hidden posts for staff, the viewer's own buttons), but it is the same for
 * every anonymous caller: only those answers are kept (a second), and only anonymous pages made
 * from them are page-cached.
 */
function knowledgeAnonymousReads(): RegExp[] {
  return [
    /^\/api\/resources$/,
    /^\/api\/resource-tags$/,
    /^\/api\/resources\/[a-z0-9-]+$/,
    /^\/api\/forum\/categories$/,
    /^\/api\/forum\/categories\/[a-z0-9-]+$/,
    /^\/api\/forum\/threads\/\d+$/,
    // Search (issue 12): what an anonymous caller finds is the same for every anonymous caller
    // (the reader key `public` only), so /soeg is page-cached for them like the library.
    /^\/api\/search$/,
  ];
}

/**
 * Search (issue 12): its answer depends on the caller only through what they may find, which the
 * answer names (`X-Search-Audience`, `searchAudienceOf`): the portal's page cache keeps a page made
 * from it once per audience.
 */
export function isSearchRead(path: string): boolean {
  return path === '/api/search';
}

export function isAnonymousOnlyRead(path: string): boolean {
  return path !== '/api/events' && isShortLivedPublicRead(path);
}

// Caches may keep the answer but must ask again each time (with If-None-Match): it can change.
const cacheControl = 'no-cache';

/**
 * Public reads come from the process's PublicReadCache when it holds a current answer, without
 * looking up the session or querying anything else; otherwise the route answers and a 200 is kept.
 * Every answer carries an ETag, and a matching If-None-Match gets 304. Errors (4xx) pass through
 * untouched and are never cached.
 */
export function publicReadCache(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const cache = c.get('deps').publicCache;
    if (c.req.method !== 'GET' || !cache || !isPublicRead(c.req.path)) return next();
    const key = cacheKeyOf(c);
    const ifNoneMatch = c.req.header('if-none-match');
    const respond = (cached: CachedAnswer) => {
      const headers = { ETag: cached.etag, 'Cache-Control': cacheControl };
      if (matchesIfNoneMatch(ifNoneMatch, cached.etag)) return new Response(null, { status: 304, headers });
      return new Response(cached.body, {
        status: 200,
        headers: { ...headers, 'Content-Type': 'application/json' },
      });
    };
    // Through the context, so the headers set so far (the request id…) are kept.
    const answerWith = (kept: CachedAnswer) => {
      const answer = respond(kept);
      const headers = Object.fromEntries(answer.headers);
      return answer.status === 304 ? c.body(null, 304, headers) : c.body(kept.body, 200, headers);
    };
    const hit = await cache.get(key);
    if (hit) return answerWith(hit);
    // Someone is loading it now: their answer serves this caller too (64 callers of a read that
    // just changed make one query, not 64).
    const inFlight = cache.loadInFlight(key);
    const waited = inFlight ? await inFlight : undefined;
    if (waited) return answerWith(waited);
    const store = await cache.beginLoad(key);
    let body: string | undefined;
    try {
      await next();
      if (c.res.status === 200) body = await c.res.text();
    } finally {
      // Errors (4xx, 5xx) are never kept; those waiting go down the chain themselves.
      const kept = store(body);
      // Setting c.res keeps the headers the route and inner middleware set (a refreshed cookie…).
      if (kept) c.res = respond(kept);
    }
  };
}

function cacheKeyOf(c: Context<AppEnv>): string {
  const url = c.req.url;
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? c.req.path : c.req.path + url.slice(queryAt);
}

/** What `answerFromMemory` needs of a request, whichever server received it. */
export interface MemoryRequest {
  method: string;
  /** The path and query as the client sent them (`/api/focus-areas?x=1`), no scheme or host. */
  target: string;
  /** A request header by its lower-case name. */
  header(name: string): string | undefined;
  /** The connection it came on (the socket), for what may be kept as long as that is open. */
  connection?: object;
}

/** An answer made from what the process holds, with every header the chain would have sent. */
export interface MemoryAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: string | null;
}

/**
 * Answers a GET from what this process holds, as the whole chain would, or undefined when it
 * cannot (the request then goes down the chain, which loads and keeps the answer):
 *  - a public read the PublicReadCache holds, with its ETag (304 on a matching If-None-Match);
 *  - a short-lived public read (the event list; knowledge for anonymous callers) still fresh;
 *  - a shared read for a caller whose session this process checked a moment ago (the session
 *    cache) and whom the route's action allows (ADR 0013).
 * The answer carries the API's security headers and a request id, and is logged like any other.
 * A caller's own X-Request-Id, a path with percent-escapes (the chain decodes and normalises it)
 * and anything that is not a GET go down the chain.
 *
 * Synchronous where it can be: the portal's server calls it for every request before anything
 * else (`apps/portal/server/front-door.ts`), so a miss must cost next to nothing.
 */
export function answerFromMemory(
  deps: ApiDependencies,
  sharedReads: readonly SharedRead[],
  request: MemoryRequest,
): MemoryAnswer | undefined | Promise<MemoryAnswer | undefined> {
  if (request.method !== 'GET' || request.header('x-request-id') !== undefined) return undefined;
  const { target } = request;
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  if (!path.startsWith('/api/') || path.includes('%')) return undefined;
  const { publicCache: cache, eventListCache, sessionCache, config } = deps;
  // Known once the first answer went through the chain (or `createApi` found them).
  if (!jsonSecurityHeaders(config.production)) return undefined;
  const started = performance.now();

  const shared = sharedReads.length > 0 ? sharedReads.find((read) => read.pattern.test(path)) : undefined;
  if (shared) {
    const key = sessionCache ? sessionKeyOf(request, config.production) : undefined;
    const loaded = key ? sessionCache?.getByKey(key) : undefined;
    if (!loaded || !can(loaded.actor, shared.action)) return undefined;
    return shared
      .answer(
        {
          deps,
          actorId: loaded.account.id,
          sessionId: loaded.session.id,
          account: loaded.account,
          meta: { ip: null, userAgent: null },
        },
        new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1)),
      )
      .then((body) =>
        body === undefined
          ? undefined
          : finish(
              deps,
              path,
              started,
              200,
              { 'content-type': 'application/json', 'cache-control': 'no-store' },
              body,
            ),
      );
  }
  if (cache && isPublicRead(path)) {
    const hit = cache.peek(target);
    if (!hit) return undefined;
    const headers: Record<string, string> = { etag: hit.etag, 'cache-control': cacheControl };
    if (matchesIfNoneMatch(request.header('if-none-match'), hit.etag)) {
      return finish(deps, path, started, 304, headers, null);
    }
    headers['content-type'] = 'application/json';
    return finish(deps, path, started, 200, headers, hit.body);
  }
  if (!eventListCache || !isShortLivedPublicRead(path)) return undefined;
  // Only for anonymous callers: a signed-in caller's answer is marked no-store down the chain.
  if (request.header('cookie') === undefined && request.header('authorization') === undefined) {
    const hit = eventListCache.get(eventListKeyOf(target));
    if (hit === undefined) return undefined;
    return finish(deps, path, started, 200, shortLivedAnswerHeaders(path), hit);
  }
  // Search (issue 12): a signed-in caller this process checked a moment ago gets the answer the
  // route kept for everyone who finds what they find (`searchAnswerFor`).
  if (isSearchRead(path) && sessionCache) {
    const key = sessionKeyOf(request, config.production);
    const loaded = key ? sessionCache.getByKey(key) : undefined;
    if (!loaded || !can(loaded.actor, 'search:read')) return undefined;
    const audience = searchAudienceOf(loaded.actor);
    const hit = eventListCache.get(searchAnswerKey(audience, target));
    if (hit === undefined) return undefined;
    return finish(
      deps,
      path,
      started,
      200,
      { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-search-audience': audience },
      hit,
    );
  }
  return undefined;
}

/** The headers of a short-lived public read's answer: search's names its audience (everyone). */
export function shortLivedAnswerHeaders(path: string): Record<string, string> {
  return isSearchRead(path)
    ? { 'content-type': 'application/json', 'x-search-audience': searchAudienceOf(null) }
    : { 'content-type': 'application/json' };
}

/** The session cache's key for the caller's session token (Bearer first, then the cookie). */
function sessionKeyOf(request: MemoryRequest, production: boolean): string | undefined {
  const bearer = request.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return sessionCacheKeyOf(bearer);
  return sessionKeyOfCookie(request.header('cookie'), production, request.connection);
}

function finish(
  deps: ApiDependencies,
  path: string,
  started: number,
  status: 200 | 304,
  answerHeaders: Record<string, string>,
  body: string | null,
): MemoryAnswer {
  const reqId = randomUUID();
  const headers = { ...jsonSecurityHeaders(deps.config.production), 'x-request-id': reqId, ...answerHeaders };
  deps.logger.info(
    { reqId, method: 'GET', path, status, ms: Math.round((performance.now() - started) * 10) / 10 },
    'request',
  );
  return { status, headers, body };
}

/**
 * The first middleware of the API: what `answerFromMemory` can answer is answered at once, with
 * the same headers (security headers, request id, ETag) and request log line as through the whole
 * chain, which for such a GET does nothing else (no body, no session). Everything else goes on
 * down the chain (a caller's own X-Request-Id too). In the portal most such requests never get
 * here: its server asks `answerFromMemory` before Hono sees them.
 */
export function publicReadFastPath(sharedReads: readonly SharedRead[] = []): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const answer = await answerFromMemory(c.get('deps'), sharedReads, {
      method: c.req.method,
      target: requestTargetOf(c.req.url),
      header: (name) => c.req.header(name),
    });
    if (!answer) return next();
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  };
}
