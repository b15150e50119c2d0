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
  facets: SearchFacets;
  total: number;
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

export function emptyFacets(): SearchFacets {
  return { type: {}, focusArea: {}, tag: {} };
}
