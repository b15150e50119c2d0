// Search (issue 12): the index follows the database through the job runner, on PGlite and
// PostgreSQL — including a worker that dies in the middle of its jobs.

import { testDatabaseKinds } from '@brobygger/db/testing';
import { type SearchDocument, type SearchEngine, searchDocumentTypes } from '@brobygger/search';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEvent } from '../event-extras-test-support.ts';
import { searchEngineOf } from '../search/engine.ts';
import { indexLater, searchIndexJobType } from '../search/index-later.ts';
import { rebuildSearchIndex } from '../search/rebuild.ts';
import { createTestApi } from '../test-support.ts';
import { createApiJobRunner } from './index.ts';
import { rebuildSearchIndexIfEmpty, searchRebuildJobType } from './search.ts';

const publicReaders = ['public'];

describe.each(testDatabaseKinds())('search index jobs on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let engine: SearchEngine;
  // The runners' clock runs a little ahead, so every job just enqueued is due.
  let aheadMs = 1_000;
  const runner = (search: SearchEngine = engine, workerId = 'worker') => {
    const r = createApiJobRunner({
      db: api.db,
      logger: api.deps.logger,
      now: () => new Date(Date.now() + aheadMs),
      search,
      pollIntervalMs: 3_600_000,
    });
    Object.defineProperty(r, 'workerId', { value: workerId });
    return r;
  };
  const find = async (q: string) =>
    (await engine.search({ q, readers: publicReaders })).hits.map((h) => `${h.type}:${h.id}`);

  beforeAll(async () => {
    api = await createTestApi(kind);
    engine = searchEngineOf(api.deps);
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  it('fills an empty index at start-up from the seeded policy, whose own words are then found', async () => {
    expect(await rebuildSearchIndexIfEmpty(api.db, engine)).toBe(true);
    await runner().drain();
    const initiatives = await api.db.selectFrom('initiatives').select('id').execute();
    const areas = await api.db.selectFrom('focus_areas').select('id').execute();
    expect(await engine.count()).toBe(initiatives.length + areas.length);
    expect(await find('sundhedssamtaler')).toContain(`initiative:${await initiativeId('Sundhedssamtaler')}`);
    expect(await find('viden og videndeling')).toContain('focus_area:viden-og-videndeling');
    // Not twice: the index is no longer empty.
    expect(await rebuildSearchIndexIfEmpty(api.db, engine)).toBe(false);
  });

  async function initiativeId(name: string) {
    const row = await api.db
      .selectFrom('initiatives')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('indexes a published event, follows an edit, and drops it when cancelled', async () => {
    const id = await insertEvent(api.db, { title: 'Lektiecafé for skolebørn', status: 'published' });
    await indexLater(api.db, 'event', id);
    await runner().drain();
    expect(await find('lektiecafe')).toContain(`event:${id}`);

    await api.db
      .updateTable('events')
      .set({ title: 'Sommerudflugt til stranden' })
      .where('id', '=', id)
      .execute();
    await indexLater(api.db, 'event', id);
    await runner().drain();
    expect(await find('lektiecafe')).not.toContain(`event:${id}`);
    expect(await find('sommerudflugt')).toContain(`event:${id}`);

    await api.db.updateTable('events').set({ status: 'cancelled' }).where('id', '=', id).execute();
    await indexLater(api.db, 'event', id);
    await runner().drain();
    expect(await find('sommerudflugt')).not.toContain(`event:${id}`);
  });

  it('never indexes a draft', async () => {
    const id = await insertEvent(api.db, { title: 'Hemmelig kladde om madpakker', status: 'draft' });
    await indexLater(api.db, 'event', id);
    await runner().drain();
    expect(await find('madpakker')).toEqual([]);
  });

  it('a job rolled back with its transaction does not exist', async () => {
    await api.db
      .transaction()
      .execute(async (trx) => {
        await indexLater(trx, 'event', 999_999);
        throw new Error('rolled back');
      })
      .catch(() => {});
    const jobs = await api.db
      .selectFrom('jobs')
      .select('id')
      .where('type', '=', searchIndexJobType)
      .where(sql<boolean>`payload->>'id' = '999999'`)
      .execute();
    expect(jobs).toEqual([]);
  });

  it('loses nothing when the worker dies mid-way: after the restart the index matches the database', async () => {
    const titles = Array.from({ length: 12 }, (_, i) => `Kursus nummer ${i} i cykling for voksne`);
    const ids: number[] = [];
    for (const title of titles) {
      const id = await insertEvent(api.db, { title, status: 'published' });
      await indexLater(api.db, 'event', id);
      ids.push(id);
    }
    // The first worker writes three documents, then "dies" inside the fourth write: its process
    // is gone (it never answers again), its claimed jobs stay locked under its lease.
    let writes = 0;
    const dying: SearchEngine = {
      ...engine,
      name: 'dying',
      search: (q) => engine.search(q),
      count: () => engine.count(),
      remove: (refs) => engine.remove(refs),
      removeIndexedBefore: (before) => engine.removeIndexedBefore(before),
      start: () => engine.start(),
      async upsert(documents: readonly SearchDocument[], indexedAt?: Date) {
        writes++;
        if (writes > 3) return new Promise<void>(() => {});
        return engine.upsert(documents, indexedAt);
      },
    };
    const first = runner(dying, 'dying-worker');
    void first.runOnce(); // claims a batch and never finishes it
    await waitFor(async () => writes > 3);
    const found = async () =>
      (await engine.search({ q: 'cykling', readers: publicReaders, pageSize: 50 })).total;
    expect(await found()).toBeLessThan(ids.length);

    // Restart: a new worker, after the dead one's lease ran out.
    aheadMs += 6 * 60_000;
    await runner(engine, 'restarted-worker').drain();
    expect(await found()).toBe(ids.length);
    const pending = await api.db
      .selectFrom('jobs')
      .select(['id', 'state'])
      .where('type', '=', searchIndexJobType)
      .where('state', '!=', 'done')
      .execute();
    expect(pending).toEqual([]);
    // Running every job again changes nothing: the jobs are idempotent.
    for (const id of ids) await indexLater(api.db, 'event', id);
    await runner(engine, 'again').drain();
    expect(await found()).toBe(ids.length);
  });

  it('rebuilds the whole index while it keeps answering, dropping what is gone', async () => {
    // A stale document the database no longer has (e.g. deleted while indexing was off).
    await engine.upsert([
      {
        type: 'event',
        id: '424242',
        title: 'Forældet arrangement om kajakroning',
        summary: '',
        body: '',
        url: '/arrangementer/424242',
        focusAreas: [],
        tags: [],
        readers: ['public'],
        updatedAt: new Date(),
      },
    ]);
    expect(await find('kajakroning')).toEqual(['event:424242']);
    const before = await engine.count();
    const seen: number[] = [];
    const searchedDuring: number[] = [];
    const outcome = await rebuildSearchIndex(api.db, engine, async (progress) => {
      seen.push(progress.done);
      searchedDuring.push((await engine.search({ q: 'sundhedssamtaler', readers: publicReaders })).total);
    });
    expect(outcome.removed).toBe(1);
    expect(await engine.count()).toBe(before - 1);
    expect(await find('kajakroning')).toEqual([]);
    expect(seen.at(-1)).toBe(outcome.indexed);
    expect(searchedDuring.every((n) => n > 0)).toBe(true);
    expect(searchDocumentTypes).toContain('event');
  });

  it('refuses a payload it cannot use, at once', async () => {
    await api.db
      .insertInto('jobs')
      .values({ type: searchIndexJobType, payload: JSON.stringify({ type: 'nonsense', id: '1' }) })
      .execute();
    await runner().drain();
    const dead = await api.db
      .selectFrom('jobs')
      .select('state')
      .where('type', '=', searchIndexJobType)
      .where(sql<boolean>`payload->>'type' = 'nonsense'`)
      .executeTakeFirstOrThrow();
    expect(dead.state).toBe('dead');
    expect(searchRebuildJobType).toBe('search.rebuild');
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
