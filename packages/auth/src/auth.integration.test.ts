import type { DatabaseHandle } from '@brobygger/db';
import { openTestDatabase, testDatabaseKinds } from '@brobygger/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeLinkToken, issueLinkToken } from './link-tokens.ts';
import {
  createSession,
  invalidateSession,
  invalidateUserSessions,
  listUserSessions,
  sessionAbsoluteLifetimeMs,
  sessionIdleTimeoutMs,
  validateSessionToken,
} from './sessions.ts';
import {
  accountThrottle,
  clearLoginFailures,
  recordLoginFailure,
  releaseAttempt,
  reserveAttempt,
  retryAfterSeconds,
  throttleKeys,
} from './throttle.ts';
import { replaceRecoveryCodes, useRecoveryCode } from './totp.ts';

describe.each(testDatabaseKinds())('auth storage on %s', (kind) => {
  let handle: DatabaseHandle;
  let userId: string;
  let otherUserId: string;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    const insert = (email: string) =>
      handle.db
        .insertInto('users')
        .values({ email, password_hash: 'x', display_name: email })
        .returning('id')
        .executeTakeFirstOrThrow();
    userId = (await insert('a@example.dk')).id;
    otherUserId = (await insert('b@example.dk')).id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  describe('sessions', () => {
    it('stores only a hash of the token, which carries at least 128 random bits', async () => {
      const { token, id } = await createSession(handle.db, userId);
      const [, secret] = token.split('.');
      expect((secret?.length ?? 0) * 5).toBeGreaterThanOrEqual(128);
      const row = await handle.db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(secret);
      expect(row.secret_hash.byteLength).toBe(32);
    });

    it('accepts the token and refuses a tampered one', async () => {
      const { token } = await createSession(handle.db, userId);
      expect((await validateSessionToken(handle.db, token))?.user_id).toBe(userId);
      const last = token.at(-1) === 'a' ? 'b' : 'a';
      expect(await validateSessionToken(handle.db, `${token.slice(0, -1)}${last}`)).toBeUndefined();
      expect(await validateSessionToken(handle.db, 'not-a-token')).toBeUndefined();
      expect(await validateSessionToken(handle.db, '')).toBeUndefined();
    });

    it('keeps two sessions of one user apart', async () => {
      const first = await createSession(handle.db, otherUserId);
      const second = await createSession(handle.db, otherUserId);
      await invalidateSession(handle.db, first.id);
      expect(await validateSessionToken(handle.db, first.token)).toBeUndefined();
      expect((await validateSessionToken(handle.db, second.token))?.id).toBe(second.id);
    });

    it('ends after the inactivity timeout, and slides while used', async () => {
      const start = new Date('2026-01-01T08:00:00Z');
      const { token } = await createSession(handle.db, userId, {}, start);
      const later = new Date(start.getTime() + sessionIdleTimeoutMs - 60_000);
      expect(await validateSessionToken(handle.db, token, later)).toBeDefined();
      const laterStill = new Date(later.getTime() + sessionIdleTimeoutMs - 60_000);
      expect(await validateSessionToken(handle.db, token, laterStill)).toBeDefined();
      const idle = new Date(laterStill.getTime() + sessionIdleTimeoutMs + 1);
      expect(await validateSessionToken(handle.db, token, idle)).toBeUndefined();
    });

    it('ends at the absolute lifetime however much it is used', async () => {
      const start = new Date('2026-02-01T08:00:00Z');
      const { token } = await createSession(handle.db, userId, {}, start);
      let now = start.getTime();
      while (now < start.getTime() + sessionAbsoluteLifetimeMs - sessionIdleTimeoutMs) {
        now += sessionIdleTimeoutMs / 2;
        expect(await validateSessionToken(handle.db, token, new Date(now))).toBeDefined();
      }
      const past = new Date(start.getTime() + sessionAbsoluteLifetimeMs);
      expect(await validateSessionToken(handle.db, token, past)).toBeUndefined();
    });

    it('ends every other session of a user on request', async () => {
      const keep = await createSession(handle.db, userId);
      const drop = await createSession(handle.db, userId);
      await invalidateUserSessions(handle.db, userId, keep.id);
      expect(await validateSessionToken(handle.db, drop.token)).toBeUndefined();
      expect(await validateSessionToken(handle.db, keep.token)).toBeDefined();
      expect((await listUserSessions(handle.db, userId)).map((s) => s.id)).toEqual([keep.id]);
    });
  });

  describe('link tokens', () => {
    it('work once', async () => {
      const token = await issueLinkToken(handle.db, userId, 'reset-password');
      expect(await consumeLinkToken(handle.db, token, 'reset-password')).toBe(userId);
      expect(await consumeLinkToken(handle.db, token, 'reset-password')).toBeUndefined();
    });

    it('do not work for another purpose, after expiry, or once a newer one is issued', async () => {
      const token = await issueLinkToken(handle.db, userId, 'verify-email');
      expect(await consumeLinkToken(handle.db, token, 'reset-password')).toBeUndefined();
      const past = new Date(Date.now() + 49 * 60 * 60 * 1000);
      expect(await consumeLinkToken(handle.db, token, 'verify-email', past)).toBeUndefined();
      const newer = await issueLinkToken(handle.db, userId, 'verify-email');
      expect(await consumeLinkToken(handle.db, token, 'verify-email')).toBeUndefined();
      expect(await consumeLinkToken(handle.db, newer, 'verify-email')).toBe(userId);
    });

    it('cannot be used twice by two concurrent clicks', async () => {
      const token = await issueLinkToken(handle.db, otherUserId, 'reset-password');
      const results = await Promise.all([
        consumeLinkToken(handle.db, token, 'reset-password'),
        consumeLinkToken(handle.db, token, 'reset-password'),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });

  describe('login throttling', () => {
    it('lets five failures pass, then backs off, and a success clears it', async () => {
      const keys = throttleKeys('throttled@example.dk', '203.0.113.9');
      const now = new Date('2026-03-01T10:00:00Z');
      for (let i = 0; i < accountThrottle.freeFailures - 1; i++)
        await recordLoginFailure(handle.db, keys, now);
      expect(await retryAfterSeconds(handle.db, keys, now)).toBe(0);
      await recordLoginFailure(handle.db, keys, now);
      expect(await retryAfterSeconds(handle.db, keys, now)).toBe(5);
      await recordLoginFailure(handle.db, keys, now);
      expect(await retryAfterSeconds(handle.db, keys, now)).toBe(10);
      await clearLoginFailures(handle.db, 'account:throttled@example.dk');
      expect(await retryAfterSeconds(handle.db, keys.slice(0, 1), now)).toBe(0);
    });

    it('never holds an account for more than 15 minutes', async () => {
      const keys = throttleKeys('victim@example.dk', null);
      const now = new Date('2026-03-02T10:00:00Z');
      for (let i = 0; i < 40; i++) await recordLoginFailure(handle.db, keys, now);
      expect(await retryAfterSeconds(handle.db, keys, now)).toBe(15 * 60);
    });

    it('admits exactly the free attempts of many concurrent ones, and counts none it refuses', async () => {
      const keys = throttleKeys('race@example.dk', '203.0.113.50');
      const now = new Date('2026-03-04T10:00:00Z');
      const waits = await Promise.all(Array.from({ length: 12 }, () => reserveAttempt(handle.db, keys, now)));
      expect(waits.filter((wait) => wait === 0)).toHaveLength(accountThrottle.freeFailures);
      expect(waits.filter((wait) => wait > 0).every((wait) => wait === 5)).toBe(true);
      const row = await handle.db
        .selectFrom('login_throttle')
        .select('failures')
        .where('key', '=', 'account:race@example.dk')
        .executeTakeFirstOrThrow();
      expect(row.failures).toBe(accountThrottle.freeFailures);
      // A success gives its attempt back: the IP count goes down by one and is not held.
      await releaseAttempt(handle.db, keys.slice(1));
      const ip = await handle.db
        .selectFrom('login_throttle')
        .select(['failures', 'blocked_until'])
        .where('key', '=', 'ip:203.0.113.50')
        .executeTakeFirstOrThrow();
      expect(ip).toEqual({ failures: accountThrottle.freeFailures - 1, blocked_until: null });
    });

    it('counts concurrent failures without losing any', async () => {
      const keys = throttleKeys('burst@example.dk', null);
      const now = new Date('2026-03-03T10:00:00Z');
      await Promise.all(Array.from({ length: 8 }, () => recordLoginFailure(handle.db, keys, now)));
      const row = await handle.db
        .selectFrom('login_throttle')
        .select('failures')
        .where('key', '=', 'account:burst@example.dk')
        .executeTakeFirstOrThrow();
      expect(row.failures).toBe(8);
    });
  });

  describe('recovery codes', () => {
    it('each work once', async () => {
      const codes = await replaceRecoveryCodes(handle.db, userId);
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      expect(await useRecoveryCode(handle.db, userId, codes[0] ?? '')).toBe(true);
      expect(await useRecoveryCode(handle.db, userId, codes[0] ?? '')).toBe(false);
      expect(await useRecoveryCode(handle.db, otherUserId, codes[1] ?? '')).toBe(false);
      expect(await useRecoveryCode(handle.db, userId, codes[1] ?? '')).toBe(true);
    });
  });
});
