import { openTestDatabase, testDatabaseKinds } from '@brobygger/db/testing';
import { describe, expect, it } from 'vitest';
import { searchContract } from './contract.ts';
import type { SearchDocument } from './document.ts';
import { PostgresSearchEngine } from './postgres.ts';

for (const kind of testDatabaseKinds()) {
  searchContract(`PostgreSQL adapter on ${kind}`, async () => {
    const handle = await openTestDatabase(kind);
    return { engine: new PostgresSearchEngine(handle.db), close: () => handle.close() };
  });

  describe(`PostgreSQL adapter on ${kind}: a query that matches very many`, () => {
    it('counts up to 1,000 and says so, ranks the title matches first wherever they are, and never counts what the reader may not see', async () => {
      const handle = await openTestDatabase(kind);
      try {
        const engine = new PostgresSearchEngine(handle.db);
        const size = 2100;
        // The three title matches are written last, so they sit behind every other match in the
        // table: the title tier must still find them first.
        const titled = new Set([size - 3, size - 2, size - 1].map(String));
        const docs: SearchDocument[] = Array.from({ length: size }, (_, i) => ({
          type: i % 5 === 0 ? 'thread' : 'post',
          id: String(i),
          title: titled.has(String(i)) ? `Cykler til alle, nummer ${i}` : `Indlæg ${i}`,
          summary: '',
          body: `Vi mødes og reparerer cykler hver tirsdag, indlæg ${i}.`,
          url: `/forum/${i}`,
          focusAreas: [],
          tags: i % 2 === 0 ? ['cykel'] : [],
          // Every third document is public; the rest are for staff only.
          readers: i % 3 === 0 ? ['public'] : ['role:staff'],
          updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
        }));
        await engine.upsert(docs);

        const staff = { q: 'cykler', readers: ['public', 'role:staff'] };
        const first = await engine.search(staff);
        expect(first.total).toBe(1000);
        expect(first.totalCapped).toBe(true);
        expect(
          first.hits
            .slice(0, 3)
            .map((h) => h.id)
            .sort(),
        ).toEqual([...titled].sort());
        // The facets count the 1,000 hits that can be paged through.
        expect((first.facets.type.post ?? 0) + (first.facets.type.thread ?? 0)).toBe(1000);
        expect(first.facets.tag.cykel).toBeGreaterThan(0);
        expect(first.facets.tag.cykel).toBeLessThan(1000);

        // Pages reach the 1,000th hit and no further; no hit appears twice.
        const last = await engine.search({ ...staff, page: 100 });
        expect(last.hits).toHaveLength(10);
        expect(last.totalCapped).toBe(true);
        expect((await engine.search({ ...staff, page: 101 })).hits).toEqual([]);
        const seen = new Set<string>();
        for (const page of [1, 2, 50, 100]) {
          for (const hit of (await engine.search({ ...staff, page })).hits) seen.add(hit.id);
        }
        expect(seen.size).toBe(40);

        // 700 public matches: counted exactly, and none of the 1,400 staff-only ones, though they
        // lie between them in the table and the staff's search stopped counting at 1,000.
        const anonymous = await engine.search({ q: 'cykler', readers: ['public'] });
        expect(anonymous.totalCapped).toBe(false);
        expect(anonymous.total).toBe(700);
        expect((anonymous.facets.type.post ?? 0) + (anonymous.facets.type.thread ?? 0)).toBe(700);
        expect(anonymous.facets.type.thread).toBe(140);
        expect(anonymous.facets.tag.cykel).toBe(350);
        expect(anonymous.hits[0]?.id).toBe(String(size - 3));

        // A filter counts within the reader's documents too.
        const threads = await engine.search({ q: 'cykler', readers: ['public'], type: 'thread' });
        expect(threads.total).toBe(140);
        expect(threads.hits.every((h) => h.type === 'thread')).toBe(true);
        const tagged = await engine.search({ ...staff, tag: 'cykel' });
        expect(tagged.total).toBe(1000);
        expect(tagged.totalCapped).toBe(true);
        expect(tagged.facets.tag.cykel).toBe(1000);
      } finally {
        await handle.close();
      }
    });
  });
}
