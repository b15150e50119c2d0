import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  claimJobs,
  completeJob,
  type Database,
  enqueueJob,
  failJob,
  type JobRow,
  onJobEnqueued,
} from '@brobygger/db';
import type { Kysely } from 'kysely';
import pino, { type Logger } from 'pino';

/** What a handler knows about the job it runs. */
export interface JobContext {
  job: { id: number; type: string; key: string | null; attempt: number; runAt: Date };
  db: Kysely<Database>;
  logger: Logger;
  /** The runner's clock (tests move it). */
  now: Date;
}

export interface Retry {
  /** Attempts before the job is dead (default 5). */
  maxAttempts?: number;
  /** Delay after the first failure; it doubles after each (default 10 s). */
  baseDelayMs?: number;
  /** The longest delay between attempts (default 1 h). */
  maxDelayMs?: number;
}

/**
 * One kind of background work. The handler must be idempotent: a job runs at least once, and
 * may run again if its worker dies after the work but before the job is marked done.
 */
export interface JobDefinition<P = Record<string, unknown>> extends Retry {
  type: string;
  /** Checks the payload (a zod schema fits); a payload it refuses makes the job dead at once. */
  payload?: { parse(input: unknown): P };
  handler(payload: P, context: JobContext): Promise<void>;
}

/** A definition of any payload type, for lists of job types. */
// biome-ignore lint/suspicious/noExplicitAny: each definition checks its own payload type.
export type AnyJobDefinition = JobDefinition<any>;

/** A job enqueued once per period: at most one occurrence per period across all processes. */
export interface RecurringJob {
  /** The job type (a JobDefinition with this type must be registered). */
  type: string;
  /** Length of a period in milliseconds (e.g. 24 h). Periods start at the Unix epoch + offset. */
  everyMs: number;
  /** Shifts the periods, e.g. 5 h for "every day at 05:00 UTC". */
  offsetMs?: number;
  payload?: Record<string, unknown>;
}

/** Thrown by a handler when trying again cannot help (the job goes dead at once). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export interface JobRunnerOptions {
  db: Kysely<Database>;
  jobs: readonly AnyJobDefinition[];
  recurring?: readonly RecurringJob[];
  logger?: Logger;
  /** How often to look for due jobs when nothing wakes the runner (default 5 s). */
  pollIntervalMs?: number;
  /** How long a claimed job is held before another worker may take it (default 5 min). */
  leaseMs?: number;
  /** Jobs claimed and run at once (default 5). */
  batchSize?: number;
  /** The clock; tests inject one. */
  now?: () => Date;
  /** In [0, 1); the jitter of the back-off. Tests inject one. */
  random?: () => number;
  workerId?: string;
}

const defaults = { maxAttempts: 5, baseDelayMs: 10_000, maxDelayMs: 60 * 60_000 } as const;

/**
 * The delay before attempt `attempt + 1` after `attempt` failures: exponential, capped, with
 * "equal jitter" (between half and all of it) so that failures at the same moment spread out.
 */
