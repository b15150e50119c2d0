import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate.ts';
import { migrationProvider } from './migrations/index.ts';
import type { DatabaseHandle } from './open-database.ts';
import { openTestDatabase, testDatabaseKinds } from './testing/index.ts';

// Search speed (ADR 0020): the GIN indexes keep a short pending list, and `readers` has no index.
describe.each(testDatabaseKinds())('the search index migration on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind, { migrate: false });
  });
  afterAll(async () => {
    await handle?.close();
  });

  const indexOptions = async () => {
    const rows = await sql<{ name: string; options: string[] | null }>`
      select c.relname as name, c.reloptions as options
      from pg_class c join pg_index i on i.indexrelid = c.oid
      where i.indrelid in ('search_documents'::regclass, 'search_lexicon'::regclass)
    `.execute(handle.db);
    return Object.fromEntries(rows.rows.map((row) => [row.name, row.options ?? []]));
  };

  it('bounds the GIN pending lists and drops the readers index, keeping what was indexed', async () => {
    const migrator = new Migrator({
      db: handle.db,
      provider: migrationProvider,
      ...(handle.schema === 'public' ? {} : { migrationTableSchema: handle.schema }),
    });
    expect((await migrator.migrateTo('2026-11-27T0600-search')).error).toBeUndefined();
    // Rows written before the migration sit in the 4 MB pending lists.
    await sql`
      insert into search_documents
        (type, id, title, summary, body, url, readers, tsv, title_tsv, updated_at, indexed_at)
      select 'post', g::text, 'Sprogcafé ' || g, '', 'Vi mødes i sprogcaféen', '/x', '{public}',
        to_tsvector('danish', 'Sprogcafé ' || g || ' Vi mødes i sprogcaféen'),
        to_tsvector('danish', 'Sprogcafé ' || g), now(), now()
      from generate_series(1, 300) as g
    `.execute(handle.db);
    expect(await indexOptions()).toHaveProperty('search_documents_readers');

    await migrateToLatest(handle.db, handle.schema);
    const options = await indexOptions();
    expect(options).not.toHaveProperty('search_documents_readers');
    for (const index of [
      'search_documents_tsv',
      'search_documents_title_tsv',
      'search_documents_focus_areas',
      'search_documents_tags',
      'search_lexicon_folded_trgm',
    ]) {
      expect(options[index], index).toEqual(['gin_pending_list_limit=64']);
    }
    const found = await sql<{ n: number }>`
      select count(*)::int as n from search_documents where tsv @@ to_tsquery('danish', 'sprogcafé')
    `.execute(handle.db);
    expect(found.rows[0]?.n).toBe(300);
  });
});
