import { Writable } from 'node:stream';
import { type DatabaseKind, seedPolicy } from '@brobygger/db';
import { openTestDatabase } from '@brobygger/db/testing';
import pino from 'pino';
import { createApi } from './app.ts';

/** An API over a fresh, migrated and seeded test database, with its log lines captured. */
export async function createTestApi(kind: DatabaseKind, options: { production?: boolean } = {}) {
  const database = await openTestDatabase(kind);
  await seedPolicy(database.db);
  const logLines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logLines.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  const app = createApi(
    { db: database.db, databaseKind: database.kind, searchKind: 'postgres', logger },
    { production: options.production ?? false },
  );
  return { app, db: database.db, logLines, close: () => database.close() };
}

/** Reads a JSON answer for assertions; tests look into it freely. */
// biome-ignore lint/suspicious/noExplicitAny: assertions check the shape.
export async function readJson(res: Response): Promise<any> {
  return res.json();
}
