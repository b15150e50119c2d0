/**
 * How fast the job runner gets through jobs: enqueues (each in its own transaction) and a runner
 * draining them with a handler that does nothing, so the numbers are the runner's own overhead
 * (claim under FOR UPDATE SKIP LOCKED, mark done).
 *
 *   pnpm --filter @brobygger/bench run bench:jobs                      # embedded PGlite (in memory)
 *   DATABASE_URL=postgres://… pnpm --filter @brobygger/bench run bench:jobs
 *
 * On PostgreSQL it also drains with two runners on two pools, as two processes would.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { enqueueJob, openDatabase } from '@brobygger/db';
import { openTestDatabase } from '@brobygger/db/testing';
import { JobRunner } from '@brobygger/jobs';

const jobs = Math.min(Number(process.env.BENCH_JOBS ?? 1000), 20_000);
const batchSize = Number(process.env.BENCH_BATCH ?? 10);

const database = await openTestDatabase(process.env.DATABASE_URL ? 'postgres' : 'pglite');
const rate = (count: number, ms: number) => `${((count / ms) * 1000).toFixed(0)}/s`;
console.log(`machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? '?'}, Node ${process.version}`);
console.log(
  `load average: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`database: ${database.kind}; ${jobs} jobs, batch ${batchSize}`);

async function enqueueAll(type: string) {
  const start = performance.now();
  for (let i = 0; i < jobs; i++) {
    await database.db.transaction().execute((trx) => enqueueJob(trx, { type, payload: { i } }));
  }
  return performance.now() - start;
}

const noop = { async handler() {} };
try {
  const enqueueMs = await enqueueAll('bench.one');
  console.log(`enqueue (one transaction each): ${rate(jobs, enqueueMs)} (${enqueueMs.toFixed(0)} ms)`);
  const one = new JobRunner({ db: database.db, batchSize, jobs: [{ type: 'bench.one', ...noop }] });
  let start = performance.now();
  const ran = await one.drain(jobs);
  let drainMs = performance.now() - start;
  console.log(`drain, one runner: ${rate(ran, drainMs)} (${ran} jobs in ${drainMs.toFixed(0)} ms)`);

  if (database.kind === 'postgres') {
    await enqueueAll('bench.two');
    const second = await openDatabase({
      databaseUrl: process.env.DATABASE_URL,
      schema: database.schema,
      maxConnections: 5,
    });
    try {
      const make = (db: typeof database.db) =>
        new JobRunner({ db, batchSize, jobs: [{ type: 'bench.two', ...noop }] });
      start = performance.now();
      const counts = await Promise.all([make(database.db).drain(jobs), make(second.db).drain(jobs)]);
      drainMs = performance.now() - start;
      const total = counts[0] + counts[1];
      console.log(
        `drain, two runners on two pools: ${rate(total, drainMs)} (${counts.join(' + ')} = ${total} jobs in ${drainMs.toFixed(0)} ms)`,
      );
    } finally {
      await second.close();
    }
  }
} finally {
  await database.close();
}
