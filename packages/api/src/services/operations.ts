import { migrateToLatest, openDatabase, type SeedOutcome, seedPolicy } from '@brobygger/db';
import type { RoleGrant } from '@brobygger/domain';
import { resolveDataDir } from '../boot.ts';
import type { ApiDependencies } from '../context.ts';
import type { Env } from '../env.ts';
import { createLogger } from '../logger.ts';
import { createSearchEngine } from '../search/engine.ts';
import { type RebuildOutcome, type RebuildProgress, rebuildSearchIndex } from '../search/rebuild.ts';
import { type AddedUser, addUserWithRole } from './accounts/operator.ts';
import type { UseCaseContext } from './context.ts';

export { DataDirBusyError } from '@brobygger/db';

/**
 * What the operator's CLI (`pnpm cli`, apps/api/src/cli.ts) may do, as use cases over the same
 * database the servers use. The CLI reaches data only through these (ARCHITECTURE.md, import
 * rules): it never imports the db package. Opening refuses a PGlite data directory that a
 * running server holds (DataDirBusyError).
 */
export interface Operations {
  migrate(): Promise<string[]>;
  seedPolicy(): Promise<SeedOutcome>;
  addUser(input: { email: string; displayName: string; grant: RoleGrant }): Promise<AddedUser>;
  /** Search (issue 12): rebuilds the search index from the database, search staying online. */
  reindexSearch(onProgress?: (progress: RebuildProgress) => void): Promise<RebuildOutcome>;
  close(): Promise<void>;
}

export async function openOperations(env: Env): Promise<Operations> {
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: resolveDataDir(env.DATA_DIR),
  });
  const deps: ApiDependencies = {
    db: database.db,
    databaseKind: database.kind,
    searchKind: env.MEILI_URL ? 'meilisearch' : 'postgres',
    logger: createLogger(env.LOG_LEVEL),
    config: {
      production: env.NODE_ENV === 'production',
      publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
      devMailbox: !env.SMTP_URL,
    },
  };
  // The operator acts as nobody in particular: the audit log says `via: 'cli'`.
  const operator: UseCaseContext = {
    deps,
    actorId: null,
    sessionId: null,
    meta: { ip: null, userAgent: null },
  };
  const ready = async () => {
    await migrateToLatest(database.db, database.schema);
    await seedPolicy(database.db);
  };
  return {
    async migrate() {
      return (await migrateToLatest(database.db, database.schema)).applied;
    },
    async seedPolicy() {
      await migrateToLatest(database.db, database.schema);
      return seedPolicy(database.db);
    },
    async addUser(input) {
      await ready();
      return addUserWithRole(operator, input);
    },
    async reindexSearch(onProgress) {
      await ready();
      const engine = await createSearchEngine({
        db: database.db,
        meiliUrl: env.MEILI_URL,
        meiliKey: env.MEILI_MASTER_KEY,
      });
      try {
        await engine.start();
        return await rebuildSearchIndex(database.db, engine, onProgress);
      } finally {
        await engine.close?.();
      }
    },
    close: () => database.close(),
  };
}
