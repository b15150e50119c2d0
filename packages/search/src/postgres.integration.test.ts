import { openTestDatabase, testDatabaseKinds } from '@brobygger/db/testing';
import { searchContract } from './contract.ts';
import { PostgresSearchEngine } from './postgres.ts';

for (const kind of testDatabaseKinds()) {
  searchContract(`PostgreSQL adapter on ${kind}`, async () => {
    const handle = await openTestDatabase(kind);
    return { engine: new PostgresSearchEngine(handle.db), close: () => handle.close() };
  });
}
