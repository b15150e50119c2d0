import {
  isPublicRead,
  isSearchRead,
  isShortLivedPublicRead,
  matchesIfNoneMatch,
  searchAudienceOf,
  sessionCookieName,
  sharedReadAction,
  shortLivedPublicReadMs,
} from '@brobygger/api';
import { type Action, can, type RoleGrant } from '@brobygger/domain';
import type { AppLoadContext } from '@remix-run/node';
import { Hono } from 'hono';
import { languageCookieName, languageFromCookieHeader } from '../app/i18n/language-cookie';
import { headerUserView } from '../app/lib/header-user';
import type { CurrentUser } from '../app/load-context';
import { createApiClient, type InProcessApi } from './api-client';
import {
  type ContentEncoding,
  compressionThreshold,
  compressResponses,
  negotiateEncoding,
  staticFiles,
  varyOnAcceptEncoding,
} from './compression';
import { fetchCurrentUser } from './current-user';
import { limitFormBody } from './form-body-limit';
import type { CachedPage, PageCache, RenderedForCache } from './page-cache';
import { createCspNonce, pageSecurityHeaders } from './security-headers';

export interface PortalLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface PortalApi extends InProcessApi {
  /** Answers every request under /api (its routes carry the /api prefix themselves). */
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
}

const safeMethods = new Set(['GET', 'HEAD']);

/**
 * Whether a page request may change something: reads always may; anything else (a Remix action)
 * must come from the portal's own origin or PUBLIC_URL. The API checks this too, but only for
 * the calls it receives; the portal refuses before any action runs.
 */
export function isSameOriginRequest(request: Request, publicUrl?: string): boolean {
  if (safeMethods.has(request.method)) return true;
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const allowed = new Set([new URL(request.url).origin]);
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  return allowed.has(origin);
}

export interface PortalServerOptions {
  api: PortalApi;
  /** Remix's request handler (`createRequestHandler(build, mode)`). */
  handleRequest: (request: Request, loadContext: AppLoadContext) => Promise<Response>;
  /** Remix's built browser assets (`build/client`); omitted in development, where Vite serves them. */
  clientDir?: string;
  /** Where users reach the portal (PUBLIC_URL); a trusted Origin besides the request's own. */
  publicUrl?: string | undefined;
  /** NODE_ENV=production: adds HSTS. */
  production: boolean;
  /** Running under Vite's dev server, whose hot reloading needs a looser CSP. */
  dev?: boolean;
  logger?: PortalLogger;
  /** Keeps rendered pages of public data (ADR 0013); none in development and by default. */
  pageCache?: PageCache;
  /**
   * Who a page request comes from, by its session cookie (`bootApi().identifyVisitor`): the page
   * cache's way to the account menu without a request to the API. Without it, `GET /api/me`.
   */
  identifyVisitor?: (headers: Headers, connection?: object) => Promise<Visitor | null>;
}

/** A signed-in visitor as the page cache sees them: enough for the account menu and `can()`. */
interface Visitor {
  id: string;
  displayName: string;
  roles: readonly { role: string; focusArea?: string | null; associationId?: number | null }[];
}

const personalPages =
  /^\/(?:min-side|admin|log-ind|log-ud|opret-bruger|nulstil-adgangskode|bekraeft-email|styregruppe|tovholder|statusrapporter)(?:[/.]|$)|^\/arrangementer\/(?:gaest\/|ny$|[^/]+\/(?:deltagere|min-tilmelding|rediger|tilmeld-gaest)$)|^\/viden\/(?:ny|forslag|gennemsyn|[^/]+\/(?:rediger|foreslaa))$|^\/forum\/(?:moderation|afmeld|indlaeg\/[^/]+\/rediger)$/; // …|knowledge (issue 11)

// Associations and volunteers (issue 10): registering, managing, invitations, moderation,
// the volunteer's own pages and staff's volunteer pages.
const associationPersonalPages =
  /^\/(?:frivillig|frivillige)(?:[/.]|$)|^\/foreninger\/(?:ny$|invitation\/|[^/]+\/(?:administrer|aktiviteter\/[^/]+)$)|^\/arrangementer\/[^/]+\/frivillige$/;

/**
 * Pages the same for everyone one permission allows (their loaders gate on the visitor with
 * `context.visitor()` and read only public and shared reads): kept once for all of them, each
 * visitor's permission checked on every answer (ADR 0013).
 */
