import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApi } from '../test-support.ts';
import { visitorIdentifier } from './session.ts';
import { type LoadedSession, SessionCache } from './session-cache.ts';

describe('SessionCache', () => {
  const loaded = (id: string, expiresInMs = 3_600_000): LoadedSession => {
    const now = new Date();
    return {
      session: {
        id,
        user_id: 'u',
        secret_hash: new Uint8Array(),
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(now.getTime() + expiresInMs),
        ip: null,
        user_agent: null,
      },
      account: {
        id: 'u',
        email: 'a@b.dk',
        displayName: 'A',
        emailVerified: true,
        totpEnabled: false,
        disabled: false,
        createdAt: now,
        roles: [],
      },
      actor: { userId: 'u', grants: [] },
    } as unknown as LoadedSession;
  };

  it('checks a token once while it is trusted, again after ttlMs, and once for many asking at once', async () => {
    let now = 0;
    let checks = 0;
    const cache = new SessionCache({ ttlMs: 1000, now: () => now });
    const check = async () => {
      checks += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return loaded('s1');
    };
    await Promise.all(Array.from({ length: 20 }, () => cache.load('token', check)));
    expect(checks).toBe(1);
    now = 999;
    await cache.load('token', check);
    expect(checks).toBe(1);
    now = 1000;
    await cache.load('token', check);
    expect(checks).toBe(2);
    // Another token is another entry.
    await cache.load('other', check);
    expect(checks).toBe(3);
  });

  it('keeps nothing a check found while the cache was cleared, nor an expired session, nor a failed check', async () => {
    let checks = 0;
    const cache = new SessionCache({ ttlMs: 60_000 });
    let release: () => void = () => {};
    const slow = () =>
      new Promise<LoadedSession>((resolve) => {
        checks += 1;
        release = () => resolve(loaded('s1'));
      });
    const pending = cache.load('token', slow);
    cache.clear();
    release();
    expect(await pending).toBeDefined();
    expect(cache.get('token')).toBeUndefined();

    await cache.load('expired', async () => loaded('s2', -1));
    expect(cache.get('expired')).toBeUndefined();
    await cache.load('unknown', async () => undefined);
    expect(cache.get('unknown')).toBeUndefined();
    expect(checks).toBe(1);
  });

  it('checks every time with ttlMs 0', async () => {
    let checks = 0;
    const cache = new SessionCache({ ttlMs: 0 });
    for (let i = 0; i < 3; i++) {
      await cache.load('token', async () => {
        checks += 1;
        return loaded('s1');
      });
    }
    expect(checks).toBe(3);
  });
});

describe.each(testDatabaseKinds())('the session cache in the API on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let now = 0;
  const cache = new SessionCache({ ttlMs: 1000, now: () => now });
  let adminToken: string;
  const sessionFor = async (email: string) => {
    const user = await findUserByEmail(api.db, email);
    if (!user) throw new Error(`no demo user ${email}`);
    return { token: (await createSession(api.db, user.id)).token, id: user.id };
  };
  const me = (token: string) => call(api.app, 'GET', '/api/me', { token });

  beforeAll(async () => {
    api = await createTestApi(kind, { sessionCache: cache });
    await seedDemoAccounts(api.db);
    adminToken = (await sessionFor('admin@brobygger.test')).token;
    // Hashing the demo passwords takes a while on a busy machine.
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });
  beforeEach(() => {
    now += 10_000;
    cache.clear();
  });

  it('sees a change made elsewhere (another process, the CLI) within ttlMs, not later', async () => {
    const { token, id } = await sessionFor('frivillig@brobygger.test');
    expect((await me(token)).json.user.displayName).toBe('Frida Frivillig');
    // Another process renames the user and ends the session, straight in the database.
    await api.db.updateTable('users').set({ display_name: 'Frida F.' }).where('id', '=', id).execute();
    now += 500;
    expect((await me(token)).json.user.displayName).toBe('Frida Frivillig');
    now += 500;
    expect((await me(token)).json.user.displayName).toBe('Frida F.');
    await api.db.deleteFrom('sessions').where('user_id', '=', id).execute();
    now += 1000;
    expect((await me(token)).status).toBe(401);
    await api.db.updateTable('users').set({ display_name: 'Frida Frivillig' }).where('id', '=', id).execute();
  });

  it('sees a sign-out in this process at once', async () => {
    const { token } = await sessionFor('frivillig@brobygger.test');
    expect((await me(token)).status).toBeLessThan(300);
    expect((await call(api.app, 'POST', '/api/auth/logout', { token })).status).toBeLessThan(300);
    expect((await me(token)).status).toBe(401);
  });

  it('sees a role given or an account disabled by an admin in this process at once', async () => {
    const { token, id } = await sessionFor('medarbejder@brobygger.test');
    const roles = async () =>
      ((await me(token)).json.user.roles as { role: string }[]).map((grant) => grant.role).sort();
    expect(await roles()).toEqual(['staff', 'volunteer']);
    const granted = await call(api.app, 'POST', `/api/admin/users/${id}/roles`, {
      token: adminToken,
      json: { role: 'steering_group' },
    });
    expect(granted.status).toBe(201);
    expect(await roles()).toEqual(['staff', 'steering_group', 'volunteer']);
    // What the staff member may do follows at once as well: the admin pages stay closed.
    expect((await call(api.app, 'GET', '/api/admin/users', { token })).status).toBe(403);
    const roleId = granted.json.role.id;
    expect(
      (await call(api.app, 'DELETE', `/api/admin/users/${id}/roles/${roleId}`, { token: adminToken })).status,
    ).toBeLessThan(300);
    expect(await roles()).toEqual(['staff', 'volunteer']);

    expect(
      (await call(api.app, 'POST', `/api/admin/users/${id}/disable`, { token: adminToken })).status,
    ).toBeLessThan(300);
    expect((await me(token)).status).toBe(401);
    expect(
      (await call(api.app, 'POST', `/api/admin/users/${id}/enable`, { token: adminToken })).status,
    ).toBeLessThan(300);
  });

  it('identifies a page visitor by the session cookie, with the same check', async () => {
    const identify = visitorIdentifier(api.deps);
    const { token } = await sessionFor('styregruppe@brobygger.test');
    const visitor = await identify(new Headers({ cookie: `lng=en; brobygger_session=${token}` }));
    expect(visitor?.email).toBe('styregruppe@brobygger.test');
    expect(visitor?.roles.map((grant) => grant.role)).toContain('steering_group');
    expect(await identify(new Headers({ cookie: 'brobygger_session=forged.token' }))).toBeNull();
    expect(await identify(new Headers({ authorization: `Bearer ${token}` }))).toBeNull();
    expect(await identify(new Headers())).toBeNull();
    expect((await call(api.app, 'POST', '/api/auth/logout', { token })).status).toBeLessThan(300);
    expect(await identify(new Headers({ cookie: `brobygger_session=${token}` }))).toBeNull();
  });
});
