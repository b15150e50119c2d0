import { shortLivedPublicReadMs } from '../middleware/public-reads.ts';

/**
 * A short-lived in-memory copy of `GET /api/events` answers (the public list: the same for every
 * caller, drafts are never in it), keyed by the query string. An entry lives `ttlMs` (1 s): a
 * change made in this process clears the cache at once (`dropShortLivedCopies()` below); a change
 * made by another process on the same PostgreSQL is seen within `ttlMs`. Seats shown in a list may
 * therefore lag by up to a second across processes; the sign-up itself always counts under the
 * event's row lock (ADR: events list cache).
 */
export class EventListCache {
  private entries = new Map<string, { body: string; at: number }>();
  private generation = 0;
  private readonly loading = new Map<string, Promise<string | undefined>>();

  constructor(
    readonly ttlMs = shortLivedPublicReadMs,
    private readonly maxEntries = 200,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.body;
  }

  /**
   * A store for an answer being loaded now (undefined: the load failed); it is dropped if anything
   * changed meanwhile. Until it is called, `loadInFlight(key)` gives callers who miss the same
   * answer to wait for.
   */
  beginLoad(key: string): (body?: string) => void {
    const generation = this.generation;
    const at = this.now();
    let settle: (body: string | undefined) => void = () => {};
    const done = new Promise<string | undefined>((resolve) => {
      settle = resolve;
    });
    this.loading.set(key, done);
    return (body) => {
      if (this.loading.get(key) === done) this.loading.delete(key);
      settle(body);
      if (body === undefined || generation !== this.generation) return;
      if (this.entries.size >= this.maxEntries) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      this.entries.set(key, { body, at });
    };
  }

  /**
   * The load of `key` under way, if any: its answer (undefined if it failed) serves a caller who
   * missed while it ran. A change (`invalidate()`) forgets the loads under way, so nobody who
   * asks after a change waits for an answer loaded before it.
   */
  loadInFlight(key: string): Promise<string | undefined> | undefined {
    return this.loading.get(key);
  }

  /** Moves with every `invalidate()`: what a cache of things made from the list keys on. */
  get version(): number {
    return this.generation;
  }

  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
    this.loading.clear();
  }
}

/**
 * What a short-lived public read shows changed (the event list: a seat, a time, a new event; the
 * library, the forum, search): drop this process's copies at once, so the next read, and a page
 * made from it, shows the change. Other processes see it within `ttlMs`. The events and activities
 * use cases call it after their commit; the knowledge routes' middleware after a change succeeds.
 */
export function dropShortLivedCopies(deps: { eventListCache?: EventListCache | undefined }): void {
  deps.eventListCache?.invalidate();
}
