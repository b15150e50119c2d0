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
    it('counts them all, ranks the title matches first, then pages through the rest', async () => {
      const handle = await openTestDatabase(kind);
      try {
        const engine = new PostgresSearchEngine(handle.db);
        const docs: SearchDocument[] = Array.from({ length: 2100 }, (_, i) => ({
          type: 'post',
          id: String(i),
          title: i % 700 === 0 ? `Cykler til alle, nummer ${i}` : `Indlæg ${i}`,
          summary: '',
          body: `Vi mødes og reparerer cykler hver tirsdag, indlæg ${i}.`,
          url: `/forum/${i}`,
          focusAreas: [],
          tags: [],
          readers: i % 2 === 0 ? ['public'] : ['role:staff'],
          updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
        }));
        await engine.upsert(docs);
        const staff = { q: 'cykler', readers: ['public', 'role:staff'] };
        const first = await engine.search(staff);
        expect(first.total).toBe(2100);
        expect(
          first.hits
            .slice(0, 3)
            .map((h) => h.id)
            .sort(),
        ).toEqual(['0', '1400', '700']);
        // After the title matches, the newest first.
        expect(first.hits[3]?.id).toBe('2099');
        const second = await engine.search({ ...staff, page: 2 });
        expect(second.hits[0]?.id).toBe('2092');
        const anonymous = await engine.search({ q: 'cykler', readers: ['public'] });
        expect(anonymous.total).toBe(1050);
        expect(anonymous.facets.type.post).toBe(1050);
      } finally {
        await handle.close();
      }
    });
  });
}
