import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest } from '../migrate.ts';
import { type DatabaseHandle, type DatabaseKind, openDatabase } from '../open-database.ts';

/**
 * Test databases: PGlite in memory always, and the real PostgreSQL when DATABASE_URL is set.
 * Each PostgreSQL test database is a fresh schema, dropped again by close().
 */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export async function openTestDatabase(kind: DatabaseKind, { migrate = true } = {}): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (kind === 'postgres') {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error('DATABASE_URL is not set');
    const schema = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const opened = await openDatabase({ databaseUrl, schema, maxConnections: 5 });
    handle = {
      ...opened,
      async close() {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(opened.db);
        await opened.close();
      },
    };
  } else {
    handle = await openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteSnapshot(migrate) });
  }
  // On PGlite the snapshot is migrated already and this finds nothing to do.
  if (migrate) await migrateToLatest(handle.db, handle.schema);
  return handle;
}

/**
 * A PGlite test database starts from a dump of one made earlier (initdb, and the migrations when
 * asked for): creating a cluster costs ~2.5 s of CPU, loading a dump ~0.5 s, and a run opens over
 * a hundred. The dump is kept in the system's temporary folder, named by a hash of PGlite's
 * version and every migration's source, so a changed migration or a new PGlite makes a new one;
 * the first test file to need it makes it (two at once both do, harmlessly).
 */
const snapshots = new Map<boolean, Promise<Blob>>();

function pgliteSnapshot(migrated: boolean): Promise<Blob> {
  let snapshot = snapshots.get(migrated);
  if (!snapshot) {
    snapshot = loadOrMakeSnapshot(migrated);
    snapshots.set(migrated, snapshot);
    snapshot.catch(() => snapshots.delete(migrated));
  }
  return snapshot;
}

async function loadOrMakeSnapshot(migrated: boolean): Promise<Blob> {
  const file = join(tmpdir(), 'brobygger-test-pglite', `${snapshotKey(migrated)}.tar`);
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    // Not made yet: make it below.
  }
  const handle = await openDatabase({ dataDir: 'memory://' });
  try {
    if (migrated) await migrateToLatest(handle.db, handle.schema);
    const dump = await (handle.dumpDataDir as () => Promise<Blob>)();
    mkdirSync(join(file, '..'), { recursive: true });
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  } finally {
    await handle.close();
  }
}

function snapshotKey(migrated: boolean): string {
  const hash = createHash('sha256');
  const pglitePackage = new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url);
  hash.update((JSON.parse(readFileSync(pglitePackage, 'utf8')) as { version: string }).version);
  if (migrated) {
    const migrations = new URL('../migrations/', import.meta.url);
    for (const name of readdirSync(migrations).sort()) {
      hash.update(name).update(readFileSync(new URL(name, migrations)));
    }
  }
  return `${migrated ? 'migrated' : 'empty'}-${hash.digest('hex').slice(0, 16)}`;
}
