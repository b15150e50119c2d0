import { currentTotp, totpKeyFromSecret } from '@brobygger/auth';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApi, sessionCookieFrom, tokenFromOutbox } from '../../test-support.ts';

describe.each(testDatabaseKinds())('accounts and sessions on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  const password = 'et-godt-kodeord-42';
  let ipCounter = 1;
  const freshIp = () => `198.51.100.${ipCounter++}`;

  const register = (email: string, pw = password) =>
    call(api.app, 'POST', '/api/auth/register', {
      json: { email, password: pw, displayName: 'Test Person' },
      ip: freshIp(),
    });
  const login = (email: string, pw = password, extra: Record<string, string> = {}, ip = freshIp()) =>
    call(api.app, 'POST', '/api/auth/login', { json: { email, password: pw, ...extra }, ip });
  const userCount = async () =>
    (
      await api.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  beforeAll(async () => {
    api = await createTestApi(kind);
  });
  afterAll(async () => {
    await api?.close();
  });

  describe('registration', () => {
    it('creates a volunteer and emails a verification link', async () => {
      const res = await register('ny@example.dk');
      expect(res.status).toBe(202);
      const me = await login('ny@example.dk');
      expect(me.status).toBe(200);
      expect(me.json.user).toMatchObject({
        email: 'ny@example.dk',
        emailVerified: false,
        roles: [{ role: 'volunteer' }],
      });
      const token = await tokenFromOutbox(api.db, 'ny@example.dk', 'verify-email');
      expect(token).toBeDefined();
      const verified = await call(api.app, 'POST', '/api/auth/verify-email', { json: { token } });
      expect(verified.status).toBe(200);
      const again = await call(api.app, 'POST', '/api/auth/verify-email', { json: { token } });
      expect(again.status).toBe(400);
      expect(again.json.error.code).toBe('invalid_token');
      const after = await login('ny@example.dk');
      expect(after.json.user.emailVerified).toBe(true);
    });

    it('answers the same for a registered email, and tells the owner by email instead', async () => {
      const first = await register('dobbelt@example.dk');
      const before = await userCount();
      const second = await register('Dobbelt@Example.dk', 'et-andet-kodeord-99');
      expect(second.status).toBe(first.status);
      expect(second.json).toEqual(first.json);
      expect(await userCount()).toBe(before);
      expect(await tokenFromOutbox(api.db, 'dobbelt@example.dk', 'already-registered')).toBeDefined();
      // The password of the existing account is untouched.
      expect((await login('dobbelt@example.dk')).status).toBe(200);
    });

    it.each([
      ['missing fields', {}, ['email', 'password', 'displayName']],
      [
        'wrong types',
        { email: 42, password: ['x'], displayName: null },
        ['email', 'password', 'displayName'],
      ],
      [
        'an overlong email',
        { email: `${'a'.repeat(250)}@example.dk`, password, displayName: 'A' },
        ['email'],
      ],
      [
        'an overlong password',
        { email: 'lang@example.dk', password: 'x'.repeat(129), displayName: 'A' },
        ['password'],
      ],
      ['a short password', { email: 'kort@example.dk', password: 'kort', displayName: 'A' }, ['password']],
      [
        'a look-alike letter in the email',
        { email: 'аdmin@brobygger.test', password, displayName: 'A' },
        ['email'],
      ],
      [
        'a common password',
        { email: 'common@example.dk', password: 'password123', displayName: 'A' },
        ['password'],
      ],
      ['an extra field', { email: 'extra@example.dk', password, displayName: 'A', role: 'admin' }, ['_']],
    ])('refuses %s with 422, naming the fields, and creates nothing', async (_label, json, fields) => {
      const before = await userCount();
      const res = await call(api.app, 'POST', '/api/auth/register', { json, ip: freshIp() });
      expect(res.status).toBe(422);
      expect(res.json.error.code).toBe('validation_failed');
      for (const field of fields) expect(Object.keys(res.json.error.fields), field).toContain(field);
      expect(await userCount()).toBe(before);
    });

    it('refuses a form body with 415 and malformed JSON with 400', async () => {
      const form = await call(api.app, 'POST', '/api/auth/register', {
        body: 'email=a%40b.dk&password=xxxxxxxxxx&displayName=A',
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(form.status).toBe(415);
      const malformed = await call(api.app, 'POST', '/api/auth/register', {
        body: '{"email":',
        contentType: 'application/json',
      });
      expect(malformed.status).toBe(400);
    });
  });

  describe('login and sessions', () => {
    beforeAll(async () => {
      await register('login@example.dk');
    });

    it('sets an HttpOnly, SameSite=Lax session cookie and answers the token', async () => {
      const res = await login('login@example.dk');
      expect(res.status).toBe(200);
      const setCookie = res.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^brobygger_session=[a-z2-7]+\.[a-z2-7]+;/);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Lax');
      expect(setCookie).toContain('Path=/');
      expect(setCookie).not.toContain('Secure');
      expect(res.json.token).toMatch(/^[a-z2-7]+\.[a-z2-7]{32}$/);
      const byCookie = await call(api.app, 'GET', '/api/me', { cookie: sessionCookieFrom(res.headers) });
      expect(byCookie.json.user.email).toBe('login@example.dk');
      const byBearer = await call(api.app, 'GET', '/api/me', { token: res.json.token });
      expect(byBearer.json.user.email).toBe('login@example.dk');
    });

    it('gives the same answer for a wrong password and an unknown email', async () => {
      const wrong = await login('login@example.dk', 'forkert-kodeord-1');
      const unknown = await login('findes-ikke@example.dk', 'forkert-kodeord-1');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.json).toEqual(unknown.json);
      expect(wrong.headers.get('set-cookie')).toBeNull();
    });

    it('starts a new session at every login and keeps two apart', async () => {
      const a = await login('login@example.dk');
      const b = await login('login@example.dk');
      expect(a.json.token).not.toBe(b.json.token);
      const sessions = await call(api.app, 'GET', '/api/me/sessions', { token: a.json.token });
      const ids = sessions.json.sessions.map((s: { id: string }) => s.id);
      const bId = b.json.token.split('.')[0];
      expect(ids).toContain(bId);
      expect(sessions.json.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
      const ended = await call(api.app, 'DELETE', `/api/me/sessions/${bId}`, { token: a.json.token });
      expect(ended.status).toBe(204);
      expect((await call(api.app, 'GET', '/api/me', { token: b.json.token })).status).toBe(401);
      expect((await call(api.app, 'GET', '/api/me', { token: a.json.token })).status).toBe(200);
    });

    it('does not let a user end someone else’s session', async () => {
      await register('anden@example.dk');
      const mine = await login('login@example.dk');
      const theirs = await login('anden@example.dk');
      const theirId = theirs.json.token.split('.')[0];
      const res = await call(api.app, 'DELETE', `/api/me/sessions/${theirId}`, { token: mine.json.token });
      expect(res.status).toBe(404);
      expect((await call(api.app, 'GET', '/api/me', { token: theirs.json.token })).status).toBe(200);
      const bad = await call(api.app, 'DELETE', '/api/me/sessions/IKKE-ET-ID', { token: mine.json.token });
      expect(bad.status).toBe(400);
    });

    it('ends the session at logout, so a stolen cookie is worthless afterwards', async () => {
      const res = await login('login@example.dk');
      const cookie = sessionCookieFrom(res.headers);
      const out = await call(api.app, 'POST', '/api/auth/logout', { cookie });
      expect(out.status).toBe(204);
      expect(out.headers.get('set-cookie')).toMatch(/brobygger_session=;.*Max-Age=0/);
      const replay = await call(api.app, 'GET', '/api/me', { cookie });
      expect(replay.status).toBe(401);
      expect(replay.json.error.code).toBe('unauthorized');
    });

    it('refuses tampered and malformed tokens', async () => {
      const res = await login('login@example.dk');
      const token: string = res.json.token;
      const tampered = `${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`;
      for (const bad of [tampered, 'x', `${token}x`, token.split('.')[0] ?? '', 'a'.repeat(500)]) {
        expect((await call(api.app, 'GET', '/api/me', { token: bad })).status, bad).toBe(401);
      }
    });
  });

  describe('passwords', () => {
    it('a change ends the other sessions but keeps this one', async () => {
      await register('skift@example.dk');
      const here = await login('skift@example.dk');
      const elsewhere = await login('skift@example.dk');
      const res = await call(api.app, 'POST', '/api/auth/password', {
        token: here.json.token,
        json: { currentPassword: password, newPassword: 'helt-nyt-kodeord-7' },
      });
      expect(res.status).toBe(200);
      expect((await call(api.app, 'GET', '/api/me', { token: elsewhere.json.token })).status).toBe(401);
      expect((await call(api.app, 'GET', '/api/me', { token: here.json.token })).status).toBe(200);
      expect((await login('skift@example.dk')).status).toBe(401);
      expect((await login('skift@example.dk', 'helt-nyt-kodeord-7')).status).toBe(200);
      expect(await tokenFromOutbox(api.db, 'skift@example.dk', 'password-changed')).toBeUndefined();
      const mail = await api.db
        .selectFrom('email_outbox')
        .select('kind')
        .where('to_address', '=', 'skift@example.dk')
        .where('kind', '=', 'password-changed')
        .execute();
      expect(mail).toHaveLength(1);
    });

    it('a change needs the current password', async () => {
      await register('skift2@example.dk');
      const here = await login('skift2@example.dk');
      const res = await call(api.app, 'POST', '/api/auth/password', {
        token: here.json.token,
        json: { currentPassword: 'forkert-forkert', newPassword: 'helt-nyt-kodeord-7' },
      });
      expect(res.status).toBe(422);
      expect(res.json.error.fields.currentPassword).toBeDefined();
      expect((await login('skift2@example.dk')).status).toBe(200);
    });

    it('a reset link works once, ends every session and answers the same for unknown emails', async () => {
      await register('glemt@example.dk');
      const session = await login('glemt@example.dk');
      const known = await call(api.app, 'POST', '/api/auth/password-reset', {
        json: { email: 'glemt@example.dk' },
        ip: freshIp(),
      });
      const unknown = await call(api.app, 'POST', '/api/auth/password-reset', {
        json: { email: 'ukendt@example.dk' },
        ip: freshIp(),
      });
      expect(known.status).toBe(202);
      expect(unknown.json).toEqual(known.json);
      const token = await tokenFromOutbox(api.db, 'glemt@example.dk', 'reset-password');
      const reset = await call(api.app, 'POST', '/api/auth/password-reset/confirm', {
        json: { token, password: 'nulstillet-kodeord-3' },
      });
      expect(reset.status).toBe(200);
      expect((await call(api.app, 'GET', '/api/me', { token: session.json.token })).status).toBe(401);
      expect((await login('glemt@example.dk', 'nulstillet-kodeord-3')).status).toBe(200);
      const replay = await call(api.app, 'POST', '/api/auth/password-reset/confirm', {
        json: { token, password: 'igen-et-kodeord-4' },
      });
      expect(replay.status).toBe(400);
      expect((await login('glemt@example.dk', 'igen-et-kodeord-4')).status).toBe(401);
    });
  });

  describe('cross-site requests', () => {
    let cookie: string | undefined;
    let token: string;
    beforeAll(async () => {
      await register('csrf@example.dk');
      const res = await login('csrf@example.dk');
      cookie = sessionCookieFrom(res.headers);
      token = res.json.token;
    });

    it('refuses a cookie-authenticated JSON POST from another origin, or with no origin', async () => {
      for (const origin of ['https://evil.example', null]) {
        const res = await call(api.app, 'POST', '/api/auth/logout', { cookie, origin, json: {} });
        expect(res.status, String(origin)).toBe(403);
        expect(res.json.error.code).toBe('forbidden');
      }
      expect((await call(api.app, 'GET', '/api/me', { cookie })).status).toBe(200);
    });

    it('refuses a form POST from another origin even without a cookie', async () => {
      const res = await call(api.app, 'POST', '/api/auth/login', {
        origin: 'https://evil.example',
        body: 'email=csrf%40example.dk&password=x',
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(res.status).toBe(403);
    });

    it('refuses a cross-site attempt to delete the account', async () => {
      const res = await call(api.app, 'DELETE', '/api/me', {
        cookie,
        origin: 'https://evil.example',
        json: { password },
      });
      expect(res.status).toBe(403);
      expect((await call(api.app, 'GET', '/api/me', { token })).status).toBe(200);
    });

    it('lets API clients with a bearer token and no cookie through without an Origin', async () => {
      const res = await call(api.app, 'POST', '/api/auth/totp/setup', { token, origin: null });
      expect(res.status).toBe(200);
    });
  });

  describe('throttling', () => {
    it('answers 429 with Retry-After after five failures on one account, even with the right password', async () => {
      await register('throttle@example.dk');
      let last: Awaited<ReturnType<typeof login>> | undefined;
      for (let i = 0; i < 5; i++) last = await login('throttle@example.dk', 'forkert-forkert', {}, freshIp());
      expect(last?.status).toBe(401);
      const blocked = await login('throttle@example.dk', password, {}, freshIp());
      expect(blocked.status).toBe(429);
      expect(blocked.json.error.code).toBe('too_many_requests');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
      // Another account is not affected.
      await register('throttle2@example.dk');
      expect((await login('throttle2@example.dk')).status).toBe(200);
    });

    it('holds up one IP address that tries many accounts, not others', async () => {
      const ip = '192.0.2.77';
      for (let i = 0; i < 20; i++) await login(`spray${i}@example.dk`, 'forkert-forkert', {}, ip);
      await register('uskyldig@example.dk');
      expect((await login('uskyldig@example.dk', password, {}, ip)).status).toBe(429);
      expect((await login('uskyldig@example.dk', password, {}, '192.0.2.78')).status).toBe(200);
    });
  });

  describe('two-factor authentication', () => {
    it('asks for a code once on, accepts each code once, and takes recovery codes once', async () => {
      await register('totp@example.dk');
      const session = await login('totp@example.dk');
      const setup = await call(api.app, 'POST', '/api/auth/totp/setup', { token: session.json.token });
      expect(setup.json.uri).toMatch(/^otpauth:\/\/totp\//);
      const key = totpKeyFromSecret(setup.json.secret);
      const wrong = await call(api.app, 'POST', '/api/auth/totp/enable', {
        token: session.json.token,
        json: { code: '12345' },
      });
      expect(wrong.status).toBe(422);
      const enabled = await call(api.app, 'POST', '/api/auth/totp/enable', {
        token: session.json.token,
        json: { code: currentTotp(key) },
      });
      expect(enabled.status).toBe(200);
      expect(enabled.json.recoveryCodes).toHaveLength(10);

      const noCode = await login('totp@example.dk');
      expect(noCode.status).toBe(401);
      expect(noCode.json.error.code).toBe('totp_required');
      const nextStepCode = currentTotp(key, Date.now() + 30_000);
      expect((await login('totp@example.dk', password, { totpCode: nextStepCode })).status).toBe(200);
      expect((await login('totp@example.dk', password, { totpCode: nextStepCode })).status).toBe(401);

      const recovery = enabled.json.recoveryCodes[0];
      expect((await login('totp@example.dk', password, { recoveryCode: recovery })).status).toBe(200);
      expect((await login('totp@example.dk', password, { recoveryCode: recovery })).status).toBe(401);
    });
  });
});
