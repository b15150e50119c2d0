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

/** Seconds until a login may be tried again, or 0 when it may be tried now. */
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
  const waits = rows.map((row) => (row.blocked_until ? row.blocked_until.getTime() - now.getTime() : 0));
  const longest = Math.max(0, ...waits);
  return Math.ceil(longest / 1000);
}

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
