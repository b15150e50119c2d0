import { type Kysely, sql } from 'kysely';
import type { Database, JobRow, JobState } from '../schema.ts';

/** A job to write in the same transaction as the change that causes it. */
export interface NewJob {
  /** The job type; a handler for it is registered with the job runner. */
  type: string;
  /** What the handler needs, as JSON. Prefer ids over copies of data the handler can read. */
  payload?: Record<string, unknown>;
  /** Not before this time (default: at once). */
  runAt?: Date;
  /**
   * A unique key: enqueueing a key that exists already does nothing (and returns undefined),
   * so an enqueue can be repeated safely, e.g. `event-reminder:42:48h`.
   */
  key?: string;
}

type EnqueueListener = (type: string) => void;
const enqueueListeners = new Set<EnqueueListener>();

/**
 * Tells the job runners of this process that a job was written, so they look at once instead of
 * at their next poll. A job written inside a transaction becomes visible at its commit; on
 * PostgreSQL the runner may look before that and then finds it at its next poll.
 */
export function onJobEnqueued(listener: EnqueueListener): () => void {
  enqueueListeners.add(listener);
  return () => enqueueListeners.delete(listener);
}

/**
 * Writes a job. Pass the transaction of the change that causes it (`trx`), so the job exists
 * exactly when the change does: rolled back together, committed together. Returns the job's id,
 * or undefined when a job with the same key exists.
 */
export async function enqueueJob(db: Kysely<Database>, job: NewJob): Promise<number | undefined> {
  const row = await db
    .insertInto('jobs')
    .values({
      type: job.type,
      payload: JSON.stringify(job.payload ?? {}),
      key: job.key ?? null,
      // Due now by this process's clock, in milliseconds, as the runner's claim compares: the
      // database's now() has microseconds, and a job written at .123456 was not yet due to a
      // runner asking at .123, so an enqueue and the wake-up in the same millisecond missed it.
      run_at: job.runAt ?? new Date(),
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) for (const listener of enqueueListeners) listener(job.type);
  return row ? Number(row.id) : undefined;
}

export interface ClaimOptions {
  /** The job types this worker can run. */
  types: readonly string[];
  workerId: string;
  now: Date;
  /** How long the claim holds; after it, another worker may take the job. */
  leaseMs: number;
  limit: number;
}

/**
 * Claims due jobs for one worker: pending jobs whose time has come, and running jobs whose lease
 * ran out (their worker died). `FOR UPDATE SKIP LOCKED` lets several workers on one database
 * claim at the same time without waiting for or taking each other's jobs. Each claim counts as
 * an attempt.
 */
export async function claimJobs(db: Kysely<Database>, options: ClaimOptions): Promise<JobRow[]> {
  if (options.types.length === 0 || options.limit < 1) return [];
  const lockedUntil = new Date(options.now.getTime() + options.leaseMs);
  return db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'running',
      attempts: eb('attempts', '+', 1),
      locked_by: options.workerId,
      locked_until: lockedUntil,
      updated_at: options.now,
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('type', 'in', [...options.types])
        .where((w) =>
          w.or([
            w.and([w('state', '=', 'pending'), w('run_at', '<=', options.now)]),
            w.and([w('state', '=', 'running'), w('locked_until', '<', options.now)]),
          ]),
        )
        .orderBy('run_at')
        .orderBy('id')
        .limit(options.limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/** Marks a claimed job done; does nothing if the worker no longer holds it. */
export async function completeJob(
  db: Kysely<Database>,
  id: number,
  workerId: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'done', locked_by: null, locked_until: null, finished_at: now, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A failed attempt: the job waits until `retryAt`, or is dead (`retryAt` null) with its error. */
export async function failJob(
  db: Kysely<Database>,
  id: number,
  workerId: string,
  failure: { error: string; retryAt: Date | null; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({
      state: failure.retryAt ? 'pending' : 'dead',
      run_at: failure.retryAt ?? failure.now,
      locked_by: null,
      locked_until: null,
      last_error: failure.error.slice(0, 2000),
      finished_at: failure.retryAt ? null : failure.now,
      updated_at: failure.now,
    })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface JobView {
  id: number;
  type: string;
  key: string | null;
  state: JobState;
  attempts: number;
  runAt: Date;
  lockedUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

function toView(row: JobRow): JobView {
  return {
    id: Number(row.id),
    type: row.type,
    key: row.key,
    state: row.state,
    attempts: row.attempts,
    runAt: row.run_at,
    lockedUntil: row.locked_until,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

export async function findJob(db: Kysely<Database>, id: number): Promise<JobView | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toView(row) : undefined;
}

/** Jobs, newest first, optionally of one state; paged by `before` (an id). */
export async function listJobs(
  db: Kysely<Database>,
  filter: { state?: JobState | undefined; limit: number; before?: number | undefined },
): Promise<JobView[]> {
  let query = db.selectFrom('jobs').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.before) query = query.where('id', '<', filter.before);
  return (await query.execute()).map(toView);
}

/** How many jobs are in each state. */
export async function countJobsByState(db: Kysely<Database>): Promise<Record<JobState, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['state', sql<number>`count(*)::int`.as('count')])
    .groupBy('state')
    .execute();
  const counts: Record<JobState, number> = { pending: 0, running: 0, done: 0, dead: 0 };
  for (const row of rows) counts[row.state] = Number(row.count);
  return counts;
}

/**
 * Gives a dead job a new round of attempts, due at once. Answers what happened: `retried`,
 * `not-found`, or `not-dead` (only dead jobs are retried by hand).
 */
export async function retryDeadJob(
  db: Kysely<Database>,
  id: number,
  now = new Date(),
): Promise<'retried' | 'not-found' | 'not-dead'> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'pending', attempts: 0, run_at: now, finished_at: null, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'dead')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) {
    const job = await findJob(db, id);
    if (job) for (const listener of enqueueListeners) listener(job.type);
    return 'retried';
  }
  return (await findJob(db, id)) ? 'not-dead' : 'not-found';
}

/** Deletes done jobs finished before `before`; dead jobs stay until someone looks at them. */
export async function pruneDoneJobs(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('state', '=', 'done')
    .where('finished_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
