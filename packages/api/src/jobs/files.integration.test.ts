import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { enqueueJob, findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { JobRunner } from '@brobygger/jobs';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileReferenceSources } from '../files/references.ts';
import { defaultFileStore, type FolderFileStore } from '../files/store.ts';
import { makePdf, multipart } from '../files/test-files.ts';
import { createTestApi, testOrigin } from '../test-support.ts';
import { orphanSweepJob, orphanSweepJobType } from './files.ts';
import { createApiJobRunner } from './index.ts';

const hour = 60 * 60_000;

describe.each(testDatabaseKinds())('the orphan file sweep on %s', (kind) => {
  // A real DATA_DIR in a temporary folder: the store is DATA_DIR/files, as in a server.
  const dataDir = mkdtempSync(join(tmpdir(), 'brobygger-sweep-data-'));
  const scratch = mkdtempSync(join(tmpdir(), 'brobygger-sweep-scratch-'));
  let files: FolderFileStore;
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let staff: string;
  let slug: string;
  const start = Date.now();
  let clock = new Date(start);
  const runner = () =>
    createApiJobRunner({ db: api.db, logger: pino({ level: 'silent' }), now: () => clock, files });
  const stored = async () =>
    (await readdir(files.root, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  /** A file written to the store with no row: as if the process died before its row committed. */
  const orphan = async (name: string) => {
    const path = join(scratch, name);
    writeFileSync(path, makePdf(name));
    return (await files.putFile(path, { extension: 'pdf' })).key;
  };
  const upload = async (name: string) => {
    const { body, contentType } = multipart({ name, data: makePdf(name) });
    const res = await api.app.request(`/api/resources/${slug}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, origin: testOrigin, 'content-type': contentType },
      body,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = ((await res.json()) as { attachment: { id: number } }).attachment;
    const row = await api.db
      .selectFrom('resource_attachments')
      .select('storage_key')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { id, key: row.storage_key };
  };

  beforeAll(async () => {
    files = await defaultFileStore(dataDir);
    api = await createTestApi(kind, { files });
    await seedDemoAccounts(api.db);
    const user = await findUserByEmail(api.db, 'medarbejder@brobygger.test');
    staff = (await createSession(api.db, user?.id ?? '')).token;
    const created = await api.app.request('/api/resources', {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json', origin: testOrigin },
      body: JSON.stringify({ kind: 'document', title: 'Vejledninger', audience: 'public' }),
    });
    slug = ((await created.json()) as { resource: { slug: string } }).resource.slug;
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  it('deletes files over an hour old that no row names, and keeps every other file', async () => {
    expect(files.root).toBe(join(dataDir, 'files'));
    const kept = await upload('vejledning.pdf');
    const unlinked = await upload('gammel.pdf');
    // Its row deleted, its file left behind (as when the process dies before deleting it).
    await api.db.deleteFrom('resource_attachments').where('id', '=', unlinked.id).execute();
    const crashed = await orphan('halvfaerdig');
    // More orphans than one batch of the sweep's queries (500).
    const many = await Promise.all(Array.from({ length: 520 }, (_, i) => orphan(`mange-${i}`)));
    // Something in the folder the store did not write: never the sweep's to delete.
    mkdirSync(join(files.root, 'ab'), { recursive: true });
    writeFileSync(join(files.root, 'ab', 'noter.txt'), 'operatørens noter');
    writeFileSync(join(files.root, 'README'), 'backup this folder');
    const everything = await stored();
    expect(everything).toEqual([kept.key, unlinked.key, crashed, ...many, 'noter.txt', 'README'].sort());

    // Half an hour on: every file is too young to be an orphan (its row may not be committed yet).
    clock = new Date(start + hour / 2);
    await runner().drain();
    expect(await stored()).toEqual(everything);

    // Two hours on: the orphans go; the attached file and the foreign ones stay.
    clock = new Date(start + 2 * hour);
    await runner().drain();
    expect(await stored()).toEqual([kept.key, 'noter.txt', 'README'].sort());
    const sweeps = await api.db
      .selectFrom('jobs')
      .select(['state', 'last_error'])
      .where('type', '=', 'files.sweep-orphans')
      .execute();
    expect(sweeps).toEqual([
      { state: 'done', last_error: null },
      { state: 'done', last_error: null },
    ]);
    // The attachment still downloads.
    const download = await api.app.request(`/api/attachments/${kept.id}`);
    expect(download.status).toBe(200);
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('keeps a file that a feature registered later names (how another feature joins the sweep)', async () => {
    const named = await orphan('statusrapport-bilag');
    const unnamed = await orphan('ingen-kender-den');
    const sweep = orphanSweepJob(files, [
      ...fileReferenceSources,
      // Another feature's source, as status reports' attachments would add one to files/references.ts.
      {
        feature: 'status',
        columns: [],
        referenced: async (_db, keys) => keys.filter((key) => key === named),
      },
    ]);
    clock = new Date(Date.now() + 2 * hour);
    await enqueueJob(api.db, { type: orphanSweepJobType, payload: {} });
    expect(await new JobRunner({ db: api.db, jobs: [sweep], now: () => clock }).drain()).toBe(1);
    const left = await stored();
    expect(left).toContain(named);
    expect(left).not.toContain(unnamed);
  });

  it('has a source for every column that holds file-store keys', async () => {
    const { rows } = await sql<{ name: string }>`
      select table_name || '.' || column_name as name from information_schema.columns
      where table_schema = current_schema() and column_name like '%storage_key%'
      order by 1`.execute(api.db);
    const covered = new Set(fileReferenceSources.flatMap((source) => source.columns));
    expect(rows.map((row) => row.name)).toContain('resource_attachments.storage_key');
    expect(rows.map((row) => row.name).filter((name) => !covered.has(name))).toEqual([]);
  });
});
