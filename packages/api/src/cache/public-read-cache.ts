import { createHash } from 'node:crypto';

/** A cached answer: the exact bytes sent, and their entity tag. */
export interface CachedAnswer {
  body: string;
  etag: string;
}

export interface PublicReadCacheOptions {
  /** Reads the shared change counter (`public_data_generation`). */
  readGeneration: () => Promise<number>;
  /**
   * How long a process trusts what it holds before asking the database again: the bound within
   * which a write made by another process is seen here. Default 1000 ms.
   */
  checkIntervalMs?: number;
  /** Most answers held (distinct paths and queries); the oldest goes first. Default 500. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Answers of public, rarely-changing reads (the policy: focus areas, initiatives…), shared by
 * every caller of this process. Only for answers that are identical for everyone, anonymous
 * included: nothing that depends on who asks may ever be put here.
 *
 * Correct with several processes on one PostgreSQL: every change to public data bumps one counter
 * row in the same transaction (a trigger), and the cache compares that counter with the one its
 * entries were loaded under at most every `checkIntervalMs`; a write anywhere is therefore seen
 * here within that bound, and at once in the process that calls `invalidate()` after writing.
 */
export class PublicReadCache {
  readonly checkIntervalMs: number;
  private readonly readGeneration: () => Promise<number>;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private entries = new Map<string, CachedAnswer>();
  private readonly loading = new Map<string, Promise<CachedAnswer | undefined>>();
  /** The counter the entries were loaded under; undefined until first read. */
  private generation: number | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking: Promise<number> | undefined;

  constructor(options: PublicReadCacheOptions) {
    this.readGeneration = options.readGeneration;
    this.checkIntervalMs = options.checkIntervalMs ?? 1000;
    this.maxEntries = options.maxEntries ?? 500;
    this.now = options.now ?? Date.now;
  }

  /**
   * The current counter, asked of the database at most once per interval (one query in flight).
   * Other caches of public data (the portal's rendered pages) key on it too.
   */
  async currentGeneration(): Promise<number> {
    if (this.generation !== undefined && this.now() - this.checkedAt < this.checkIntervalMs) {
      return this.generation;
    }
    this.checking ??= this.readGeneration()
      .then((generation) => {
        if (generation !== this.generation) {
          this.entries.clear();
          this.generation = generation;
        }
        this.checkedAt = this.now();
        return generation;
      })
      .finally(() => {
        this.checking = undefined;
      });
    return this.checking;
  }

  /** The cached answer for `key`, if it is current. */
  async get(key: string): Promise<CachedAnswer | undefined> {
    await this.currentGeneration();
    return this.entries.get(key);
  }

  /**
   * The cached answer for `key` if the counter was checked within the interval, without waiting:
   * undefined when it is not held or the counter is due a check (then `get` asks the database).
   */
  peek(key: string): CachedAnswer | undefined {
    if (this.generation === undefined || this.now() - this.checkedAt >= this.checkIntervalMs)
      return undefined;
    return this.entries.get(key);
  }

  /**
   * The load of `key` under way, if any: a caller who misses while it runs can wait for its
   * answer (undefined if it failed) instead of asking the database the same question again.
   */
  loadInFlight(key: string): Promise<CachedAnswer | undefined> | undefined {
    return this.loading.get(key);
  }

  /**
   * Starts a load (marked at once, before anything is awaited, so `loadInFlight` sees it): returns
   * a function that stores its result (undefined: the load failed, nothing is kept), but keeps it
   * only if nothing changed while it was loading (a change bumps the counter, and an answer loaded
   * before it must not outlive it).
   */
  async beginLoad(key: string): Promise<(body?: string) => CachedAnswer | undefined> {
    let settle: (answer: CachedAnswer | undefined) => void = () => {};
    const done = new Promise<CachedAnswer | undefined>((resolve) => {
      settle = resolve;
    });
    this.loading.set(key, done);
    const finish = (answer: CachedAnswer | undefined) => {
      if (this.loading.get(key) === done) this.loading.delete(key);
      settle(answer);
      return answer;
    };
    let loadedUnder: number;
    try {
      loadedUnder = await this.currentGeneration();
    } catch (error) {
      finish(undefined);
      throw error;
    }
    return (body) => {
      if (body === undefined) return finish(undefined);
      const answer = { body, etag: entityTag(body) };
      if (this.generation === loadedUnder) {
        if (this.entries.size >= this.maxEntries) {
          const oldest = this.entries.keys().next().value;
          if (oldest !== undefined) this.entries.delete(oldest);
        }
        this.entries.set(key, answer);
      }
      return finish(answer);
    };
  }

  /** Drops everything at once; a process calls it after its own write to public data. */
  invalidate(): void {
    this.entries.clear();
    this.generation = undefined;
    this.checkedAt = Number.NEGATIVE_INFINITY;
  }
}

/** A strong entity tag from the bytes themselves, so every process gives the same one. */
export function entityTag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}