const sharedPages = /^\/(?:styregruppe|frivillige)$/;

/**
 * Pages whose only reads that depend on the visitor are searches (issue 12): kept for a second once
 * per search audience (everyone who may find the same things), each visitor with their own menu.
 */
const searchPages = /^\/soeg$/;

const isPersonalPath = (path: string) => personalPages.test(path) || associationPersonalPages.test(path);

/**
 * A page no cache may keep: the account pages, anything that sets a cookie (a login), and every
 * page shown to a signed-in visitor (the header shows their name).
 */
async function isPersonal(
  path: string,
  response: Response,
  currentUser: Promise<unknown> | undefined,
): Promise<boolean> {
  if (isPersonalPath(path) || response.headers.has('Set-Cookie')) return true;
  return Boolean(currentUser && (await currentUser.catch(() => null)));
}

type PortalEnv = { Variables: { cspNonce: string; staticFile?: string } };

interface RenderedPage {
  response: Response;
  /** The current user as the render asked for it (undefined when nothing asked). */
  currentUser: Promise<unknown> | undefined;
  onlyPublicReads: () => boolean;
  askedForUser: () => boolean;
  /** The shortest time any read of the render may be kept (short-lived public reads). */
  maxAgeMs: () => number;
  /** The action of the shared reads made (see `RenderedForCache.sharedBy`). */
  sharedBy: () => Action | null | undefined;
  /** The audience of the searches made (see `RenderedForCache.searchAudience`). */
  searchAudience: () => string | null | undefined;
}

/**
 * Who asks for a page, as far as the page cache cares: a GET of a public page, with no cookie but
 * the language and (for a signed-in visitor) the session. Anything else (a POST, a personal page,
 * another cookie, a reload that asks for a fresh page) is rendered every time: undefined.
 */
function cacheVisitor(
  request: Request,
  path: string,
  cookieOfSession: string,
): { language: string; signedIn: boolean; shared: boolean } | undefined {
  const shared = sharedPages.test(path);
  if (request.method !== 'GET' || (isPersonalPath(path) && !shared)) return undefined;
  if (/no-cache|max-age=0/i.test(request.headers.get('Cache-Control') ?? '')) return undefined;
  if (request.headers.has('Authorization')) return undefined;
  const cookieHeader = request.headers.get('Cookie');
  let signedIn = false;
  for (const part of cookieHeader ? cookieHeader.split(';') : []) {
    const name = part.slice(0, part.indexOf('=') === -1 ? undefined : part.indexOf('=')).trim();
    if (name === '') continue;
    if (name === cookieOfSession) signedIn = true;
    else if (name !== languageCookieName) return undefined;
  }
  return { language: languageFromCookieHeader(cookieHeader), signedIn, shared };
}

/** The same request without the session cookie: the page as an anonymous visitor sees it. */
function withoutSessionCookie(request: Request, cookieOfSession: string): Request {
  const headers = new Headers(request.headers);
  const kept = (request.headers.get('Cookie') ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !part.startsWith(`${cookieOfSession}=`));
  if (kept.length > 0) headers.set('Cookie', kept.join('; '));
  else headers.delete('Cookie');
  return new Request(request.url, { method: 'GET', headers });
}

