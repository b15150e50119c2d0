import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApi } from '../../test-support.ts';
import { seedStatusDemo } from './demo.ts';

describe.each(testDatabaseKinds())('the status-report demo on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  const now = new Date('2026-11-26T12:00:00Z');
  beforeAll(async () => {
    api = await createTestApi(kind);
    api.deps.now = () => now;
    await seedDemoAccounts(api.db);
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  it('gives the steering group a realistic overview at once, and seeds only once', async () => {
    expect(await seedStatusDemo(api.db, now)).toBe(7);
    expect(await seedStatusDemo(api.db, now)).toBe(0);
    const user = await findUserByEmail(api.db, 'styregruppe@brobygger.test');
    const token = (await createSession(api.db, user?.id as string)).token;
    const res = await call(api.app, 'GET', '/api/steering/overview', { token });
    expect(res.status).toBe(200);
    const cells = Object.fromEntries(
      res.json.overview.areas.map((area: { slug: string; previous: { state: string; overdue: boolean } }) => [
        area.slug,
        `${area.previous.state}${area.previous.overdue ? ' (overdue)' : ''}`,
      ]),
    );
    expect(cells).toEqual({
      'viden-og-videndeling': 'acknowledged',
      'sundhed-og-trivsel': 'submitted',
      'integrationsforstaaelse-og-kulturforskelle': 'missing (overdue)',
      kvinder: 'acknowledged',
      'unge-maend': 'draft (overdue)',
      'familier-med-komplekse-problemstillinger': 'missing (overdue)',
    });
    const pub = await call(api.app, 'GET', '/api/focus-areas/kvinder/status');
    expect(pub.json.status.latest).toMatchObject({ period: '2026-09', overallStatus: 'on_track' });
    expect(pub.json.status.indicators[0].history).toEqual([
      { period: '2026-03', value: 51 },
      { period: '2026-09', value: 63 },
    ]);
  });
});
