import { type Kysely, Migrator } from 'kysely';
import { migrationProvider } from './migrations/index.ts';

export interface MigrationOutcome {
  applied: string[];
}

/** Runs every pending migration forward; throws with the failing migration's name. */
// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema, as Kysely's Migrator expects.
export async function migrateToLatest(db: Kysely<any>, schema = 'public'): Promise<MigrationOutcome> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    // Features are built on parallel branches, each with its migration named when it began; one
    // merged later may sort before one already applied. It runs then (in name order among the
    // pending ones) instead of Kysely refusing the database as "corrupted".
    allowUnorderedMigrations: true,
    ...(schema === 'public' ? {} : { migrationTableSchema: schema }),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((result) => result.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Migration failed${name}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return { applied: results.map((result) => result.migrationName) };
}
