import type { ReaderKey, SearchDocument, SearchDocumentType } from './document.ts';

/** The search port (issue 12): what every engine offers. Adapters: `postgres.ts`, `meilisearch.ts`. */
export interface SearchQuery {
  /** What the user typed; any text at all (operators, emoji, 2,000 characters) is safe. */
  q: string;
  /** The reader keys of the one searching (`readerKeys()`); nothing else is ever found. */
  readers: readonly ReaderKey[];
  type?: SearchDocumentType | undefined;
  focusArea?: string | undefined;
  tag?: string | undefined;
  /** 1-based. */
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface SearchHit {
  type: SearchDocumentType;
  id: string;
  title: string;
  /**
   * A short passage with the matched words highlighted: HTML-escaped text whose only markup is
   * `<mark>…</mark>`. The summary (escaped) when no passage of the body matches.
   */
  snippet: string;
  url: string;
}

export interface SearchFacets {
  type: Record<string, number>;
  focusArea: Record<string, number>;
  tag: Record<string, number>;
}

export interface SearchResult {
  hits: SearchHit[];
  /**
   * Counts by type, focus area and tag of the hits counted: of every match when `totalCapped` is
   * false, of the first `maxCountedHits` hits when it is true (then each is a lower bound).
   */
  facets: SearchFacets;
  /** The number of matches, counted up to `maxCountedHits`. */
  total: number;
  /**
   * True when more than `maxCountedHits` documents match: `total` is then `maxCountedHits`, to be
   * shown as "more than 1,000", and only the first `maxCountedHits` hits can be paged through.
   */
  totalCapped: boolean;
}

export interface SearchRef {
  type: SearchDocumentType;
  id: string;
}

export interface SearchEngine {
  readonly name: string;
  /** Prepares the index (settings, schema); idempotent, called at start-up. */
  start(): Promise<void>;
  /** Writes documents (insert or replace by type and id), stamped with `indexedAt`. */
  upsert(documents: readonly SearchDocument[], indexedAt?: Date): Promise<void>;
  /** Removes documents; removing one that is not there is fine. */
  remove(refs: readonly SearchRef[]): Promise<void>;
  /** Removes every document last written before `before` (a rebuild's stale leftovers). */
  removeIndexedBefore(before: Date): Promise<number>;
  /** Work after a bulk rebuild (e.g. refreshing auxiliary tables); optional. */
  afterRebuild?(): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Number of documents in the index (for tests and the CLI). */
  count(): Promise<number>;
  close?(): Promise<void>;
}

export const defaultPageSize = 10;
export const maxPageSize = 50;
/**
 * A search counts and ranks at most this many hits, so its work does not grow with the index (ADR
 * 0020): 100 pages of 10, as far as the API pages, and Meilisearch's own default `maxTotalHits`.
 */
export const maxCountedHits = 1000;

export function emptyFacets(): SearchFacets {
  return { type: {}, focusArea: {}, tag: {} };
}

export function emptyResult(): SearchResult {
  return { hits: [], facets: emptyFacets(), total: 0, totalCapped: false };
}
