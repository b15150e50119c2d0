import type { SearchQuery, SearchResult } from '@brobygger/search';

/**
 * Search answers kept for a second (issue 12), as the event list is (ADR 0014): the index itself
 * follows the database through jobs, so a second more changes nothing a user could notice, and a
 * burst of the same search (search as you type, a popular word) costs one search. The key holds
 * the reader keys, so an answer is only ever given to someone with the same access.
 */
export class SearchAnswerCache {
  readonly #entries = new Map<string, { at: number; answer: Promise<SearchResult> }>();

  constructor(
    private readonly ttlMs = 1000,
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  async get(query: SearchQuery, search: () => Promise<SearchResult>): Promise<SearchResult> {
    const key = JSON.stringify([
      [...query.readers].sort(),
      query.q,
      query.type ?? '',
      query.focusArea ?? '',
      query.tag ?? '',
      query.page ?? 1,
      query.pageSize ?? 0,
    ]);
    const now = this.now();
    const hit = this.#entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.answer;
    const answer = search();
    this.#entries.delete(key);
    this.#entries.set(key, { at: now, answer });
    answer.catch(() => this.#entries.delete(key));
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return answer;
  }
}
