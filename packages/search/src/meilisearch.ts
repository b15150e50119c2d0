import { Meilisearch, type Settings } from 'meilisearch';
import type { SearchDocument, SearchDocumentType } from './document.ts';
import {
  defaultPageSize,
  emptyResult,
  maxCountedHits,
  maxPageSize,
  type SearchEngine,
  type SearchQuery,
  type SearchRef,
  type SearchResult,
} from './port.ts';
import {
  cleanText,
  escapeHtml,
  fold,
  markEnd,
  markSnippet,
  markStart,
  shortPassage,
  tokenize,
} from './text.ts';

/** A document as Meilisearch stores it. */
export interface MeiliDocument {
  key: string;
  type: SearchDocumentType;
  id: string;
  title: string;
  summary: string;
  body: string;
  /** Title, summary and tags with æ/ø/å folded to ae/oe/aa, so `boern` finds `børn`. */
  folded: string;
  url: string;
  focusAreas: string[];
  tags: string[];
  readers: string[];
  updatedAt: number;
  indexedAt: number;
}

/**
 * A few Danish synonyms: everyday words for the platform's terms. Spelling variants of æ/ø/å are
 * handled by the `folded` attribute, typos by Meilisearch's typo tolerance.
 */
export const danishSynonyms: Record<string, string[]> = {
  tolk: ['tolkning', 'tolkebistand'],
  tolkning: ['tolk'],
  job: ['beskæftigelse', 'arbejde'],
  beskæftigelse: ['job', 'arbejde'],
  bolig: ['lejlighed', 'bosætning'],
  flygtning: ['flygtninge', 'nyankommen'],
  frivillig: ['frivillige', 'frivilligt'],
  sprogcafé: ['sprogcafe', 'sprog café'],
};

/** The index's settings, applied at every start-up (idempotent). */
export const meiliSettings: Settings = {
  searchableAttributes: ['title', 'summary', 'tags', 'folded', 'body'],
  filterableAttributes: ['type', 'focusAreas', 'tags', 'readers', 'indexedAt'],
  sortableAttributes: ['updatedAt'],
  displayedAttributes: ['key', 'type', 'id', 'title', 'summary', 'body', 'url', 'focusAreas', 'tags'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'updatedAt:desc'],
  synonyms: danishSynonyms,
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['dan'] }],
  faceting: { maxValuesPerFacet: 100 },
  // One more than the port counts, so that more than `maxCountedHits` matches can be told apart.
  pagination: { maxTotalHits: maxCountedHits + 1 },
};

/** Meilisearch ids allow letters, digits, `-` and `_`: everything else is written as `_xx`. */
export function meiliKey(type: SearchDocumentType, id: string): string {
  return `${type}--${id.replace(/[^a-zA-Z0-9-]/g, (c) => `_${c.codePointAt(0)?.toString(16)}`)}`;
}

/** A value in a Meilisearch filter expression: quoted, with quotes and backslashes escaped. */
export function filterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function meiliFilter(query: Pick<SearchQuery, 'readers' | 'type' | 'focusArea' | 'tag'>): string[] {
  const filter = [`readers IN [${query.readers.map(filterValue).join(', ')}]`];
  if (query.type) filter.push(`type = ${filterValue(query.type)}`);
  if (query.focusArea) filter.push(`focusAreas = ${filterValue(query.focusArea)}`);
  if (query.tag) filter.push(`tags = ${filterValue(query.tag)}`);
  return filter;
}

export function toMeiliDocument(doc: SearchDocument, indexedAt: Date): MeiliDocument {
  const title = cleanText(doc.title);
  const summary = cleanText(doc.summary);
  const tags = doc.tags.map(cleanText);
  return {
    key: meiliKey(doc.type, doc.id),
    type: doc.type,
    id: doc.id,
    title,
    summary,
    body: cleanText(doc.body).slice(0, 100_000),
    folded: fold([title, summary, ...tags].join(' ')),
    url: doc.url,
    focusAreas: doc.focusAreas,
    tags,
    readers: doc.readers,
    updatedAt: doc.updatedAt.getTime(),
    indexedAt: indexedAt.getTime(),
  };
}

export interface MeiliOptions {
  host: string;
  apiKey?: string | undefined;
  /** Default `brobygger`; tests use one index each. */
  indexUid?: string;
}

