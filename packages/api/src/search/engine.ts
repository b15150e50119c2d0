import type { Database } from '@brobygger/db';
import { PostgresSearchEngine, type SearchEngine } from '@brobygger/search';
import type { Kysely } from 'kysely';
import type { ApiDependencies } from '../context.ts';

export interface SearchEngineOptions {
  db: Kysely<Database>;
  meiliUrl?: string | undefined;
  meiliKey?: string | undefined;
}

/** PostgreSQL full-text search by default; Meilisearch when MEILI_URL is set (issue 12). */
export async function createSearchEngine(options: SearchEngineOptions): Promise<SearchEngine> {
  if (options.meiliUrl) {
    const { MeiliSearchEngine } = await import('@brobygger/search/meilisearch');
    return new MeiliSearchEngine({ host: options.meiliUrl, apiKey: options.meiliKey });
  }
  return new PostgresSearchEngine(options.db);
}

const defaults = new WeakMap<Kysely<Database>, SearchEngine>();

/** The search engine of these dependencies: the one given, or PostgreSQL over the same database. */
export function searchEngineOf(deps: Pick<ApiDependencies, 'db' | 'search'>): SearchEngine {
  if (deps.search) return deps.search;
  let engine = defaults.get(deps.db);
  if (!engine) {
    engine = new PostgresSearchEngine(deps.db);
    defaults.set(deps.db, engine);
  }
  return engine;
}
