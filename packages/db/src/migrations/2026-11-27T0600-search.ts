import { type Kysely, sql } from 'kysely';

// Frozen in time: a migration never imports application code.
// The PostgreSQL search index (issue 12, ADR 0020): one row per findable document with a stored,
// weighted Danish tsvector, and a lexicon of every distinct lexeme in it, folded the ways Danes
// type æ, ø and å, with a trigram index so a query word can be expanded to the lexemes it means
// (typos, compound parts, split or joined words) before the GIN-indexed full-text match.
export async function up(db: Kysely<any>): Promise<void> {
  // Created by the policy migration already; repeated so this migration stands on its own.
  await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  await sql`create extension if not exists unaccent with schema public`.execute(db);

  await db.schema
    .createTable('search_documents')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('focus_areas', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('readers', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('tsv', sql`tsvector`, (c) => c.notNull())
    // Title, summary and tags alone: the first tier of ranking when a query matches very many.
    .addColumn('title_tsv', sql`tsvector`, (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('indexed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_documents_pk', ['type', 'id'])
    .execute();
  await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
  await sql`create index search_documents_title_tsv on search_documents using gin (title_tsv)`.execute(db);
  await sql`create index search_documents_readers on search_documents using gin (readers)`.execute(db);
  await sql`create index search_documents_focus_areas on search_documents using gin (focus_areas)`.execute(
    db,
  );
  await sql`create index search_documents_tags on search_documents using gin (tags)`.execute(db);
  await db.schema
    .createIndex('search_documents_indexed_at')
    .on('search_documents')
    .column('indexed_at')
    .execute();

  await db.schema
    .createTable('search_lexicon')
    .addColumn('word', 'text', (c) => c.primaryKey())
    .addColumn('folded', 'text', (c) => c.notNull())
    .addColumn('bare', 'text', (c) => c.notNull())
    .execute();
  await sql`create index search_lexicon_folded_trgm on search_lexicon using gin (folded gin_trgm_ops)`.execute(
    db,
  );
  await db.schema.createIndex('search_lexicon_folded').on('search_lexicon').column('folded').execute();
  await db.schema.createIndex('search_lexicon_bare').on('search_lexicon').column('bare').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_lexicon').execute();
  await db.schema.dropTable('search_documents').execute();
}