/**
 * The Meilisearch adapter (MEILI_URL): the same port as PostgreSQL. Every write waits for its
 * task, so an index job fails (and is retried) when Meilisearch does.
 */
export class MeiliSearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  readonly #client: Meilisearch;
  readonly #uid: string;

  constructor(options: MeiliOptions) {
    this.#client = new Meilisearch({
      host: options.host,
      ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    });
    this.#uid = options.indexUid ?? 'brobygger';
  }

  get #index() {
    return this.#client.index<MeiliDocument>(this.#uid);
  }

  async start(): Promise<void> {
    const created = await this.#client.createIndex(this.#uid, { primaryKey: 'key' }).waitTask();
    if (created.status === 'failed' && created.error?.code !== 'index_already_exists') {
      throw new Error(`Meilisearch: could not create the index ${this.#uid}: ${created.error?.message}`);
    }
    const settings = await this.#index.updateSettings(meiliSettings).waitTask();
    if (settings.status === 'failed') {
      throw new Error(`Meilisearch: could not apply the settings: ${settings.error?.message}`);
    }
  }

  async upsert(documents: readonly SearchDocument[], indexedAt = new Date()): Promise<void> {
    if (documents.length === 0) return;
    const task = await this.#index
      .addDocuments(
        documents.map((doc) => toMeiliDocument(doc, indexedAt)),
        { primaryKey: 'key' },
      )
      .waitTask();
    if (task.status === 'failed') throw new Error(`Meilisearch: indexing failed: ${task.error?.message}`);
  }

  async remove(refs: readonly SearchRef[]): Promise<void> {
    if (refs.length === 0) return;
    const task = await this.#index.deleteDocuments(refs.map((ref) => meiliKey(ref.type, ref.id))).waitTask();
    if (task.status === 'failed') throw new Error(`Meilisearch: removal failed: ${task.error?.message}`);
  }

  async removeIndexedBefore(before: Date): Promise<number> {
    const task = await this.#index.deleteDocuments({ filter: `indexedAt < ${before.getTime()}` }).waitTask();
    if (task.status === 'failed') throw new Error(`Meilisearch: removal failed: ${task.error?.message}`);
    const details = task.details as { deletedDocuments?: number } | undefined;
    return details?.deletedDocuments ?? 0;
  }

  async count(): Promise<number> {
    return (await this.#index.getStats()).numberOfDocuments;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const pageSize = Math.min(Math.max(query.pageSize ?? defaultPageSize, 1), maxPageSize);
    const page = Math.max(query.page ?? 1, 1);
    // Words only: Meilisearch's own operators (quotes for phrases, a leading minus) are not ours.
    const q = tokenize(query.q).join(' ');
    if (!q) return emptyResult();
    const response = await this.#index.search(q, {
      filter: meiliFilter(query),
      facets: ['type', 'focusAreas', 'tags'],
      page,
      hitsPerPage: pageSize,
      attributesToRetrieve: ['type', 'id', 'title', 'summary', 'url'],
      attributesToCrop: ['body:30'],
      attributesToHighlight: ['body'],
      highlightPreTag: markStart,
      highlightPostTag: markEnd,
      cropMarker: '…',
      matchingStrategy: 'last',
    });
    const distribution = response.facetDistribution ?? {};
    // Only the first `maxCountedHits` hits can be paged through, as on PostgreSQL.
    const reachable = Math.max(0, maxCountedHits - (page - 1) * pageSize);
    return {
      hits: response.hits.slice(0, reachable).map((hit) => {
        const passage = hit._formatted?.body ?? '';
        return {
          type: hit.type,
          id: hit.id,
          title: hit.title,
          url: hit.url,
          snippet: passage.includes(markStart) ? markSnippet(passage) : escapeHtml(shortPassage(hit.summary)),
        };
      }),
      facets: {
        type: distribution.type ?? {},
        focusArea: distribution.focusAreas ?? {},
        tag: distribution.tags ?? {},
      },
      // Meilisearch's facet counts cover every match, so they are at least those of the first 1,000.
      total: Math.min(response.totalHits, maxCountedHits),
      totalCapped: response.totalHits > maxCountedHits,
    };
  }

  /** Deletes the whole index (tests). */
  async dropIndex(): Promise<void> {
    await this.#client.deleteIndex(this.#uid).waitTask();
  }
}
