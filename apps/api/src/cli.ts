import { parseEnv, resolveDataDir } from '@brobygger/api';
import { DataDirBusyError, migrateToLatest, openDatabase, seedPolicy } from '@brobygger/db';

/**
 * `pnpm cli <command>`: administration without SQL. Refuses to open an embedded data directory
 * that a running server holds (PGlite allows one process).
 */
const commands: Record<string, { summary: string; run: (args: string[]) => Promise<void> }> = {
  'db:migrate': {
    summary: 'Run every pending database migration',
    run: async () => {
      await withDatabase(async (db, schema) => {
        const { applied } = await migrateToLatest(db, schema);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      });
    },
  },
  'db:seed': {
    summary: 'Load the policy (focus areas, initiatives, …); safe to run again',
    run: async () => {
      await withDatabase(async (db, schema) => {
        await migrateToLatest(db, schema);
        const outcome = await seedPolicy(db);
        console.log(
          `Seeded ${outcome.focusAreas} focus areas, ${outcome.strategyTracks} strategy tracks and ${outcome.initiatives} initiatives.`,
        );
      });
    },
  },
};

async function withDatabase(
  work: (db: Awaited<ReturnType<typeof openDatabase>>['db'], schema: string) => Promise<void>,
): Promise<void> {
  const env = parseEnv(process.env);
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: resolveDataDir(env.DATA_DIR),
  });
  try {
    await work(database.db, database.schema);
  } finally {
    await database.close();
  }
}

function usage(): string {
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(14)} ${command.summary}`);
  return ['Usage: pnpm cli <command>', '', 'Commands:', ...lines].join('\n');
}

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.error(name ? `Unknown command: ${name}\n\n${usage()}` : usage());
  process.exit(name ? 2 : 0);
}
try {
  await command.run(args);
} catch (error) {
  if (error instanceof DataDirBusyError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