/** A response with the same status and headers as `response`, and `body`. */
function rebuilt(response: Response, body: string): Response {
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * The encoding a kept page goes out in (what the compression middleware would choose), with the
 * headers it implies; the middleware leaves an answer that has one alone.
 */
function pageEncoding(headers: Headers, identityLength: number, request: Request): ContentEncoding | null {
  if (identityLength < compressionThreshold) return null;
  varyOnAcceptEncoding(headers);
  const encoding = negotiateEncoding(request.headers.get('Accept-Encoding'));
  if (encoding) headers.set('Content-Encoding', encoding);
  return encoding;
}

/** A kept page for an anonymous visitor, or 304 when they hold it already. */
function cachedAnswer(
  pageCache: PageCache,
  entry: CachedPage,
  request: Request,
  how: 'hit' | 'miss',
): Response {
  const headers = new Headers(entry.headers);
  headers.set('X-Page-Cache', how);
  const encoding = pageEncoding(headers, pageCache.bodyOf(entry).byteLength, request);
  // The compressed bytes differ from the identity answer's: a strong validator would be a lie.
  headers.set('ETag', encoding ? `W/${entry.etag}` : entry.etag);
  if (matchesIfNoneMatch(request.headers.get('If-None-Match') ?? undefined, entry.etag)) {
    headers.delete('Content-Type');
    headers.delete('Content-Encoding');
    return new Response(null, { status: 304, headers });
  }
  return new Response(pageCache.bodyOf(entry, encoding), { status: 200, headers });
}

/** A kept page with a signed-in visitor's account menu in place of the anonymous one. */
function splicedAnswer(pageCache: PageCache, entry: CachedPage, menu: string, request: Request): Response {
  const headers = new Headers(entry.headers);
  headers.set('Cache-Control', 'no-store');
  headers.set('X-Page-Cache', 'hit');
  const encoding = pageEncoding(headers, pageCache.splicedBodyOf(entry, menu).byteLength, request);
  return new Response(pageCache.splicedBodyOf(entry, menu, encoding), { status: 200, headers });
}

/** The socket a request came on, from the Node adapter's bindings (none in tests' `app.request`). */
function connectionOf(env: unknown): object | undefined {
  return (env as { incoming?: { socket?: object } } | undefined)?.incoming?.socket ?? undefined;
}

function hasExtension(path: string): boolean {
  return path.slice(path.lastIndexOf('/') + 1).includes('.');
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * The portal's HTTP app: static files, the API under /api, and every other path rendered by Remix.
 * It does not listen; `server/main.ts` serves it, and tests call `app.request()`.
 */
export function createPortalServer(options: PortalServerOptions): Hono<PortalEnv> {
  const {
    api,
    handleRequest,
    clientDir,
    publicUrl,
    production,
    dev = false,
    logger,
    pageCache,
    identifyVisitor,
  } = options;
  const app = new Hono<PortalEnv>();

  // Outermost, so it sees every answer (pages, the API, static files) with its final headers.
  app.use('*', compressResponses());

  // Pages and static files get the portal's security headers; the API sets its own.
  app.use('*', async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    const started = performance.now();
    const nonce = createCspNonce();
    c.set('cspNonce', nonce);
    await next();
    for (const [name, value] of Object.entries(pageSecurityHeaders(nonce, { production, dev }))) {
      c.res.headers.set(name, value);
    }
    // Built assets would drown the page requests in the log.
    if (c.get('staticFile')) return;
    logger?.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round(performance.now() - started),
      },
      'portal request',
    );
  });

  if (clientDir) {
    const serveFile = staticFiles<PortalEnv>(clientDir, (path, c) => c.set('staticFile', path));
    // Every built file has an extension; API calls and pages never look on disk (a stat per request).
    app.use('*', (c, next) =>
      isApiPath(c.req.path) || !hasExtension(c.req.path) ? next() : serveFile(c, next),
    );
  }

  app.use('*', limitFormBody());

  app.all('/api', (c) => api.fetch(c.req.raw, c.env));
  app.all('/api/*', (c) => api.fetch(c.req.raw, c.env));

  const cookieOfSession = sessionCookieName(production);

  /** Renders a page with Remix, for `request` as it is (its cookies decide who is asking). */
  async function render(request: Request, env: unknown, nonce: string): Promise<RenderedPage> {
    let currentUser: Promise<CurrentUser | null> | undefined;
    let onlyPublicReads = true;
    let askedForUser = false;
    let maxAgeMs = Number.POSITIVE_INFINITY;
    let sharedBy: Action | null | undefined;
    let searchAudience: string | null | undefined;
    const tracked: InProcessApi = {
      request: async (input, init, callEnv) => {
        const response = await api.request(input, init, callEnv);
        const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
        const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
        const shared = method === 'GET' ? sharedReadAction(path) : undefined;
        if (method !== 'GET') onlyPublicReads = false;
        else if (isSearchRead(path)) {
          // Kept a second by the API, for everyone the answer names as its audience.
          maxAgeMs = Math.min(maxAgeMs, shortLivedPublicReadMs);
          const audience = response.status === 200 ? response.headers.get('X-Search-Audience') : null;
          searchAudience = searchAudience === undefined || searchAudience === audience ? audience : null;
        } else if (isShortLivedPublicRead(path)) maxAgeMs = Math.min(maxAgeMs, shortLivedPublicReadMs);
        else if (shared)
          sharedBy = response.status === 200 && (sharedBy ?? shared) === shared ? shared : null;
        else if (path !== '/api/me' && !isPublicRead(path)) onlyPublicReads = false;
        return response;
      },
    };
    const client = createApiClient(tracked, {
      origin: new URL(request.url).origin,
      headers: request.headers,
      env,
      onMutation: () => {
        currentUser = undefined;
      },
    });
    const user = () => {
      currentUser ??= fetchCurrentUser(client);
      return currentUser;
    };
    const loadContext: AppLoadContext = {
      api: client,
      cspNonce: nonce,
      currentUser: () => {
        askedForUser = true;
        return user();
      },
      headerUser: user,
      visitor: user,
    };
    const response = await handleRequest(request, loadContext);
    // The language and the session come from cookies, so caches must key on them.
    response.headers.append('Vary', 'Cookie');
    return {
      response,
      currentUser,
      onlyPublicReads: () => onlyPublicReads,
      askedForUser: () => askedForUser,
      maxAgeMs: () => maxAgeMs,
      sharedBy: () => sharedBy,
      searchAudience: () => searchAudience,
    };
  }

  /** Reads a render's whole body, for the cache to look at and keep. */
  async function forCache(rendered: RenderedPage, nonce: string): Promise<RenderedForCache> {
    const body = await rendered.response.text();
    return {
      response: rendered.response,
      body,
      onlyPublicReads: rendered.onlyPublicReads(),
      askedForUser: rendered.askedForUser(),
      maxAgeMs: rendered.maxAgeMs(),
      sharedBy: rendered.sharedBy(),
      searchAudience: rendered.searchAudience(),
      nonce,
    };
  }

  /** A rendered page, marked no-store when it is personal. */
  async function withCacheControl(rendered: RenderedPage, path: string): Promise<Response> {
    if (await isPersonal(path, rendered.response, rendered.currentUser)) {
      rendered.response.headers.set('Cache-Control', 'no-store');
    }
    return rendered.response;
  }

  // The session check's visitor is kept as long as the check is trusted: name its audience once.
  const searchAudiences = new WeakMap<Visitor, string>();

  /**
   * A search page for a signed-in visitor: kept a second for everyone with the same search audience
   * (what they may find), under a key that names it, and answered with the visitor's own account
   * menu. A render is kept only when its searches were answered for exactly that audience (the
   * API names it), its loaders never asked who the visitor is, and its other reads were public:
   * if the visitor's roles change between the lookup and the render, nothing is kept.
   */
  async function searchPageAnswer(
    request: Request,
    env: unknown,
    nonce: string,
    url: URL,
    language: string,
    user: Visitor,
  ): Promise<Response> {
    const cache = pageCache as PageCache;
    let audience = searchAudiences.get(user);
    if (audience === undefined) {
      audience = searchAudienceOf({ userId: user.id, grants: user.roles as readonly RoleGrant[] });
      searchAudiences.set(user, audience);
    }
    const key = `${language}\n${url.pathname}${url.search}\naudience ${audience}`;
    const identity = { language, user: headerUserView(user) };
    // As for public pages: the first to miss renders, those who miss meanwhile wait for it.
    const { generation, entry, settle } = await cache.lookupOrLead(key);
    try {
      const menu = entry?.kind === 'page' ? cache.accountMenu(identity, url.pathname) : undefined;
      if (entry?.kind === 'page' && menu !== undefined) return splicedAnswer(cache, entry, menu, request);
      const full = await render(request, env, nonce);
      const result = await forCache(full, nonce);
      if (full.response.status === 200 && !full.askedForUser() && full.searchAudience() === audience) {
        cache.rememberAccountMenu(identity, result.body, url.pathname);
      }
      if (!entry) settle?.(cache.storeForSearchAudience(key, generation, result, audience));
      const answer = rebuilt(full.response, result.body);
      answer.headers.set('Cache-Control', 'no-store');
      return answer;
    } finally {
      settle?.();
    }
  }

  app.all('*', async (c) => {
    const request = c.req.raw;
    if (!isSameOriginRequest(request, publicUrl)) {
      return c.text('Forbidden: the form was not sent from this site.', 403);
    }
    const nonce = c.get('cspNonce');
    const visitor = pageCache ? cacheVisitor(request, c.req.path, cookieOfSession) : undefined;
    if (!pageCache || !visitor) return withCacheControl(await render(request, c.env, nonce), c.req.path);

    const url = new URL(request.url);
    const identify = () =>
      (identifyVisitor
        ? identifyVisitor(request.headers, connectionOf(c.env))
        : fetchCurrentUser(createApiClient(api, { origin: url.origin, headers: request.headers, env: c.env }))
      ).catch(() => null);

    if (visitor.shared) {
      // A shared page: kept once for everyone its permission allows, never for anonymous visitors.
      const user = visitor.signedIn ? await identify() : null;
      if (!user) return withCacheControl(await render(request, c.env, nonce), c.req.path);
      const key = `${visitor.language}\n${url.pathname}${url.search}\nshared`;
      const { generation, entry } = await pageCache.lookup(key);
      const identity = { language: visitor.language, user: headerUserView(user) };
      const permitted =
        entry?.kind === 'page' &&
        entry.sharedBy !== undefined &&
        can({ userId: user.id, grants: user.roles as readonly RoleGrant[] }, entry.sharedBy);
      const menu = permitted ? pageCache.accountMenu(identity, url.pathname) : undefined;
      if (entry?.kind === 'page' && menu !== undefined) return splicedAnswer(pageCache, entry, menu, request);
      // Rendered for this visitor; kept for the others when it qualifies, and their menu too.
      const full = await render(request, c.env, nonce);
      const result = await forCache(full, nonce);
      if (!entry) pageCache.storeShared(key, generation, result);
      if (full.response.status === 200 && !full.askedForUser() && full.sharedBy()) {
        pageCache.rememberAccountMenu(identity, result.body, url.pathname);
      }
      const answer = rebuilt(full.response, result.body);
      answer.headers.set('Cache-Control', 'no-store');
      return answer;
    }

    if (visitor.signedIn && searchPages.test(url.pathname)) {
      const user = await identify();
      if (user) return searchPageAnswer(request, c.env, nonce, url, visitor.language, user);
    }

    const key = `${visitor.language}\n${url.pathname}${url.search}`;
    // The first visitor to miss renders the page for the cache; those who miss while it renders
    // wait for it and are answered from what it kept.
    const { generation, entry: found, settle } = await pageCache.lookupOrLead(key);
    let entry = found;

    if (!visitor.signedIn) {
      try {
        if (entry?.kind === 'page') return cachedAnswer(pageCache, entry, request, 'hit');
        const rendered = await render(request, c.env, nonce);
        if (entry?.kind === 'uncacheable') return withCacheControl(rendered, c.req.path);
        const result = await forCache(rendered, nonce);
        const stored = pageCache.store(key, generation, result);
        settle?.(stored);
        if (stored.kind === 'page') return cachedAnswer(pageCache, stored, request, 'miss');
        return withCacheControl(
          { ...rendered, response: rebuilt(rendered.response, result.body) },
          c.req.path,
        );
      } finally {
        settle?.();
      }
    }

    // Signed in: the anonymous page with this visitor's account menu, when the page allows that.
    if (!entry) {
      // Nobody has asked for this page anonymously yet: render it as they would see it.
      try {
        const anonymous = await render(withoutSessionCookie(request, cookieOfSession), c.env, nonce);
        entry = pageCache.store(key, generation, await forCache(anonymous, nonce));
        settle?.(entry);
      } finally {
        settle?.();
      }
    }
    if (entry.kind === 'page' && entry.sharedWithSignedIn) {
      const user = await identify();
      if (user) {
        const identity = { language: visitor.language, user: headerUserView(user) };
        const menu = pageCache.accountMenu(identity);
        if (menu !== undefined) return splicedAnswer(pageCache, entry, menu, request);
        // The first such page this visitor sees is rendered in full, and their account menu kept.
        const full = await render(request, c.env, nonce);
        const body = await full.response.text();
        if (full.response.status === 200 && !full.askedForUser())
          pageCache.rememberAccountMenu(identity, body);
        const answer = rebuilt(full.response, body);
        answer.headers.set('Cache-Control', 'no-store');
        return answer;
      }
    }
    return withCacheControl(await render(request, c.env, nonce), c.req.path);
  });

  app.onError((error, c) => {
    logger?.error({ err: error, path: c.req.path }, 'portal request failed');
    return c.text('Internal Server Error', 500);
  });

  return app;
}
