import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './open-database.ts';
import { openTestDatabase } from './testing/index.ts';

describe('the PGlite dialect', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase('pglite', { migrate: false });
    await sql`create table counters (id int primary key, n int not null)`.execute(handle.db);
    await sql`insert into counters values (1, 0), (2, 0)`.execute(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('reports how many rows an update changed', async () => {
    const result = await handle.db
      .updateTable('counters' as never)
      .set({ n: 1 } as never)
      .executeTakeFirst();
    expect(result.numUpdatedRows).toBe(2n);
  });

  it('keeps queries from elsewhere out of a running transaction', async () => {
    let outsideSawUncommitted: number | undefined;
    const transaction = handle.db.transaction().execute(async (trx) => {
      await sql`update counters set n = 100 where id = 1`.execute(trx);
      // Give the outside query every chance to run while this transaction is open.
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error('roll back');
    });
    const outside = sql<{ n: number }>`select n from counters where id = 1`
      .execute(handle.db)
      .then((result) => {
        outsideSawUncommitted = result.rows[0]?.n;
      });
    await expect(transaction).rejects.toThrow('roll back');
    await outside;
    expect(outsideSawUncommitted).toBe(1);
  });

  it('serialises concurrent transactions so none loses an update', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        handle.db.transaction().execute(async (trx) => {
          const { rows } = await sql<{ n: number }>`select n from counters where id = 2`.execute(trx);
          await sql`update counters set n = ${(rows[0]?.n ?? 0) + 1} where id = 2`.execute(trx);
        }),
      ),
    );
    const { rows } = await sql<{ n: number }>`select n from counters where id = 2`.execute(handle.db);
    expect(rows[0]?.n).toBe(21);
  });

  it('returns counts as numbers', async () => {
    const { rows } = await sql<{ n: unknown }>`select count(*) as n from counters`.execute(handle.db);
    expect(rows[0]?.n).toBe(2);
  });
});