export function backoffDelay(attempt: number, retry: Retry = {}, random = Math.random): number {
  const base = retry.baseDelayMs ?? defaults.baseDelayMs;
  const max = retry.maxDelayMs ?? defaults.maxDelayMs;
  const exponential = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** The start of the period that `now` falls in. */
export function periodStart(now: Date, everyMs: number, offsetMs = 0): Date {
  const since = now.getTime() - offsetMs;
  return new Date(Math.floor(since / everyMs) * everyMs + offsetMs);
}

/** The key of a recurring job's occurrence in one period, unique in the jobs table. */
export function recurringKey(job: RecurringJob, start: Date): string {
  return `recurring:${job.type}:${start.toISOString()}`;
}

/**
 * Runs the jobs of the `jobs` table: claims due jobs with `FOR UPDATE SKIP LOCKED` under a lease,
 * runs their handlers, and retries failures with back-off until they are dead. Any number of
 * runners (in any number of processes) may share one database. State lives in the database only,
 * so a restart loses nothing.
 */
export class JobRunner {
  readonly workerId: string;
  readonly #db: Kysely<Database>;
  readonly #definitions: Map<string, AnyJobDefinition>;
  readonly #recurring: readonly RecurringJob[];
  readonly #logger: Logger;
  readonly #pollIntervalMs: number;
  readonly #leaseMs: number;
  readonly #batchSize: number;
  readonly #now: () => Date;
  readonly #random: () => number;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #started = false;
  #unsubscribe: (() => void) | undefined;

  constructor(options: JobRunnerOptions) {
    this.#db = options.db;
    this.#definitions = new Map(options.jobs.map((job) => [job.type, job]));
    if (this.#definitions.size !== options.jobs.length) throw new Error('Two job definitions share a type');
    this.#recurring = options.recurring ?? [];
    for (const recurring of this.#recurring) {
      if (!this.#definitions.has(recurring.type)) {
        throw new Error(`Recurring job "${recurring.type}" has no job definition`);
      }
      if (!(recurring.everyMs >= 1000)) throw new Error(`Recurring job "${recurring.type}": everyMs < 1000`);
    }
    this.#logger = options.logger ?? pino({ level: 'silent' });
    this.#pollIntervalMs = options.pollIntervalMs ?? 5000;
    this.#leaseMs = options.leaseMs ?? 5 * 60_000;
    this.#batchSize = options.batchSize ?? 5;
    this.#now = options.now ?? (() => new Date());
    this.#random = options.random ?? Math.random;
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  }

  /** Starts polling (and listening for enqueues in this process). */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#unsubscribe = onJobEnqueued((type) => {
      if (this.#definitions.has(type)) this.wake();
    });
    this.wake();
  }

  /** Looks for due jobs now rather than at the next poll. */
  wake(): void {
    if (!this.#started) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#running = this.#tick().finally(() => {
      this.#running = undefined;
      if (!this.#started) return;
      if (this.#again) {
        this.#again = false;
        this.wake();
      } else {
        this.#timer = setTimeout(() => this.wake(), this.#pollIntervalMs);
        this.#timer.unref();
      }
    });
  }

  /** Stops polling and waits for the jobs in hand to finish. */
  async stop(): Promise<void> {
    this.#started = false;
    this.#unsubscribe?.();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  async #tick(): Promise<void> {
    try {
      // A full batch means more may be waiting: keep going until a claim comes back short.
      let ran = this.#batchSize;
      while (this.#started && ran >= this.#batchSize) ran = await this.runOnce();
    } catch (error) {
      this.#logger.error({ err: error }, 'job runner: polling failed; trying again at the next poll');
    }
  }

  /**
   * One round: enqueues this period's occurrence of each recurring job (once, by its key), claims
   * up to a batch of due jobs and runs them. Returns how many jobs it ran.
   */
  async runOnce(): Promise<number> {
    const now = this.#now();
    for (const recurring of this.#recurring) {
      const start = periodStart(now, recurring.everyMs, recurring.offsetMs);
      await enqueueJob(this.#db, {
        type: recurring.type,
        payload: recurring.payload ?? {},
        runAt: start,
        key: recurringKey(recurring, start),
      });
    }
    const claimed = await claimJobs(this.#db, {
      types: [...this.#definitions.keys()],
      workerId: this.workerId,
      now,
      leaseMs: this.#leaseMs,
      limit: this.#batchSize,
    });
    await Promise.all(claimed.map((job) => this.#run(job)));
    return claimed.length;
  }

  /** Runs rounds until none finds a due job (at most `maxRounds`); for tests and the CLI. */
  async drain(maxRounds = 100): Promise<number> {
    let total = 0;
    for (let round = 0; round < maxRounds; round++) {
      const ran = await this.runOnce();
      total += ran;
      if (ran === 0) break;
    }
    return total;
  }

  async #run(row: JobRow): Promise<void> {
    const id = Number(row.id);
    const definition = this.#definitions.get(row.type);
    const logger = this.#logger.child({ jobId: id, jobType: row.type, attempt: row.attempts });
    if (!definition) return; // Never claimed: claims ask only for known types.
    const maxAttempts = definition.maxAttempts ?? defaults.maxAttempts;
    const fail = async (message: string, dead: boolean) => {
      const now = this.#now();
      const retryAt = dead
        ? null
        : new Date(now.getTime() + backoffDelay(row.attempts, definition, this.#random));
      await failJob(this.#db, id, this.workerId, { error: message, retryAt, now });
      if (dead) logger.error({ err: message }, 'job is dead after its last attempt');
      else logger.warn({ err: message, retryAt }, 'job failed; will retry');
    };

    // Claimed more often than allowed: its earlier workers died holding it (a lease ran out).
    if (row.attempts > maxAttempts) {
      await fail(row.last_error ?? `No attempt finished: the lease ran out ${row.attempts - 1} times`, true);
      return;
    }
    try {
      const payload = definition.payload ? parsePayload(definition.payload, row.payload) : row.payload;
      await definition.handler(payload, {
        job: { id, type: row.type, key: row.key, attempt: row.attempts, runAt: row.run_at },
        db: this.#db,
        logger,
        now: this.#now(),
      });
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      await fail(message, error instanceof PermanentJobError || row.attempts >= maxAttempts);
      return;
    }
    if (!(await completeJob(this.#db, id, this.workerId, this.#now()))) {
      logger.warn('job finished after its lease ran out; another worker may have run it as well');
    }
  }
}

function parsePayload<P>(schema: { parse(input: unknown): P }, payload: unknown): P {
  try {
    return schema.parse(payload);
  } catch (error) {
    throw new PermanentJobError(`Invalid payload: ${error instanceof Error ? error.message : String(error)}`);
  }
}
