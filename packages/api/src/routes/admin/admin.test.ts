import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApi } from '../../test-support.ts';

describe.each(testDatabaseKinds())('administration and your own data on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let adminToken: string;
  const tokenFor = async (email: string) => {
    const user = await findUserByEmail(api.db, email);
    if (!user) throw new Error(`no demo user ${email}`);
    return { token: (await createSession(api.db, user.id)).token, id: user.id };
  };

  beforeAll(async () => {
    api = await createTestApi(kind);
    await seedDemoAccounts(api.db);
    adminToken = (await tokenFor('admin@brobygger.test')).token;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('lists and searches users', async () => {
    const all = await call(api.app, 'GET', '/api/admin/users', { token: adminToken });
    expect(all.status).toBe(200);
    expect(all.json.total).toBe(7);
    const found = await call(api.app, 'GET', '/api/admin/users?q=tovholder', { token: adminToken });
    expect(found.json.users.map((u: { email: string }) => u.email)).toEqual(['tovholder@brobygger.test']);
    expect(
      found.json.users[0].roles
        .map((r: { focusArea: string }) => r.focusArea)
        .filter(Boolean)
        .sort(),
    ).toEqual(['kvinder', 'viden-og-videndeling']);
    const wildcard = await call(api.app, 'GET', '/api/admin/users?q=%25', { token: adminToken });
    expect(wildcard.json.total).toBe(0);
    const bad = await call(api.app, 'GET', `/api/admin/users?page=nul&q=${'x'.repeat(101)}`, {
      token: adminToken,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['page', 'q']);
  });

  it('grants and revokes roles, with clear errors for bad grants', async () => {
    const { id } = await tokenFor('frivillig@brobygger.test');
    const path = `/api/admin/users/${id}/roles`;
    const granted = await call(api.app, 'POST', path, {
      token: adminToken,
      json: { role: 'lead_owner', focusArea: 'unge-maend' },
    });
    expect(granted.status).toBe(201);
    expect(granted.json.role).toMatchObject({
      role: 'lead_owner',
      focusArea: 'unge-maend',
      focusAreaName: 'Unge mænd',
    });
    const twice = await call(api.app, 'POST', path, {
      token: adminToken,
      json: { role: 'lead_owner', focusArea: 'unge-maend' },
    });
    expect(twice.status).toBe(409);
    const unknownArea = await call(api.app, 'POST', path, {
      token: adminToken,
      json: { role: 'lead_owner', focusArea: 'findes-ikke' },
    });
    expect(unknownArea.status).toBe(422);
    expect(unknownArea.json.error.fields.focusArea).toBeDefined();
    const unknownAssociation = await call(api.app, 'POST', path, {
      token: adminToken,
      json: { role: 'association_member', associationId: 999_999 },
    });
    expect(unknownAssociation.status).toBe(422);
    const unknownRole = await call(api.app, 'POST', path, { token: adminToken, json: { role: 'superuser' } });
    expect(unknownRole.status).toBe(422);
    const wrongType = await call(api.app, 'POST', path, { token: adminToken, json: { role: 7 } });
    expect(wrongType.status).toBe(422);
    const unknownUser = await call(
      api.app,
      'POST',
      '/api/admin/users/00000000-0000-4000-8000-000000000000/roles',
      {
        token: adminToken,
        json: { role: 'staff' },
      },
    );
    expect(unknownUser.status).toBe(404);
    const badId = await call(api.app, 'POST', '/api/admin/users/ikke-et-id/roles', {
      token: adminToken,
      json: { role: 'staff' },
    });
    expect(badId.status).toBe(400);

    const revoked = await call(api.app, 'DELETE', `${path}/${granted.json.role.id}`, { token: adminToken });
    expect(revoked.status).toBe(204);
    const again = await call(api.app, 'DELETE', `${path}/${granted.json.role.id}`, { token: adminToken });
    expect(again.status).toBe(404);
  });

  it('disables an account, which ends its sessions and stops logins', async () => {
    const staff = await tokenFor('medarbejder@brobygger.test');
    const res = await call(api.app, 'POST', `/api/admin/users/${staff.id}/disable`, { token: adminToken });
    expect(res.status).toBe(200);
    expect(res.json.user.disabled).toBe(true);
    expect((await call(api.app, 'GET', '/api/me', { token: staff.token })).status).toBe(401);
    const loginAttempt = await call(api.app, 'POST', '/api/auth/login', {
      json: { email: 'medarbejder@brobygger.test', password: 'brobygger-demo' },
    });
    expect(loginAttempt.status).toBe(401);
    const self = await call(
      api.app,
      'POST',
      `/api/admin/users/${(await tokenFor('admin@brobygger.test')).id}/disable`,
      {
        token: adminToken,
      },
    );
    expect(self.status).toBe(403);
    await call(api.app, 'POST', `/api/admin/users/${staff.id}/enable`, { token: adminToken });
    const back = await call(api.app, 'POST', '/api/auth/login', {
      json: { email: 'medarbejder@brobygger.test', password: 'brobygger-demo' },
    });
    expect(back.status).toBe(200);
  });

  it('records logins, failed logins, role changes and disabling in the audit log', async () => {
    await call(api.app, 'POST', '/api/auth/login', {
      json: { email: 'styregruppe@brobygger.test', password: 'forkert-kode' },
      ip: '203.0.113.5',
    });
    const res = await call(api.app, 'GET', '/api/admin/audit-log?limit=500', { token: adminToken });
    expect(res.status).toBe(200);
    const actions = new Set(res.json.events.map((e: { action: string }) => e.action));
    for (const action of [
      'login',
      'login.failed',
      'role.granted',
      'role.revoked',
      'account.disabled',
      'account.enabled',
    ]) {
      expect(actions, action).toContain(action);
    }
    const failed = res.json.events.find(
      (e: { action: string; ip: string }) => e.action === 'login.failed' && e.ip === '203.0.113.5',
    );
    expect(failed).toMatchObject({ actorId: null, targetType: 'user' });
    expect(JSON.stringify(res.json)).not.toContain('forkert-kode');
    const filtered = await call(api.app, 'GET', '/api/admin/audit-log?action=login.failed', {
      token: adminToken,
    });
    expect(filtered.json.events.every((e: { action: string }) => e.action === 'login.failed')).toBe(true);
    expect((await call(api.app, 'GET', '/api/admin/audit-log?limit=0', { token: adminToken })).status).toBe(
      400,
    );
  });

  it('shows the development mailbox to admins', async () => {
    await call(api.app, 'POST', '/api/auth/password-reset', { json: { email: 'frivillig@brobygger.test' } });
    const res = await call(api.app, 'GET', '/api/admin/dev-mailbox', { token: adminToken });
    expect(res.status).toBe(200);
    expect(res.json.emails[0]).toMatchObject({ to: 'frivillig@brobygger.test', kind: 'reset-password' });
  });

  describe('your own data', () => {
    it('exports everything held about you, without secrets', async () => {
      const { token, id } = await tokenFor('forening@brobygger.test');
      const res = await call(api.app, 'GET', '/api/me/export', { token });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('attachment');
      expect(res.json.account).toMatchObject({ id, email: 'forening@brobygger.test' });
      expect(res.json.roles.map((r: { role: string }) => r.role).sort()).toEqual([
        'association_admin',
        'volunteer',
      ]);
      expect(res.json.sessions.length).toBeGreaterThan(0);
      expect(res.text).not.toMatch(/argon2|password_hash|secret_hash/);
    });

    it('deletes the account only with the password, and keeps no personal data', async () => {
      const register = await call(api.app, 'POST', '/api/auth/register', {
        json: { email: 'slet.mig@example.dk', password: 'slet-mig-kodeord-1', displayName: 'Slet Mig' },
      });
      expect(register.status).toBe(202);
      const login = await call(api.app, 'POST', '/api/auth/login', {
        json: { email: 'slet.mig@example.dk', password: 'slet-mig-kodeord-1' },
        ip: '203.0.113.44',
      });
      const token = login.json.token;
      const userId = login.json.user.id;
      const wrong = await call(api.app, 'DELETE', '/api/me', { token, json: { password: 'forkert' } });
      expect(wrong.status).toBe(422);
      expect((await call(api.app, 'GET', '/api/me', { token })).status).toBe(200);
      const missing = await call(api.app, 'DELETE', '/api/me', { token, json: {} });
      expect(missing.status).toBe(422);

      const deleted = await call(api.app, 'DELETE', '/api/me', {
        token,
        json: { password: 'slet-mig-kodeord-1' },
      });
      expect(deleted.status).toBe(204);
      expect((await call(api.app, 'GET', '/api/me', { token })).status).toBe(401);
      expect(await findUserByEmail(api.db, 'slet.mig@example.dk')).toBeUndefined();
      const mail = await api.db
        .selectFrom('email_outbox')
        .select('id')
        .where('to_address', '=', 'slet.mig@example.dk')
        .execute();
      expect(mail).toEqual([]);
      const audit = await api.db
        .selectFrom('audit_log')
        .selectAll()
        .where('target_id', '=', userId)
        .execute();
      expect(audit.some((e) => e.action === 'account.deleted')).toBe(true);
      expect(JSON.stringify(audit)).not.toContain('slet.mig@example.dk');
      expect(audit.filter((e) => e.action !== 'account.deleted').every((e) => e.ip === null)).toBe(true);
    });
  });
});

describe('in production', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi('pglite', { production: true, devMailbox: false });
    await seedDemoAccounts(api.db);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('uses a __Host- cookie marked Secure', async () => {
    const res = await call(api.app, 'POST', '/api/auth/login', {
      json: { email: 'frivillig@brobygger.test', password: 'brobygger-demo' },
    });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^__Host-brobygger_session=/);
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('HttpOnly');
  });

  it('keeps admins out of administration until two-factor authentication is on', async () => {
    const res = await call(api.app, 'POST', '/api/auth/login', {
      json: { email: 'admin@brobygger.test', password: 'brobygger-demo' },
    });
    const users = await call(api.app, 'GET', '/api/admin/users', { token: res.json.token });
    expect(users.status).toBe(403);
    expect(users.json.error.code).toBe('two_factor_required');
  });

  it('has no development mailbox', async () => {
    const user = await findUserByEmail(api.db, 'admin@brobygger.test');
    await api.db
      .updateTable('users')
      .set({ totp_enabled_at: new Date() })
      .where('id', '=', user?.id ?? '')
      .execute();
    const { token } = await createSession(api.db, user?.id ?? '');
    const res = await call(api.app, 'GET', '/api/admin/dev-mailbox', { token });
    expect(res.status).toBe(404);
  });
});
