import { hash } from 'node:crypto';
import { isSessionExpired } from '@brobygger/auth';
import type { SessionRow, UserView } from '@brobygger/db';
import type { Actor } from '@brobygger/domain';
import { sessionTokenOf } from './cookies.ts';

/** What checking a session token found: the session, its user's account and their roles. */
export interface LoadedSession {
  session: SessionRow;
  account: UserView;
  actor: NonNullable<Actor>;
}

export interface SessionCacheOptions {
  /** How long a checked session is trusted without asking the database again. */
  ttlMs: number;
  /** Most sessions kept; the oldest goes first. Default 10,000. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Sessions this process has checked in the last `ttlMs` (ADR 0013), so that a signed-in visitor's
 * page views do not each cost three queries. Only a hash of each token is kept.
 *
 * Correctness: every state-changing request to this API (a sign-out, a role change, disabling an
 * account, deleting one…) clears the whole cache before and after it runs, and a check that was
 * under way while it ran is not kept (an epoch counter). A change made by another process on the
 * same PostgreSQL (or by the operator CLI) is seen within `ttlMs`. Expiry is checked on every hit.
 */
export class SessionCache {
  readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, { loaded: LoadedSession; until: number }>();
  /** Checks under way, so that many requests with one token at once check it once. */
  private readonly pending = new Map<string, Promise<LoadedSession | undefined>>();
  private epoch = 0;

  constructor(options: SessionCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** The cached check of `token`, or `check()`'s answer (kept unless the cache is cleared meanwhile). */
  async load(
    token: string,
    check: () => Promise<LoadedSession | undefined>,
  ): Promise<LoadedSession | undefined> {
    if (this.ttlMs <= 0) return check();
    const key = sessionCacheKeyOf(token);
    const hit = this.hit(key);
    if (hit) return hit;
    const epoch = this.epoch;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const loading = check().finally(() => {
      if (this.pending.get(key) === loading) this.pending.delete(key);
    });
    this.pending.set(key, loading);
    const loaded = await loading;
    if (loaded && epoch === this.epoch) this.keep(key, loaded);
    return loaded;
  }

  get(token: string): LoadedSession | undefined {
    if (this.ttlMs <= 0) return undefined;
    return this.hit(sessionCacheKeyOf(token));
  }

  /** `get` by the token's key (`sessionCacheKeyOf`), for a caller that keeps keys rather than tokens. */
  getByKey(key: string): LoadedSession | undefined {
    if (this.ttlMs <= 0) return undefined;
    return this.hit(key);
  }

  private hit(key: string): LoadedSession | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const now = this.now();
    if (now >= entry.until || isSessionExpired(entry.loaded.session, new Date(now))) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.loaded;
  }

  private keep(key: string, loaded: LoadedSession): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { loaded, until: this.now() + this.ttlMs });
  }

  /** Forgets every session, and every check under way (a request after this checks again). */
  clear(): void {
    this.epoch += 1;
    this.entries.clear();
    this.pending.clear();
  }
}

/** The key the cache keeps a token's session under: a hash of it (never the token itself). */
export function sessionCacheKeyOf(token: string): string {
  // One-shot: no Hash object per request (this runs for every signed-in answer from memory).
  return hash('sha256', token, 'base64url');
}

/** Longer tokens are refused without a look (no session has one). */
export const maxSessionTokenLength = 200;

/**
 * Each connection's last Cookie header and the cache's key for the session token in it. A browser
 * sends the same header on every request of a keep-alive connection, and reading the token out of
 * it and hashing it cost a signed-in answer from memory a third of its time. Only the key is
 * reused: the cache still decides, on every request, whether the session is trusted (its bound, a
 * sign-out, a role change). A header is held only while its connection is open.
 */
const keysByConnection = new WeakMap<object, { cookie: string; key: string | undefined }>();

/**
 * The cache's key for the session token in a Cookie header (undefined: none in it); with the
 * connection it came on, remembered for that connection's next request with the same header.
 */
export function sessionKeyOfCookie(
  cookie: string | undefined,
  production: boolean,
  connection?: object,
): string | undefined {
  if (!cookie) return undefined;
  const kept = connection ? keysByConnection.get(connection) : undefined;
  if (kept?.cookie === cookie) return kept.key;
  const token = sessionTokenOf(cookie, production);
  const key = token && token.length <= maxSessionTokenLength ? sessionCacheKeyOf(token) : undefined;
  if (connection) keysByConnection.set(connection, { cookie, key });
  return key;
}
