import { randomBytes } from 'node:crypto';
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
    handle = await openDatabase({ dataDir: 'memory://' });
  }
  if (migrate) await migrateToLatest(handle.db, handle.schema);
  return handle;
}
