import { validateSessionToken } from '@brobygger/auth';
import { getUserView } from '@brobygger/db';
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiDependencies, AppEnv } from '../context.ts';
import { readSessionCookie, sessionTokenOf } from './cookies.ts';
import { type LoadedSession, maxSessionTokenLength, sessionKeyOfCookie } from './session-cache.ts';

/**
 * The session a token names, its user's account and roles; undefined for an unknown, expired or
 * forged token or a disabled account. Through the session cache when there is one (ADR 0013).
 */
export async function authenticate(deps: ApiDependencies, token: string): Promise<LoadedSession | undefined> {
  if (token.length > maxSessionTokenLength) return undefined;
  const cache = deps.sessionCache;
  if (cache) return cache.load(token, () => checkSession(deps, token));
  return checkSession(deps, token);
}

async function checkSession(deps: ApiDependencies, token: string): Promise<LoadedSession | undefined> {
  const session = await validateSessionToken(deps.db, token);
  const account = session ? await getUserView(deps.db, session.user_id) : undefined;
  if (!session || !account || account.disabled) return undefined;
  return { session, account, actor: { userId: account.id, grants: account.roles } };
}

/**
 * Who a page request comes from, by its session cookie alone (what a browser sends): the same
 * check as every API request's, for the portal's page cache, which needs only the header's
 * account menu and so no request to the API.
 */
export function visitorIdentifier(deps: ApiDependencies) {
  const { production } = deps.config;
  /** `connection`: the socket the request came on (see `sessionKeyOfCookie`). */
  return async (headers: Headers, connection?: object): Promise<LoadedSession['account'] | null> => {
    const cookieHeader = headers.get('cookie') ?? undefined;
    // A session this process checked a moment ago, found without reading the cookie again.
    const key = deps.sessionCache ? sessionKeyOfCookie(cookieHeader, production, connection) : undefined;
    const kept = key ? deps.sessionCache?.getByKey(key) : undefined;
    if (kept) return kept.account;
    const token = sessionTokenOf(cookieHeader, production);
    return (token ? (await authenticate(deps, token))?.account : undefined) ?? null;
  };
}

/**
 * Finds who is asking: a session token from the cookie (browsers) or from
 * `Authorization: Bearer` (API clients). Disabled accounts have no sessions, but are checked
 * anyway so a race with disabling cannot let a request through.
 */
export function loadSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('actor', null);
    c.set('user', null);
    c.set('session', null);
    c.set('account', null);
    c.set('authVia', null);
    const { config } = c.get('deps');
    const authorization = c.req.header('authorization');
    const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = readSessionCookie(c, config.production);
    const token = bearer ?? cookie;
    const loaded = token ? await authenticate(c.get('deps'), token) : undefined;
    if (loaded) signIn(c, loaded, bearer ? 'bearer' : 'cookie');
    await next();
  };
}

function signIn(c: Context<AppEnv>, { session, account, actor }: LoadedSession, via: 'bearer' | 'cookie') {
  c.set('session', session);
  c.set('user', {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    totpEnabled: account.totpEnabled,
  });
  c.set('account', account);
  c.set('actor', actor);
  c.set('authVia', via);
}

/**
 * Every state-changing request empties the session cache before and after it runs: whatever it
 * changes (a sign-out, a role, a disabled account) is seen by the next request at once.
 */
export function clearSessionCacheOnChange(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const cache = c.get('deps').sessionCache;
    if (!cache || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    cache.clear();
    try {
      await next();
    } finally {
      cache.clear();
    }
  };
}
