import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { enqueueJob, findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { JobRunner } from '@brobygger/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApi } from '../../test-support.ts';

describe.each(testDatabaseKinds())('the job runner for admins on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let adminToken: string;
  let volunteerToken: string;
  let deadId: number;
  let failing = true;
  let runs = 0;

  const tokenFor = async (email: string) => {
    const user = await findUserByEmail(api.db, email);
    if (!user) throw new Error(`no demo user ${email}`);
    return (await createSession(api.db, user.id)).token;
  };

  beforeAll(async () => {
    api = await createTestApi(kind);
    await seedDemoAccounts(api.db);
    adminToken = await tokenFor('admin@brobygger.test');
    volunteerToken = await tokenFor('frivillig@brobygger.test');
    // A job that fails once and is dead at once (one attempt), and one that waits for tomorrow.
    deadId = (await enqueueJob(api.db, { type: 'test.fragile', payload: { n: 1 } })) ?? 0;
    await enqueueJob(api.db, { type: 'test.later', runAt: new Date(Date.now() + 86_400_000) });
  });
  afterAll(async () => {
    await api?.close();
  });

  const runner = () =>
    new JobRunner({
      db: api.db,
      now: () => new Date(Date.now() + 1000),
      jobs: [
        {
          type: 'test.fragile',
          maxAttempts: 1,
          async handler() {
            runs++;
            if (failing) throw new Error('the index server said 503');
          },
        },
      ],
    });

  it('lists jobs by state with counts, and a dead job with its attempts and last error', async () => {
    expect(await runner().drain()).toBe(1);
    const all = await call(api.app, 'GET', '/api/admin/jobs', { token: adminToken });
    expect(all.status).toBe(200);
    expect(all.json.counts).toMatchObject({ dead: 1, pending: 1 });
    const dead = await call(api.app, 'GET', '/api/admin/jobs?state=dead', { token: adminToken });
    expect(dead.json.jobs).toEqual([
      expect.objectContaining({
        id: deadId,
        type: 'test.fragile',
        state: 'dead',
        attempts: 1,
        lastError: 'Error: the index server said 503',
        finishedAt: expect.any(String),
      }),
    ]);
    const one = await call(api.app, 'GET', `/api/admin/jobs/${deadId}`, { token: adminToken });
    expect(one.json.job.state).toBe('dead');
  });

  it('lets an admin retry a dead job, which then runs again; records it in the audit log', async () => {
    failing = false;
    const retried = await call(api.app, 'POST', `/api/admin/jobs/${deadId}/retry`, { token: adminToken });
    expect(retried.status).toBe(200);
    expect(retried.json.job).toMatchObject({ state: 'pending', attempts: 0 });
    const again = await call(api.app, 'POST', `/api/admin/jobs/${deadId}/retry`, { token: adminToken });
    expect(again.status).toBe(409);
    expect(await runner().drain()).toBe(1);
    expect(runs).toBe(2);
    const done = await call(api.app, 'GET', `/api/admin/jobs/${deadId}`, { token: adminToken });
    expect(done.json.job).toMatchObject({ state: 'done', attempts: 1 });
    const audit = await call(api.app, 'GET', '/api/admin/audit-log?action=job.retried', {
      token: adminToken,
    });
    expect(audit.json.events[0]).toMatchObject({ targetType: 'job', targetId: String(deadId) });
  });

  it('answers bad input with 4xx and changes nothing', async () => {
    const unknown = await call(api.app, 'POST', '/api/admin/jobs/987654321/retry', { token: adminToken });
    expect(unknown.status).toBe(404);
    expect((await call(api.app, 'GET', '/api/admin/jobs/987654321', { token: adminToken })).status).toBe(404);
    for (const path of [
      '/api/admin/jobs/abc',
      '/api/admin/jobs/-1',
      '/api/admin/jobs/1.5',
      '/api/admin/jobs/1e30',
    ]) {
      const res = await call(api.app, 'GET', path, { token: adminToken });
      expect(res.status, path).toBe(400);
      expect(res.json.error.fields.id).toBeDefined();
    }
    const badRetry = await call(api.app, 'POST', '/api/admin/jobs/abc/retry', { token: adminToken });
    expect(badRetry.status).toBe(400);
    const badQuery = await call(api.app, 'GET', '/api/admin/jobs?state=lost&limit=0', { token: adminToken });
    expect(badQuery.status).toBe(400);
    expect(Object.keys(badQuery.json.error.fields).sort()).toEqual(['limit', 'state']);
  });

  it('keeps jobs from anyone but admins, and refuses a retry from a foreign origin', async () => {
    expect((await call(api.app, 'GET', '/api/admin/jobs')).status).toBe(401);
    const volunteer = await call(api.app, 'GET', '/api/admin/jobs', { token: volunteerToken });
    expect(volunteer.status).toBe(403);
    const volunteerRetry = await call(api.app, 'POST', `/api/admin/jobs/${deadId}/retry`, {
      token: volunteerToken,
    });
    expect(volunteerRetry.status).toBe(403);
    const session = await tokenFor('admin@brobygger.test');
    const crossSite = await call(api.app, 'POST', `/api/admin/jobs/${deadId}/retry`, {
      cookie: `brobygger_session=${session}`,
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
  });
});

describe('the job list for admins in production', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi('pglite', { production: true, devMailbox: false });
    await seedDemoAccounts(api.db);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('asks an admin for two-factor authentication first', async () => {
    const admin = await findUserByEmail(api.db, 'admin@brobygger.test');
    const { token } = await createSession(api.db, admin?.id ?? '');
    const res = await call(api.app, 'GET', '/api/admin/jobs', { token });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('two_factor_required');
  });
});
