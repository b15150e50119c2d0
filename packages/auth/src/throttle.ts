import type { Database } from '@brobygger/db';
import { type Kysely, sql } from 'kysely';

/**
 * Login throttling with a growing back-off, per account and per IP address.
 *
 * An account gets 5 free failures, then waits 5 s, 10 s, 20 s … but never more than 15 minutes,
 * so someone who knows a user's email cannot lock them out for long; the counter forgets after
 * an hour without failures and a successful login clears it. An IP address gets 20 free failures
 * and may be held up to an hour: that is where password spraying comes from.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

export const accountThrottle: ThrottlePolicy = {
  freeFailures: 5,
  baseDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};
export const ipThrottle: ThrottlePolicy = {
  freeFailures: 20,
  baseDelayMs: 5_000,
  maxDelayMs: 60 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

/**
 * Registration, per target email: 3 a hour, then 1 minute doubling up to an hour. It bounds the
 * "already registered" mails (each with a reset link) one address can be sent, and is the same
 * whether or not the address is registered, so it tells nothing.
 */
export const registrationEmailThrottle: ThrottlePolicy = {
  freeFailures: 3,
  baseDelayMs: 60_000,
  maxDelayMs: 60 * 60_000,
  forgetAfterMs: 60 * 60_000,
};
/**
 * Registration, per IP: 50 a hour (a course room or a library behind one address signing up
 * together), then 30 s doubling. The per-email limit is what bounds the mail to any one address.
 */
export const registrationIpThrottle: ThrottlePolicy = {
  freeFailures: 50,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

export const registrationThrottleKeys = (email: string, ip: string | null): ThrottleKey[] => [
  { key: `register:${email}`, policy: registrationEmailThrottle },
  ...(ip ? [{ key: `register-ip:${ip}`, policy: registrationIpThrottle }] : []),
];

export function backoffMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const exponent = Math.min(failures - policy.freeFailures, 20);
  return Math.min(policy.baseDelayMs * 2 ** exponent, policy.maxDelayMs);
}

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

export const throttleKeys = (email: string, ip: string | null): ThrottleKey[] => [
  { key: `account:${email}`, policy: accountThrottle },
  ...(ip ? [{ key: `ip:${ip}`, policy: ipThrottle }] : []),
];

/** Seconds until a login may be tried again, or 0 when it may be tried now (read only). */
export async function retryAfterSeconds(
  db: Kysely<Database>,
  keys: ThrottleKey[],
  now = new Date(),
): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db
    .selectFrom('login_throttle')
    .select(['key', 'blocked_until'])
    .where(
      'key',
      'in',
      keys.map((k) => k.key),
    )
    .execute();
  return secondsUntil(rows, now);
}

function secondsUntil(rows: { blocked_until: Date | null }[], now: Date): number {
  const waits = rows.map((row) => (row.blocked_until ? row.blocked_until.getTime() - now.getTime() : 0));
  return Math.ceil(Math.max(0, ...waits) / 1000);
}

/**
 * Checks and counts an attempt in one step, before the secret is verified: answers 0 when the
 * attempt may go ahead (and has been counted as a failure already), or the seconds to wait when
 * any key is held back (and nothing is counted). The keys' rows are locked, in a fixed order, for
 * the length of one short transaction, so concurrent attempts are admitted one at a time and no
 * more get through than the policy allows. A caller whose attempt succeeds gives the count back
 * with `releaseAttempt` or `clearLoginFailures`.
 */
export async function reserveAttempt(
  db: Kysely<Database>,
  keys: ThrottleKey[],
  now = new Date(),
): Promise<number> {
  if (keys.length === 0) return 0;
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('login_throttle')
      .values(sorted.map(({ key }) => ({ key, failures: 0, last_failure_at: now, blocked_until: null })))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const rows = [];
    for (const { key } of sorted) {
      rows.push(
        await trx
          .selectFrom('login_throttle')
          .selectAll()
          .where('key', '=', key)
          .forUpdate()
          .executeTakeFirstOrThrow(),
      );
    }
    const wait = secondsUntil(rows, now);
    if (wait > 0) return wait;
    for (const [index, { key, policy }] of sorted.entries()) {
      const row = rows[index];
      const forgotten = !row || row.last_failure_at.getTime() < now.getTime() - policy.forgetAfterMs;
      const failures = forgotten ? 1 : row.failures + 1;
      const delay = backoffMs(failures, policy);
      await trx
        .updateTable('login_throttle')
        .set({
          failures,
          last_failure_at: now,
          blocked_until: delay > 0 ? new Date(now.getTime() + delay) : null,
        })
        .where('key', '=', key)
        .execute();
    }
    return 0;
  });
}

/** Gives back one attempt counted by `reserveAttempt` (it turned out not to be a failure). */
export async function releaseAttempt(db: Kysely<Database>, keys: ThrottleKey[]): Promise<void> {
  for (const { key, policy } of keys) {
    await db
      .updateTable('login_throttle')
      .set({
        failures: sql`greatest(failures - 1, 0)`,
        blocked_until: sql`case when failures - 1 >= ${policy.freeFailures} then blocked_until else null end`,
      })
      .where('key', '=', key)
      .execute();
  }
}

/** Counts failures without checking (tests and callers that have already checked). */
export async function recordLoginFailure(
  db: Kysely<Database>,
  keys: ThrottleKey[],
  now = new Date(),
): Promise<void> {
  for (const { key, policy } of keys) {
    const forgetBefore = new Date(now.getTime() - policy.forgetAfterMs);
    // One statement, so concurrent failures count correctly on PostgreSQL.
    const row = await db
      .insertInto('login_throttle')
      .values({ key, failures: 1, last_failure_at: now, blocked_until: null })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql`case when login_throttle.last_failure_at < ${forgetBefore} then 1 else login_throttle.failures + 1 end`,
          last_failure_at: now,
        }),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    const delay = backoffMs(row.failures, policy);
    if (delay > 0) {
      await db
        .updateTable('login_throttle')
        .set({ blocked_until: new Date(now.getTime() + delay) })
        .where('key', '=', key)
        .execute();
    }
  }
}

export async function clearLoginFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Forgets every throttle entry about one email address (the account is being deleted). */
export async function forgetThrottleFor(db: Kysely<Database>, email: string): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('key', 'in', [`account:${email}`, `account:reset:${email}`, `register:${email}`])
    .execute();
}
