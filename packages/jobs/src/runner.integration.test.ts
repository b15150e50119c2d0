import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  claimJobs,
  type DatabaseHandle,
  type DatabaseKind,
  enqueueJob,
  findJob,
  migrateToLatest,
  openDatabase,
  retryDeadJob,
} from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JobDefinition, JobRunner, PermanentJobError } from './runner.ts';

/**
 * A database that can be closed and opened again, as a process that dies and restarts would:
 * PGlite in a data directory on disk, or a fresh schema on the PostgreSQL of DATABASE_URL.
 */
function reopenable(kind: DatabaseKind) {
  const schema = `jobs_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'brobygger-jobs-')) : undefined;
  return {
    async open(): Promise<DatabaseHandle> {
      const handle =
        kind === 'pglite'
          ? await openDatabase({ dataDir })
          : await openDatabase({ databaseUrl: process.env.DATABASE_URL, schema, maxConnections: 4 });
      await migrateToLatest(handle.db, handle.schema);
      return handle;
    },
    async remove(): Promise<void> {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      else {
        const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL, maxConnections: 1 });
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(handle.db);
        await handle.close();
      }
    },
  };
}

/** A clock the test moves by hand, starting a moment after the database's now(). */
function testClock() {
  let now = Date.now() + 1000;
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

const noteTable = sql`create table if not exists job_test_notes (id serial primary key, text text not null)`;

for (const kind of testDatabaseKinds()) {
  describe(`the job runner on ${kind}`, () => {
    const database = reopenable(kind);
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await database.open();
      await noteTable.execute(handle.db);
    });
    afterAll(async () => {
      await handle?.close();
      await database.remove();
    });

    /** A job type whose handler records what it saw of the note it was given. */
    function recorder(type: string, seen: string[]): JobDefinition<{ noteId: number }> {
      return {
        type,
        payload: { parse: (input) => input as { noteId: number } },
        async handler({ noteId }, { db }) {
          const row = await sql<{
            text: string;
          }>`select text from job_test_notes where id = ${noteId}`.execute(db);
          seen.push(row.rows[0]?.text ?? '(missing)');
        },
      };
    }

    async function noteAndJob(db: DatabaseHandle['db'], type: string, text: string, runAt?: Date) {
      const note = await sql<{
        id: number;
      }>`insert into job_test_notes (text) values (${text}) returning id`.execute(db);
      const noteId = note.rows[0]?.id ?? 0;
      return enqueueJob(db, { type, payload: { noteId }, ...(runAt ? { runAt } : {}) });
    }

    it('keeps a job committed with its change when the process dies before running it', async () => {
      const jobId = await handle.db
        .transaction()
        .execute((trx) => noteAndJob(trx, 'crash.note', 'committed'));
      // The process "dies": the database closes without any runner having looked.
      await handle.close();
      handle = await database.open();
      const seen: string[] = [];
      const runner = new JobRunner({
        db: handle.db,
        jobs: [recorder('crash.note', seen)],
        now: testClock().now,
      });
      expect(await runner.drain()).toBe(1);
      expect(seen).toEqual(['committed']);
      expect((await findJob(handle.db, jobId ?? 0))?.state).toBe('done');
      expect(await runner.drain()).toBe(0);
    });

    it('writes no job when the transaction that enqueued it rolls back', async () => {
      const seen: string[] = [];
      await expect(
        handle.db.transaction().execute(async (trx) => {
          await noteAndJob(trx, 'rollback.note', 'never');
          throw new Error('the change fails');
        }),
      ).rejects.toThrow('the change fails');
      const runner = new JobRunner({
        db: handle.db,
        jobs: [recorder('rollback.note', seen)],
        now: testClock().now,
      });
      expect(await runner.drain()).toBe(0);
      expect(seen).toEqual([]);
      const count = await handle.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('type', '=', 'rollback.note')
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
    });

    it('does not run a scheduled job before its time', async () => {
      const clock = testClock();
      const seen: string[] = [];
      await noteAndJob(handle.db, 'scheduled.note', 'on time', new Date(clock.now().getTime() + 60 * 60_000));
      const runner = new JobRunner({
        db: handle.db,
        jobs: [recorder('scheduled.note', seen)],
        now: clock.now,
      });
      expect(await runner.drain()).toBe(0);
      clock.advance(59 * 60_000);
      expect(await runner.drain()).toBe(0);
      clock.advance(60_000);
      expect(await runner.drain()).toBe(1);
      expect(seen).toEqual(['on time']);
    });

    it('has a job enqueued now due to a runner asking in the same millisecond', async () => {
      const id = await enqueueJob(handle.db, { type: 'same-millisecond' });
      const job = await findJob(handle.db, id ?? 0);
      // The runner's clock has milliseconds; a run_at with microseconds beyond them was not yet due.
      const claimed = await claimJobs(handle.db, {
        types: ['same-millisecond'],
        workerId: 'test',
        now: new Date(job?.runAt.getTime() ?? 0),
        leaseMs: 60_000,
        limit: 1,
      });
      expect(claimed.map((row) => Number(row.id))).toEqual([id]);
    });

    it('enqueues a job with a key once, however often it is asked to', async () => {
      const first = await enqueueJob(handle.db, { type: 'keyed', key: 'keyed:1' });
      const second = await enqueueJob(handle.db, { type: 'keyed', key: 'keyed:1' });
      expect(first).toBeTypeOf('number');
      expect(second).toBeUndefined();
    });

    it('retries a failing job with growing delays, then keeps it dead with its error; an admin retry runs it again', async () => {
      const clock = testClock();
      let failing = true;
      let calls = 0;
      const runner = new JobRunner({
        db: handle.db,
        now: clock.now,
        random: () => 0.5,
        jobs: [
          {
            type: 'flaky',
            maxAttempts: 3,
            baseDelayMs: 1000,
            async handler() {
              calls++;
              if (failing) throw new Error(`SMTP 451 try again (${calls})`);
            },
          },
        ],
      });
      const id = (await enqueueJob(handle.db, { type: 'flaky' })) ?? 0;
      expect(await runner.runOnce()).toBe(1);
      let job = await findJob(handle.db, id);
      expect(job).toMatchObject({
        state: 'pending',
        attempts: 1,
        lastError: 'Error: SMTP 451 try again (1)',
      });
      // First back-off: 1000 ms × (½ + ½·0.5) = 750 ms.
      expect(job?.runAt.getTime()).toBe(clock.now().getTime() + 750);
      clock.advance(749);
      expect(await runner.runOnce()).toBe(0);
      clock.advance(1);
      expect(await runner.runOnce()).toBe(1);
      job = await findJob(handle.db, id);
      expect(job?.runAt.getTime()).toBe(clock.now().getTime() + 1500);
      clock.advance(1500);
      expect(await runner.runOnce()).toBe(1);
      job = await findJob(handle.db, id);
      expect(job).toMatchObject({ state: 'dead', attempts: 3, lastError: 'Error: SMTP 451 try again (3)' });
      clock.advance(24 * 60 * 60_000);
      expect(await runner.drain()).toBe(0);
      expect(calls).toBe(3);

      failing = false;
      expect(await retryDeadJob(handle.db, id, clock.now())).toBe('retried');
      expect(await retryDeadJob(handle.db, id, clock.now())).toBe('not-dead');
      expect(await retryDeadJob(handle.db, 987_654_321)).toBe('not-found');
      expect(await runner.drain()).toBe(1);
      expect(await findJob(handle.db, id)).toMatchObject({ state: 'done', attempts: 1 });
      expect(calls).toBe(4);
    });

    it('makes a job dead at once on a permanent error or a payload its type refuses', async () => {
      const runner = new JobRunner({
        db: handle.db,
        now: testClock().now,
        jobs: [
          {
            type: 'permanent',
            async handler() {
              throw new PermanentJobError('the address is not valid');
            },
          },
          {
            type: 'strict',
            payload: {
              parse(input) {
                if (typeof (input as { n?: unknown }).n !== 'number') throw new Error('n must be a number');
                return input as { n: number };
              },
            },
            async handler() {},
          },
        ],
      });
      const a = (await enqueueJob(handle.db, { type: 'permanent' })) ?? 0;
      const b = (await enqueueJob(handle.db, { type: 'strict', payload: { n: 'x' } })) ?? 0;
      await runner.drain();
      expect(await findJob(handle.db, a)).toMatchObject({
        state: 'dead',
        attempts: 1,
        lastError: 'PermanentJobError: the address is not valid',
      });
      expect(await findJob(handle.db, b)).toMatchObject({ state: 'dead', attempts: 1 });
      expect((await findJob(handle.db, b))?.lastError).toContain('n must be a number');
    });

    it('runs a job again after its lease when the worker that claimed it died', async () => {
      const clock = testClock();
      const id = (await enqueueJob(handle.db, { type: 'leased' })) ?? 0;
      // A worker claims the job and dies without finishing or failing it.
      const claimed = await claimJobs(handle.db, {
        types: ['leased'],
        workerId: 'worker-that-died',
        now: clock.now(),
        leaseMs: 60_000,
        limit: 10,
      });
      expect(claimed.map((job) => Number(job.id))).toEqual([id]);
      let runs = 0;
      const runner = new JobRunner({
        db: handle.db,
        now: clock.now,
        leaseMs: 60_000,
        jobs: [
          {
            type: 'leased',
            async handler() {
              runs++;
            },
          },
        ],
      });
      expect(await runner.drain()).toBe(0);
      clock.advance(60_001);
      expect(await runner.drain()).toBe(1);
      expect(runs).toBe(1);
      expect(await findJob(handle.db, id)).toMatchObject({ state: 'done', attempts: 2 });
    });

    it('gives up on a job whose workers keep dying, and says so', async () => {
      const clock = testClock();
      const id = (await enqueueJob(handle.db, { type: 'poison' })) ?? 0;
      for (let i = 0; i < 2; i++) {
        await claimJobs(handle.db, {
          types: ['poison'],
          workerId: `dies-${i}`,
          now: clock.now(),
          leaseMs: 1000,
          limit: 1,
        });
        clock.advance(1001);
      }
      let runs = 0;
      const runner = new JobRunner({
        db: handle.db,
        now: clock.now,
        jobs: [
          {
            type: 'poison',
            maxAttempts: 2,
            async handler() {
              runs++;
            },
          },
        ],
      });
      await runner.drain();
      expect(runs).toBe(0);
      const job = await findJob(handle.db, id);
      expect(job).toMatchObject({ state: 'dead', attempts: 3 });
      expect(job?.lastError).toContain('lease ran out 2 times');
    });

    it('runs a recurring job once per period with two runners racing, and again in the next period', async () => {
      const second = kind === 'postgres' ? await database.open() : undefined;
      const clock = testClock();
      const hour = 60 * 60_000;
      const runs: string[] = [];
      const definition: JobDefinition = {
        type: 'hourly',
        async handler(_payload, { job }) {
          runs.push(job.key ?? '');
          // Hold the job a moment so the other runner's claims meet it running.
          await new Promise((resolve) => setTimeout(resolve, 20));
        },
      };
      const make = (db: DatabaseHandle['db'], workerId: string) =>
        new JobRunner({
          db,
          workerId,
          now: clock.now,
          jobs: [definition],
          recurring: [{ type: 'hourly', everyMs: hour }],
        });
      // On PostgreSQL the two runners have a pool each, like two portal processes.
      const a = make(handle.db, 'process-a');
      const b = make(second?.db ?? handle.db, 'process-b');
      try {
        await Promise.all(Array.from({ length: 5 }, () => [a.runOnce(), b.runOnce()]).flat());
        await Promise.all([a.drain(), b.drain()]);
        expect(runs).toHaveLength(1);
        clock.advance(hour);
        await Promise.all(Array.from({ length: 5 }, () => [a.runOnce(), b.runOnce()]).flat());
        await Promise.all([a.drain(), b.drain()]);
        expect(runs).toHaveLength(2);
        expect(new Set(runs).size).toBe(2);
        // Its state is in the database: a runner started afresh in the same period does nothing.
        const restarted = make(handle.db, 'process-c');
        expect(await restarted.drain()).toBe(0);
        expect(runs).toHaveLength(2);
      } finally {
        await second?.close();
      }
    });

    it('wakes at once when a job is enqueued in its process, and stops cleanly', async () => {
      let resolveRan: (value: string) => void = () => {};
      const ran = new Promise<string>((resolve) => {
        resolveRan = resolve;
      });
      const runner = new JobRunner({
        db: handle.db,
        // An hour between polls: only the wake-up can run the job within the test's time.
        pollIntervalMs: 60 * 60_000,
        jobs: [
          {
            type: 'wake',
            async handler(payload) {
              resolveRan(String(payload.text));
            },
          },
        ],
      });
      runner.start();
      try {
        await enqueueJob(handle.db, { type: 'wake', payload: { text: 'awake' } });
        expect(await ran).toBe('awake');
      } finally {
        await runner.stop();
      }
    });
  });
}
