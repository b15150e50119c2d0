import type { Database } from '@brobygger/db';
import type { SearchDocument, SearchDocumentType } from '@brobygger/search';
import type { Kysely } from 'kysely';
import { associationSearchSource } from '../services/associations/search-source.ts';
// Knowledge: resource library and forum (issue 11)
import { postSearchSource, resourceSearchSource, threadSearchSource } from '../services/knowledge/search.ts';
import { eventSource, focusAreaSource, initiativeSource } from './policy-sources.ts';

/**
 * Where the search index gets a document of one type from. `load` answers null when the
 * document must not be findable any more (deleted, hidden, unpublished, not verified).
 */
export interface SearchSource {
  load(db: Kysely<Database>, id: string): Promise<SearchDocument | null>;
  /** Every id of the type that may be findable, for a full rebuild (`pnpm cli search:reindex`). */
  ids(db: Kysely<Database>): AsyncIterable<string> | Promise<string[]>;
}

/** One source per document type; a feature adds its own here (see packages/search/src/document.ts). */
export const searchSources: Partial<Record<SearchDocumentType, SearchSource>> = {
  // Focus areas, initiatives and events (issue 12)
  focus_area: focusAreaSource,
  initiative: initiativeSource,
  event: eventSource,
  // Associations and volunteers (issue 10)
  association: associationSearchSource,
  // Knowledge: resource library and forum (issue 11)
  resource: resourceSearchSource,
  thread: threadSearchSource,
  post: postSearchSource,
};
