import { hash } from 'node:crypto';
import { isSessionExpired } from '@brobygger/auth';
import type { SessionRow, UserView } from '@brobygger/db';
import type { Actor } from '@brobygger/domain';

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
    const key = keyOf(token);
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
    return this.hit(keyOf(token));
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

function keyOf(token: string): string {
  // One-shot: no Hash object per request (this runs for every signed-in answer from memory).
  return hash('sha256', token, 'base64url');
}
