// The account-security holes found by probing the running portal (issue 8), each shown closed:
// these tests fail on the code before the fix, on PGlite and on PostgreSQL.
import {
  createSession,
  currentTotp,
  hashPassword,
  registrationIpThrottle,
  seedDemoAccounts,
  totpKeyFromSecret,
} from '@brobygger/auth';
import { createUser, findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import type { KyselyPlugin, QueryId, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { settleAfterResponse } from '../../services/after-response.ts';
import { call, createTestApi } from '../../test-support.ts';

describe.each(testDatabaseKinds())('account security on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  const password = 'et-godt-kodeord-42';
  let passwordHash: string;
  let ipCounter = 1;
  const freshIp = () => `203.0.113.${ipCounter++}`;

  /** A user straight in the database (no registration mail, no throttle entry). */
  const addUser = async (email: string) => {
    await createUser(api.db, { email, passwordHash, displayName: 'Test Person', emailVerified: true });
    const user = await findUserByEmail(api.db, email);
    if (!user) throw new Error('no user');
    return { id: user.id, token: (await createSession(api.db, user.id)).token };
  };
  const auditCount = async (action: string, targetId: string) =>
    (
      await api.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', '=', action)
        .where('target_id', '=', targetId)
        .executeTakeFirstOrThrow()
    ).n;
  const mailCount = async (to: string, kind?: string) =>
    Number(
      (
        await api.db
          .selectFrom('email_outbox')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('to_address', '=', to)
          .$if(kind !== undefined, (q) => q.where('kind', '=', kind ?? ''))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const statuses = (results: { status: number }[]) =>
    results.reduce<Record<number, number>>((count, { status }) => {
      count[status] = (count[status] ?? 0) + 1;
      return count;
    }, {});

  beforeAll(async () => {
    api = await createTestApi(kind);
    passwordHash = await hashPassword(password);
  });
  afterAll(async () => {
    await api?.close();
  });

  describe('the login throttle', () => {
    it('lets at most five of 30 concurrent wrong passwords for one account reach the password check', async () => {
      const { id } = await addUser('kapløb@example.dk'.replace('ø', 'o'));
      const ip = freshIp();
      const results = await Promise.all(
        Array.from({ length: 30 }, () =>
          call(api.app, 'POST', '/api/auth/login', {
            json: { email: 'kaplob@example.dk', password: 'forkert-forkert' },
            ip,
          }),
        ),
      );
      expect(statuses(results)).toEqual({ 401: 5, 429: 25 });
      expect(Number(await auditCount('login.failed', id))).toBe(5);
      for (const res of results.filter((r) => r.status === 429)) {
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    });
  });

  describe('one throttle for every password check', () => {
    it('counts wrong passwords to delete, change password and two-factor off together, concurrently', async () => {
      const { token } = await addUser('alle-veje@example.dk');
      const setup = await call(api.app, 'POST', '/api/auth/totp/setup', { token });
      const key = totpKeyFromSecret(setup.json.secret);
      await call(api.app, 'POST', '/api/auth/totp/enable', { token, json: { code: currentTotp(key) } });
      const wrong = 'forkert-forkert';
      const attempts = Array.from({ length: 24 }, (_, i) => {
        const ip = freshIp();
        if (i % 3 === 0) return call(api.app, 'DELETE', '/api/me', { token, ip, json: { password: wrong } });
        if (i % 3 === 1)
          return call(api.app, 'POST', '/api/auth/password', {
            token,
            ip,
            json: { currentPassword: wrong, newPassword: 'et-helt-nyt-kodeord-7' },
          });
        return call(api.app, 'POST', '/api/auth/totp/disable', {
          token,
          ip,
          json: { password: wrong, code: '000000' },
        });
      });
      const results = await Promise.all(attempts);
      // 422 is "the password is wrong": only five were checked; the rest were held back.
      expect(statuses(results)).toEqual({ 422: 5, 429: 19 });

      // Held back now on every route, even with the right password — and nothing happens.
      const right = { token, ip: freshIp() };
      const deleted = await call(api.app, 'DELETE', '/api/me', { ...right, json: { password } });
      expect(deleted.status).toBe(429);
      expect(deleted.headers.get('retry-after')).toBeTruthy();
      const changed = await call(api.app, 'POST', '/api/auth/password', {
        ...right,
        json: { currentPassword: password, newPassword: 'et-helt-nyt-kodeord-7' },
      });
      expect(changed.status).toBe(429);
      const off = await call(api.app, 'POST', '/api/auth/totp/disable', {
        ...right,
        json: { password, code: currentTotp(key) },
      });
      expect(off.status).toBe(429);
      const login = await call(api.app, 'POST', '/api/auth/login', {
        ip: freshIp(),
        json: { email: 'alle-veje@example.dk', password, totpCode: currentTotp(key) },
      });
      expect(login.status).toBe(429);
      const me = await call(api.app, 'GET', '/api/me', { token });
      expect(me.json.user).toMatchObject({ email: 'alle-veje@example.dk', totpEnabled: true });
    });

    it('needs a current code or a recovery code, besides the password, to turn two-factor off', async () => {
      const { token } = await addUser('to-trin-fra@example.dk');
      const setup = await call(api.app, 'POST', '/api/auth/totp/setup', { token });
      const key = totpKeyFromSecret(setup.json.secret);
      const enabled = await call(api.app, 'POST', '/api/auth/totp/enable', {
        token,
        json: { code: currentTotp(key) },
      });
      const disable = (json: Record<string, string>) =>
        call(api.app, 'POST', '/api/auth/totp/disable', { token, ip: freshIp(), json });

      const passwordOnly = await disable({ password });
      expect(passwordOnly.status).toBe(422);
      expect(Object.keys(passwordOnly.json.error.fields)).toEqual(['code']);
      const wrongCode = await disable({ password, code: '000000' });
      expect(wrongCode.status).toBe(422);
      expect(Object.keys(wrongCode.json.error.fields)).toEqual(['code']);
      const wrongRecovery = await disable({ password, recoveryCode: 'aaaaaaaaaaaaaaaa' });
      expect(wrongRecovery.status).toBe(422);
      expect(Object.keys(wrongRecovery.json.error.fields)).toEqual(['recoveryCode']);
      expect((await call(api.app, 'GET', '/api/me', { token })).json.user.totpEnabled).toBe(true);

      const off = await disable({ password, recoveryCode: enabled.json.recoveryCodes[0] });
      expect(off.status).toBe(200);
      expect((await call(api.app, 'GET', '/api/me', { token })).json.user.totpEnabled).toBe(false);
    });
  });

  describe('registration', () => {
    const registerFrom = (email: string, ip: string) =>
      call(api.app, 'POST', '/api/auth/register', {
        json: { email, password: 'et-nyt-kodeord-88', displayName: 'Nogen' },
        ip,
      });

    it('is throttled per target email: 15 tries from one IP send three mails, then 429', async () => {
      await addUser('findes@example.dk');
      const ip = freshIp();
      const results = [];
      for (let i = 0; i < 15; i++) results.push(await registerFrom('findes@example.dk', ip));
      expect(results.map((r) => r.status)).toEqual([202, 202, 202, ...Array(12).fill(429)]);
      expect(Number(results[3]?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await mailCount('findes@example.dk', 'already-registered')).toBe(3);

      // The same answers for an address nobody has registered: they tell nothing.
      const fresh = [];
      for (let i = 0; i < 15; i++) fresh.push(await registerFrom('findes-ikke@example.dk', freshIp()));
      const answer = (r: { status: number; json: { message?: string; error?: { code: string } } }) => [
        r.status,
        r.json.error?.code ?? r.json.message,
      ];
      expect(fresh.map(answer)).toEqual(results.map(answer));
      expect(await mailCount('findes-ikke@example.dk')).toBe(3);
    });

    it('is throttled per IP across many addresses', async () => {
      const ip = freshIp();
      const results = [];
      const free = registrationIpThrottle.freeFailures;
      for (let i = 0; i < free + 2; i++) results.push(await registerFrom(`mange-${i}@example.dk`, ip));
      expect(results.map((r) => r.status)).toEqual([...Array(free).fill(202), 429, 429]);
      expect(await mailCount(`mange-${free + 1}@example.dk`)).toBe(0);
      // Another IP still gets through.
      expect((await registerFrom(`mange-${free + 1}@example.dk`, freshIp())).status).toBe(202);
    });
  });

  describe('password reset', () => {
    it('does the same database work before answering for a registered and an unknown email', async () => {
      await addUser('nulstil@example.dk');
      // Every statement the API sends to the database, as SQL without its parameters.
      const statements: string[] = [];
      const recorder: KyselyPlugin = {
        transformQuery({ node, queryId }: { node: RootOperationNode; queryId: QueryId }) {
          statements.push(api.db.getExecutor().compileQuery(node, queryId).sql);
          return node;
        },
        transformResult: async ({ result }) => result,
      };
      const deps = { ...api.deps, db: api.db.withPlugin(recorder) };
      const app = createApi(deps);
      const ask = async (email: string) => {
        statements.length = 0;
        const res = await app.request('/api/auth/password-reset', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin: 'http://localhost',
            'x-forwarded-for': freshIp(),
          },
          body: JSON.stringify({ email }),
        });
        // What ran before the answer was given; the rest runs after it.
        const beforeAnswer = [...statements];
        await settleAfterResponse(deps);
        return {
          status: res.status,
          body: await res.json(),
          beforeAnswer,
          afterAnswer: statements.slice(beforeAnswer.length),
        };
      };
      const known = await ask('nulstil@example.dk');
      const unknown = await ask('ukendt-nulstil@example.dk');
      expect(known.status).toBe(202);
      expect(unknown).toMatchObject({ status: known.status, body: known.body });
      expect(known.beforeAnswer.length).toBeGreaterThan(0);
      expect(unknown.beforeAnswer).toEqual(known.beforeAnswer);
      expect(known.beforeAnswer.join('\n')).not.toMatch(/"users"|"auth_tokens"|"email_outbox"/);
      // The lookup, the token and the mail came after the answer, for the registered one only.
      expect(known.afterAnswer.join('\n')).toMatch(/insert into "email_outbox"/);
      expect(unknown.afterAnswer.join('\n')).not.toMatch(/insert into/);
      expect(await mailCount('nulstil@example.dk', 'reset-password')).toBe(1);
      expect(await mailCount('ukendt-nulstil@example.dk')).toBe(0);
    });
  });

  describe('the last administrator', () => {
    let admin: { id: string; token: string };
    beforeAll(async () => {
      await seedDemoAccounts(api.db);
      const user = await findUserByEmail(api.db, 'admin@brobygger.test');
      if (!user) throw new Error('no admin');
      admin = { id: user.id, token: (await createSession(api.db, user.id)).token };
    });
    const adminRoleOf = async (userId: string, token: string) => {
      const res = await call(api.app, 'GET', `/api/admin/users/${userId}`, { token });
      return res.json.user.roles.find((r: { role: string }) => r.role === 'admin')?.id as number | undefined;
    };

    it('cannot remove their own admin role, nor delete their account', async () => {
      const roleId = await adminRoleOf(admin.id, admin.token);
      const removed = await call(api.app, 'DELETE', `/api/admin/users/${admin.id}/roles/${roleId}`, {
        token: admin.token,
      });
      expect(removed.status).toBe(409);
      expect(removed.json.error).toMatchObject({ code: 'conflict' });
      expect(removed.json.error.message).toContain('sidste aktive administrator');
      const deleted = await call(api.app, 'DELETE', '/api/me', {
        token: admin.token,
        ip: freshIp(),
        json: { password: 'brobygger-demo' },
      });
      expect(deleted.status).toBe(409);
      expect(await adminRoleOf(admin.id, admin.token)).toBe(roleId);
    });

    it('can once another admin exists; and of two admins removing each other at once, one wins', async () => {
      const other = await addUser('anden-admin@example.dk');
      const granted = await call(api.app, 'POST', `/api/admin/users/${other.id}/roles`, {
        token: admin.token,
        json: { role: 'admin' },
      });
      expect(granted.status).toBe(201);
      const adminRoleId = await adminRoleOf(admin.id, admin.token);
      const results = await Promise.all([
        call(api.app, 'DELETE', `/api/admin/users/${admin.id}/roles/${adminRoleId}`, { token: other.token }),
        call(api.app, 'DELETE', `/api/admin/users/${other.id}/roles/${granted.json.role.id}`, {
          token: admin.token,
        }),
      ]);
      // The loser is refused either way: 409 if it passed the role check before the winner
      // committed (the lock makes it see one admin left), 403 if it came after (no longer admin).
      const [won, lost] = results.map((r) => r.status).sort();
      expect(won).toBe(204);
      expect([403, 409]).toContain(lost);
      const admins = await api.db
        .selectFrom('user_roles')
        .select('user_id')
        .where('role', '=', 'admin')
        .execute();
      expect(admins).toHaveLength(1);

      // The one left cannot be disabled by an admin whose own role went either.
      const [remaining] = admins;
      const remainingToken = remaining?.user_id === admin.id ? admin.token : other.token;
      const loserId = remaining?.user_id === admin.id ? other.id : admin.id;
      // Give the loser the role back and let the two disable each other at once: one wins.
      const regranted = await call(api.app, 'POST', `/api/admin/users/${loserId}/roles`, {
        token: remainingToken,
        json: { role: 'admin' },
      });
      expect(regranted.status).toBe(201);
      const loserToken = loserId === admin.id ? admin.token : other.token;
      const disabled = await Promise.all([
        call(api.app, 'POST', `/api/admin/users/${loserId}/disable`, { token: remainingToken }),
        call(api.app, 'POST', `/api/admin/users/${remaining?.user_id}/disable`, { token: loserToken }),
      ]);
      // As above; a loser disabled first has lost its session too (401).
      const [disabledWon, disabledLost] = disabled.map((r) => r.status).sort();
      expect(disabledWon).toBe(200);
      expect([401, 403, 409]).toContain(disabledLost);
      const active = await api.db
        .selectFrom('user_roles as ur')
        .innerJoin('users as u', 'u.id', 'ur.user_id')
        .where('ur.role', '=', 'admin')
        .where('u.disabled_at', 'is', null)
        .select('u.id')
        .execute();
      expect(active).toHaveLength(1);
    });
  });
});
