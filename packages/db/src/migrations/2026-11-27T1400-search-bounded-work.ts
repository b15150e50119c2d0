import { type Kysely, sql } from 'kysely';

// Frozen in time: a migration never imports application code.
// Search speed (issue 12, ADR 0020): the search's indexes for a search whose work does not grow
// with the index.
//
// 1. GIN indexes with a short "fast update" pending list (64 kB instead of 4 MB). Writes go to an
//    unsorted list that every search reads from start to end, until VACUUM (autovacuum; PGlite has
//    none) or a full list merges it into the index: at 100,000 documents 260–330 pages per index and
//    query, and the lexicon's trigram index read whole for every expanded word. At 64 kB a search
//    reads at most 8 pages of it; a write that fills it merges it. Turned off altogether, a rebuild
//    took four to five times as long for no faster search.
// 2. No GIN index on `readers`: every reader holds the key `public`, so the reader filter keeps
//    most documents and the planner's bitmap of it (80,000 entries at 100,000 documents) only costs.
//    The filter is checked on the few rows a search reads.
const indexes = [
  'search_documents_tsv',
  'search_documents_title_tsv',
  'search_documents_focus_areas',
  'search_documents_tags',
  'search_lexicon_folded_trgm',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const index of indexes) {
    await sql`alter index ${sql.id(index)} set (gin_pending_list_limit = 64)`.execute(db);
    // What is already pending stays until merged: merge it now.
    await sql`select gin_clean_pending_list(${index}::regclass)`.execute(db);
  }
  await sql`drop index search_documents_readers`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index search_documents_readers on search_documents using gin (readers)`.execute(db);
  for (const index of indexes) {
    await sql`alter index ${sql.id(index)} reset (gin_pending_list_limit)`.execute(db);
  }
}
