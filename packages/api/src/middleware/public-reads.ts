import { randomUUID } from 'node:crypto';
import { can } from '@brobygger/domain';
import type { Context, MiddlewareHandler } from 'hono';
import { readSessionCookie } from '../auth/cookies.ts';
import { type CachedAnswer, matchesIfNoneMatch } from '../cache/public-read-cache.ts';
import type { AppEnv } from '../context.ts';
import type { SharedRead } from '../shared-reads.ts';
import { eventListKey } from './event-list-cache.ts';
import { jsonAnswerSecurityHeaders } from './security-headers.ts';

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
    const hit = await cache.get(key);
    if (hit) {
      // Through the context, so the headers set so far (the request id…) are kept.
      const answer = respond(hit);
      const headers = Object.fromEntries(answer.headers);
      return answer.status === 304 ? c.body(null, 304, headers) : c.body(hit.body, 200, headers);
    }
    const store = await cache.beginLoad(key);
    await next();
    if (c.res.status !== 200) return;
    // Setting c.res keeps the headers the route and inner middleware set (a refreshed cookie…).
    c.res = respond(store(await c.res.text()));
  };
}

function cacheKeyOf(c: Context<AppEnv>): string {
  const url = c.req.url;
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? c.req.path : c.req.path + url.slice(queryAt);
}

/**
 * The first middleware of the API: a public read the cache holds (the policy's; the event list for
 * anonymous callers) is answered at once, with the same headers (security headers, request id,
 * ETag) and request log line as through the whole chain, which for such a GET does nothing else
 * (no body, no session). Everything else goes on down the chain (a caller's own X-Request-Id too).
 */
export function publicReadFastPath(sharedReads: readonly SharedRead[] = []): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const deps = c.get('deps');
    const { publicCache: cache, eventListCache, sessionCache, config, logger } = deps;
    if (c.req.method !== 'GET' || c.req.header('x-request-id')) return next();
    const path = c.req.path;
    const started = performance.now();
    let headers: Record<string, string>;
    let body: string | null;
    let status: 200 | 304 = 200;
    const shared = sharedReads.length > 0 ? sharedReads.find((read) => read.pattern.test(path)) : undefined;
    if (shared) {
      // A shared read for a caller whose session this process checked a moment ago (the session
      // cache) and whom the route's action allows: the answer the route gives everyone it allows.
      // Anything else (no cached session, not allowed, an unusual request) goes down the chain.
      const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
      const token = bearer ?? readSessionCookie(c, config.production);
      const loaded = token && sessionCache ? sessionCache.get(token) : undefined;
      if (!loaded || !can(loaded.actor, shared.action)) return next();
      const url = c.req.url;
      const queryAt = url.indexOf('?');
      const answer = await shared.answer(
        {
          deps,
          actorId: loaded.account.id,
          sessionId: loaded.session.id,
          account: loaded.account,
          meta: { ip: null, userAgent: null },
        },
        new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1)),
      );
      if (answer === undefined) return next();
      body = answer;
      headers = { 'content-type': 'application/json', 'cache-control': 'no-store' };
    } else if (cache && isPublicRead(path)) {
      const hit = await cache.get(cacheKeyOf(c));
      if (!hit) return next();
      const notModified = matchesIfNoneMatch(c.req.header('if-none-match'), hit.etag);
      headers = { etag: hit.etag, 'cache-control': cacheControl };
      if (notModified) status = 304;
      else headers['content-type'] = 'application/json';
      body = notModified ? null : hit.body;
    } else if (
      eventListCache &&
      isShortLivedPublicRead(path) &&
      // Only for anonymous callers: a signed-in caller's answer is marked no-store down the chain.
      !c.req.header('cookie') &&
      !c.req.header('authorization')
    ) {
      const hit = eventListCache.get(eventListKey(c.req.url));
      if (hit === undefined) return next();
      headers = { 'content-type': 'application/json' };
      body = hit;
    } else {
      return next();
    }
    const reqId = randomUUID();
    headers = { ...(await jsonAnswerSecurityHeaders(config.production)), 'x-request-id': reqId, ...headers };
    logger.info(
      {
        reqId,
        method: 'GET',
        path,
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
    return new Response(body, { status, headers });
  };
}
