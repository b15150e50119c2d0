import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApi } from '../../test-support.ts';

const description = {
  purpose: 'Flere kvinder i job og uddannelse.',
  goals: [
    {
      key: 'job',
      title: 'Flere kvinder i beskæftigelse',
      indicators: [
        {
          key: 'i-job',
          name: 'Kvinder i job',
          unit: 'count',
          baseline: 10,
          baselineDate: '2026-01-01',
          target: 40,
          targetDate: '2027-12-31',
        },
        {
          key: 'andel',
          name: 'Andel i forløb',
          unit: 'percent',
          baseline: 12.5,
          baselineDate: '2026-01-01',
          target: 50,
          targetDate: '2027-12-31',
        },
      ],
    },
  ],
  partners: [{ name: 'Sundhedstjenesten', part: 'Sundhedssamtaler' }],
};

/** Splits Danish-Excel CSV: BOM, semicolons, quoted fields with doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe.each(testDatabaseKinds())('status reports on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ token: tokens[who] as string });
  const count = async (table: 'status_reports' | 'focus_area_descriptions' | 'initiatives') =>
    Number(
      (
        await api.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    api = await createTestApi(kind);
    // 26 November 2026: March 2027 is open, September 2026 takes a late report.
    api.deps.now = () => new Date('2026-11-26T12:00:00Z');
    await seedDemoAccounts(api.db);
    for (const [who, email] of Object.entries({
      lead: 'tovholder@brobygger.test',
      otherLead: 'sundhed@brobygger.test',
      steering: 'styregruppe@brobygger.test',
      staff: 'medarbejder@brobygger.test',
      admin: 'admin@brobygger.test',
      volunteer: 'frivillig@brobygger.test',
    })) {
      const user = await findUserByEmail(api.db, email);
      if (!user) throw new Error(email);
      tokens[who] = (await createSession(api.db, user.id)).token;
    }
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  it('saves the description as revisions with history; only the area’s own lead owner may', async () => {
    const path = '/api/focus-areas/kvinder/description';
    const first = await call(api.app, 'PUT', path, { ...as('lead'), json: description });
    expect(first.status, first.text).toBe(200);
    expect(first.json.revision).toBe(1);
    const second = await call(api.app, 'PUT', path, {
      ...as('lead'),
      json: { ...description, purpose: 'Flere kvinder i job, uddannelse og foreningsliv.' },
    });
    expect(second.json.revision).toBe(2);
    const history = await call(api.app, 'GET', path, as('steering'));
    expect(history.status).toBe(200);
    expect(history.json.revisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    expect(history.json.revisions[0].authorName).toBe('Tove Tovholder (Integrationsteamet)');

    const before = await count('focus_area_descriptions');
    // A lead owner of ANOTHER area, the steering group, an admin, staff and volunteers may not edit.
    for (const who of ['otherLead', 'steering', 'admin', 'staff', 'volunteer']) {
      const res = await call(api.app, 'PUT', path, { ...as(who), json: description });
      expect(res.status, who).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
    }
    expect((await call(api.app, 'PUT', path, { json: description })).status).toBe(401);
    expect((await call(api.app, 'GET', path, as('staff'))).status).toBe(403);
    expect((await call(api.app, 'GET', path, as('otherLead'))).status).toBe(403);
    expect(await count('focus_area_descriptions')).toBe(before);
  });

  it('answers bad descriptions with 4xx and field messages, changing nothing', async () => {
    const before = await count('focus_area_descriptions');
    const path = '/api/focus-areas/kvinder/description';
    const cases: [unknown, string][] = [
      [{}, 'purpose'],
      [{ purpose: 7 }, 'purpose'],
      [{ purpose: 'x'.repeat(5001) }, 'purpose'],
      [{ purpose: 'ok', goals: 'mange' }, 'goals'],
      [
        {
          purpose: 'ok',
          goals: [
            {
              key: 'g',
              title: 'Mål',
              indicators: [{ ...description.goals[0]?.indicators[0], baseline: 2.5 }],
            },
          ],
        },
        'goals.0.indicators.0.baseline',
      ],
    ];
    for (const [json, field] of cases) {
      const res = await call(api.app, 'PUT', path, { ...as('lead'), json });
      expect(res.status, JSON.stringify(json).slice(0, 80)).toBe(422);
      expect(Object.keys(res.json.error.fields)).toContain(field);
    }
    const unknown = await call(api.app, 'PUT', '/api/focus-areas/findes-ikke/description', {
      ...as('lead'),
      json: description,
    });
    expect(unknown.status).toBe(404);
    const badSlug = await call(api.app, 'PUT', '/api/focus-areas/KVINDER!/description', {
      ...as('lead'),
      json: description,
    });
    expect(badSlug.status).toBe(400);
    const foreign = await call(api.app, 'PUT', path, {
      ...as('lead'),
      json: description,
      origin: 'https://evil.example',
      cookie: 'brobygger_session=x',
    });
    expect(foreign.status).toBe(403);
    const notJson = await call(api.app, 'PUT', path, {
      ...as('lead'),
      body: 'purpose=x',
      contentType: 'text/plain',
    });
    expect(notJson.status).toBe(415);
    expect(await count('focus_area_descriptions')).toBe(before);
  });

  it('adds, edits and closes initiatives; the seeded ones are there; another area’s are out of reach', async () => {
    const workspace = await call(api.app, 'GET', '/api/focus-areas/kvinder/status-reports', as('lead'));
    expect(workspace.status).toBe(200);
    expect(workspace.json.workspace.initiatives.map((i: { name: string }) => i.name)).toContain(
      'Bydelsmødre',
    );
    expect(workspace.json.workspace.openPeriod.key).toBe('2027-03');
    expect(workspace.json.workspace.latePeriod).toMatchObject({ key: '2026-09', closed: false });
    const added = await call(api.app, 'POST', '/api/focus-areas/kvinder/initiatives', {
      ...as('lead'),
      json: {
        name: 'Cykelkursus for kvinder',
        status: 'planned',
        responsibleUnit: 'Integrationsteamet',
        partners: ['Dansk Cyklist Forbund'],
        startsOn: '2027-04-01',
        endsOn: '2027-06-30',
        links: [{ title: 'Tilmelding', url: '/arrangementer' }],
      },
    });
    expect(added.status, added.text).toBe(201);
    expect(added.json.initiative).toMatchObject({ slug: 'cykelkursus-for-kvinder', status: 'planned' });
    const id = added.json.initiative.id;
    const closed = await call(api.app, 'PUT', `/api/focus-areas/kvinder/initiatives/${id}`, {
      ...as('lead'),
      json: {
        name: 'Cykelkursus for kvinder',
        status: 'completed',
        startsOn: '2027-04-01',
        endsOn: '2027-06-30',
      },
    });
    expect(closed.status).toBe(200);
    expect(closed.json.initiative.status).toBe('completed');
    const before = await count('initiatives');
    // Through an area it does not belong to, even one the lead owner owns: not found.
    const wrongArea = await call(api.app, 'PUT', `/api/focus-areas/viden-og-videndeling/initiatives/${id}`, {
      ...as('lead'),
      json: { name: 'X', status: 'active' },
    });
    expect(wrongArea.status).toBe(404);
    const otherLead = await call(api.app, 'PUT', `/api/focus-areas/kvinder/initiatives/${id}`, {
      ...as('otherLead'),
      json: { name: 'Overtaget', status: 'stopped' },
    });
    expect(otherLead.status).toBe(403);
    for (const json of [
      { status: 'active' },
      { name: 'X', status: 'ukendt' },
      { name: 'x'.repeat(201), status: 'active' },
      { name: 'X', status: 'active', startsOn: 'i morgen' },
      { name: 'X', status: 'active', links: [{ title: 'x', url: 'javascript:alert(1)' }] },
    ]) {
      const res = await call(api.app, 'POST', '/api/focus-areas/kvinder/initiatives', {
        ...as('lead'),
        json,
      });
      expect(res.status, JSON.stringify(json)).toBe(422);
    }
    expect(
      (
        await call(api.app, 'PUT', '/api/focus-areas/kvinder/initiatives/987654', {
          ...as('lead'),
          json: { name: 'X', status: 'active' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(api.app, 'PUT', '/api/focus-areas/kvinder/initiatives/abc', {
          ...as('lead'),
          json: { name: 'X', status: 'active' },
        })
      ).status,
    ).toBe(400);
    expect(await count('initiatives')).toBe(before);
  });

  let reportId: number;
  let bydelsmoedre: number;

  it('runs a report through draft → submitted → returned → resubmitted → acknowledged', async () => {
    const workspace = await call(api.app, 'GET', '/api/focus-areas/kvinder/status-reports', as('lead'));
    bydelsmoedre = workspace.json.workspace.initiatives.find(
      (i: { name: string }) => i.name === 'Bydelsmødre',
    ).id;
    const created = await call(api.app, 'POST', '/api/focus-areas/kvinder/status-reports', {
      ...as('lead'),
      json: { period: '2027-03', indicatorValues: [{ key: 'i-job', value: 14 }] },
    });
    expect(created.status, created.text).toBe(201);
    reportId = created.json.report.id;
    expect(created.json.report.state).toBe('draft');

    // The staff may not see a draft; the steering group may.
    expect((await call(api.app, 'GET', `/api/status-reports/${reportId}`, as('staff'))).status).toBe(404);
    expect((await call(api.app, 'GET', `/api/status-reports/${reportId}`, as('steering'))).status).toBe(200);
    expect((await call(api.app, 'GET', `/api/status-reports/${reportId}`, as('otherLead'))).status).toBe(404);

    // Acknowledging a draft, submitting one without status and summary.
    const ackDraft = await call(api.app, 'POST', `/api/status-reports/${reportId}/acknowledge`, {
      ...as('steering'),
      json: {},
    });
    expect(ackDraft.status).toBe(409);
    expect(ackDraft.json.error.message).toBe('Rapporten er en kladde og er ikke indsendt endnu');
    const incomplete = await call(api.app, 'POST', `/api/status-reports/${reportId}/submit`, as('lead'));
    expect(incomplete.status).toBe(422);
    expect(Object.keys(incomplete.json.error.fields).sort()).toEqual(['overallStatus', 'summary']);

    const content = {
      overallStatus: 'at_risk',
      summary: 'Godt i gang; rekrutteringen halter.',
      initiatives: [{ initiativeId: bydelsmoedre, status: 'on_track', comment: 'Tre nye mødre' }],
      indicatorValues: [
        { key: 'i-job', value: 14 },
        { key: 'andel', value: 22.5 },
      ],
      risks: 'Få henvisninger',
      nextSteps: 'Møde med jobcentret',
      attachments: [{ title: 'Referat', url: 'https://example.dk/referat.pdf' }],
    };
    const saved = await call(api.app, 'PUT', `/api/status-reports/${reportId}`, {
      ...as('lead'),
      json: content,
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.report.revision).toBe(2);
    expect(
      (await call(api.app, 'PUT', `/api/status-reports/${reportId}`, { ...as('otherLead'), json: content }))
        .status,
    ).toBe(403);

    const submitted = await call(api.app, 'POST', `/api/status-reports/${reportId}/submit`, as('lead'));
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.json.report.state).toBe('submitted');
    const mail = await api.db
      .selectFrom('email_outbox')
      .select(['to_address', 'subject'])
      .where('kind', '=', 'status-report-submitted')
      .execute();
    expect(mail).toEqual([
      { to_address: 'styregruppe@brobygger.test', subject: 'Statusrapport indsendt: Kvinder (2027-03)' },
    ]);

    // A submitted report cannot be edited; staff read it now.
    const edit = await call(api.app, 'PUT', `/api/status-reports/${reportId}`, {
      ...as('lead'),
      json: content,
    });
    expect(edit.status).toBe(409);
    expect((await call(api.app, 'GET', `/api/status-reports/${reportId}`, as('staff'))).status).toBe(200);
    // Only reviewers acknowledge or return: not the lead owner, not staff.
    expect(
      (
        await call(api.app, 'POST', `/api/status-reports/${reportId}/acknowledge`, {
          ...as('lead'),
          json: {},
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(api.app, 'POST', `/api/status-reports/${reportId}/return`, {
          ...as('staff'),
          json: { comment: 'x' },
        })
      ).status,
    ).toBe(403);

    const noComment = await call(api.app, 'POST', `/api/status-reports/${reportId}/return`, {
      ...as('steering'),
      json: { comment: '  ' },
    });
    expect(noComment.status).toBe(422);
    expect(noComment.json.error.fields.comment).toEqual(['Skriv en kommentar']);
    const returned = await call(api.app, 'POST', `/api/status-reports/${reportId}/return`, {
      ...as('steering'),
      json: { comment: 'Hvor mange er henvist fra jobcentret?' },
    });
    expect(returned.status).toBe(200);
    expect(returned.json.report.state).toBe('returned');
    expect(returned.json.report.comments.map((comment: { body: string }) => comment.body)).toEqual([
      'Hvor mange er henvist fra jobcentret?',
    ]);
    const again = await call(api.app, 'PUT', `/api/status-reports/${reportId}`, {
      ...as('lead'),
      json: { ...content, summary: 'Godt i gang; 6 henvist fra jobcentret.' },
    });
    expect(again.status).toBe(200);
    expect(
      (await call(api.app, 'POST', `/api/status-reports/${reportId}/submit`, as('lead'))).json.report.state,
    ).toBe('submitted');
    const acknowledged = await call(api.app, 'POST', `/api/status-reports/${reportId}/acknowledge`, {
      ...as('steering'),
      json: { comment: 'Tak.' },
    });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.json.report.state).toBe('acknowledged');
    expect(acknowledged.json.report.transitions.map((t: { to: string }) => t.to)).toEqual([
      'submitted',
      'returned',
      'submitted',
      'acknowledged',
    ]);
    // Frozen.
    expect(
      (await call(api.app, 'PUT', `/api/status-reports/${reportId}`, { ...as('lead'), json: content }))
        .status,
    ).toBe(409);
    expect(
      (
        await call(api.app, 'POST', `/api/status-reports/${reportId}/return`, {
          ...as('steering'),
          json: { comment: 'x' },
        })
      ).status,
    ).toBe(409);

    const audit = await api.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', 'in', ['status_report', 'focus_area', 'initiative'])
      .execute();
    const actions = new Set(audit.map((row) => row.action));
    for (const action of [
      'focus-area.description-revised',
      'initiative.created',
      'initiative.updated',
      'status-report.created',
      'status-report.updated',
      'status-report.submitted',
      'status-report.returned',
      'status-report.acknowledged',
    ]) {
      expect(actions, action).toContain(action);
    }
  });

  it('refuses reports for periods that do not exist or are not open, a second report, wrong units', async () => {
    const before = await count('status_reports');
    const post = (json: unknown, who = 'lead', slug = 'kvinder') =>
      call(api.app, 'POST', `/api/focus-areas/${slug}/status-reports`, { ...as(who), json });
    const second = await post({ period: '2027-03' });
    expect(second.status).toBe(409);
    expect(second.json.error.message).toBe('Kvinder har allerede en statusrapport for 2027-03');
    for (const [period, message] of [
      ['2027-04', 'Perioden findes ikke (marts eller september, ÅÅÅÅ-MM)'],
      ['2026-03', 'Perioden 2026-03 er ikke åben for rapporter'],
      ['2027-09', 'Perioden 2027-09 er ikke åben for rapporter'],
    ]) {
      const res = await post({ period });
      expect(res.status, period).toBe(422);
      expect(res.json.error.fields.period).toEqual([message]);
    }
    expect((await post({ period: 'marts' })).status).toBe(422);
    expect((await post({ period: 202703 })).status).toBe(422);
    expect((await post({})).status).toBe(422);
    const wrongUnit = await post({
      period: '2026-09',
      indicatorValues: [
        { key: 'i-job', value: 3.5 },
        { key: 'andel', value: '40' },
        { key: 'findes-ikke', value: 1 },
      ],
    });
    expect(wrongUnit.status).toBe(422);
    expect(wrongUnit.json.error.fields).toEqual({
      'indicatorValues.0.value': ['Et antal er et helt tal, 0 eller derover'],
      'indicatorValues.1.value': ['Skal være et tal'],
      'indicatorValues.2.key': ['Indikatoren findes ikke i beskrivelsen'],
    });
    const foreignInitiative = await post({
      period: '2026-09',
      initiatives: [{ initiativeId: 987_654, status: 'on_track' }],
    });
    expect(foreignInitiative.json.error.fields['initiatives.0.initiativeId']).toBeDefined();
    expect((await post({ period: '2026-09', summary: 'x'.repeat(10_001) })).status).toBe(422);
    expect((await post({ period: '2027-03' }, 'otherLead')).status).toBe(403);
    expect((await post({ period: '2027-03' }, 'steering')).status).toBe(403);
    expect((await post({ period: '2027-03' }, 'lead', 'findes-ikke')).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/status-reports/987654', as('steering'))).status).toBe(404);
    expect((await call(api.app, 'POST', '/api/status-reports/987654/submit', as('lead'))).status).toBe(404);
    expect(
      (await call(api.app, 'POST', '/api/status-reports/0/acknowledge', { ...as('steering'), json: {} }))
        .status,
    ).toBe(400);
    expect(await count('status_reports')).toBe(before);
  });

  it('shows what changed since the previous period and each indicator over the periods', async () => {
    // A late report for September 2026, submitted and acknowledged, comes before March 2027.
    const late = await call(api.app, 'POST', '/api/focus-areas/kvinder/status-reports', {
      ...as('lead'),
      json: {
        period: '2026-09',
        overallStatus: 'off_track',
        summary: 'Svær start.',
        initiatives: [{ initiativeId: bydelsmoedre, status: 'at_risk' }],
        indicatorValues: [{ key: 'i-job', value: 11 }],
      },
    });
    expect(late.status, late.text).toBe(201);
    await call(api.app, 'POST', `/api/status-reports/${late.json.report.id}/submit`, as('lead'));
    const report = await call(api.app, 'GET', `/api/status-reports/${reportId}`, as('lead'));
    expect(report.json.report.previous).toMatchObject({
      period: '2026-09',
      overallStatus: 'off_track',
      initiatives: [{ initiativeId: bydelsmoedre, status: 'at_risk' }],
      indicatorValues: [{ key: 'i-job', value: 11 }],
    });
    const jobs = report.json.report.indicators.find((i: { key: string }) => i.key === 'i-job');
    expect(jobs.history).toEqual([
      { period: '2026-09', value: 11 },
      { period: '2027-03', value: 14 },
    ]);
  });

  it('keeps drafts, comments and unacknowledged reports out of the public status', async () => {
    await call(api.app, 'POST', '/api/focus-areas/viden-og-videndeling/status-reports', {
      ...as('lead'),
      json: { period: '2027-03', overallStatus: 'off_track', summary: 'HEMMELIG KLADDE' },
    });
    const status = await call(api.app, 'GET', '/api/focus-areas/kvinder/status');
    expect(status.status).toBe(200);
    expect(status.json.status.latest).toMatchObject({
      period: '2027-03',
      overallStatus: 'at_risk',
      summary: 'Godt i gang; 6 henvist fra jobcentret.',
    });
    // September 2026 is submitted, not acknowledged: not public.
    expect(status.json.status.indicators[0].history).toEqual([{ period: '2027-03', value: 14 }]);
    const text = status.text;
    expect(text).not.toContain('henvist fra jobcentret?');
    expect(text).not.toContain('Svær start');
    const viden = await call(api.app, 'GET', '/api/focus-areas/viden-og-videndeling/status');
    expect(viden.json.status.latest).toBeNull();
    expect(viden.text).not.toContain('HEMMELIG');
    expect((await call(api.app, 'GET', '/api/focus-areas/findes-ikke/status')).status).toBe(404);
  });

  it('keeps the overview until what it shows changes, in this process or another', async () => {
    const overview = async () =>
      (await call(api.app, 'GET', '/api/steering/overview', as('steering'))).json.overview;
    const viden = async () =>
      (await overview()).areas.find((area: { slug: string }) => area.slug === 'viden-og-videndeling');
    const before = await viden();
    expect(await viden()).toEqual(before);
    // Another process (or psql) makes Frida a lead owner of the area and closes September 2026:
    // this process sees it once its counter check comes round.
    const frida = await findUserByEmail(api.db, 'frivillig@brobygger.test');
    const area = await api.db
      .selectFrom('focus_areas')
      .select('id')
      .where('slug', '=', 'viden-og-videndeling')
      .executeTakeFirstOrThrow();
    await api.db
      .insertInto('user_roles')
      .values({ user_id: frida?.id as string, role: 'lead_owner', focus_area_id: area.id })
      .execute();
    await api.db
      .insertInto('reporting_period_closures')
      .values({ period_key: '2026-09', closed_by: null })
      .execute();
    const waitForCheck = () =>
      new Promise((resolve) => setTimeout(resolve, (api.deps.publicCache?.checkIntervalMs ?? 0) + 50));
    await waitForCheck();
    const after = await overview();
    expect(
      after.areas.find((area: { slug: string }) => area.slug === 'viden-og-videndeling').leadOwners,
    ).toContain('Frida Frivillig');
    expect(after.previous.closed).toBe(true);
    // Undone the same way: gone again.
    await api.db
      .deleteFrom('user_roles')
      .where('user_id', '=', frida?.id as string)
      .where('role', '=', 'lead_owner')
      .execute();
    await api.db.deleteFrom('reporting_period_closures').where('period_key', '=', '2026-09').execute();
    await waitForCheck();
    expect(await viden()).toEqual(before);
    expect((await overview()).previous.closed).toBe(false);
  });

  it('gives the steering group the overview, the pack and a CSV that Danish Excel reads', async () => {
    const overview = await call(api.app, 'GET', '/api/steering/overview', as('steering'));
    expect(overview.status).toBe(200);
    expect(overview.headers.get('cache-control')).toBe('no-store');
    const { current, previous, areas } = overview.json.overview;
    expect(current.key).toBe('2027-03');
    expect(previous.key).toBe('2026-09');
    expect(areas).toHaveLength(6);
    const kvinder = areas.find((area: { slug: string }) => area.slug === 'kvinder');
    expect(kvinder.current).toMatchObject({
      state: 'acknowledged',
      overallStatus: 'at_risk',
      overdue: false,
    });
    expect(kvinder.previous).toMatchObject({ state: 'submitted', overdue: false });
    expect(kvinder.leadOwners).toEqual(['Tove Tovholder (Integrationsteamet)']);
    const sundhed = areas.find((area: { slug: string }) => area.slug === 'sundhed-og-trivsel');
    expect(sundhed.previous).toMatchObject({ state: 'missing', overdue: true });
    expect(sundhed.current).toMatchObject({ state: 'missing', overdue: false });
    // A shared read (sharedReadAction): the same bytes for everyone steering:read allows.
    expect((await call(api.app, 'GET', '/api/steering/overview', as('admin'))).text).toBe(overview.text);
    expect((await call(api.app, 'GET', '/api/steering/overview')).status).toBe(401);
    expect((await call(api.app, 'GET', '/api/steering/overview', as('staff'))).status).toBe(403);
    expect((await call(api.app, 'GET', '/api/steering/overview', as('lead'))).status).toBe(403);

    const pack = await call(api.app, 'GET', '/api/steering/periods/2027-03/pack', as('steering'));
    expect(pack.status).toBe(200);
    expect(
      pack.json.pack.reports.map((r: { focusArea: { slug: string } }) => r.focusArea.slug).sort(),
    ).toEqual(['kvinder', 'viden-og-videndeling']);
    expect(pack.json.pack.missing).toHaveLength(4);
    expect((await call(api.app, 'GET', '/api/steering/periods/2027-04/pack', as('steering'))).status).toBe(
      422,
    );
    expect((await call(api.app, 'GET', '/api/steering/periods/x/pack', as('steering'))).status).toBe(400);

    const res = await api.app.request('/api/steering/export.csv', {
      headers: { authorization: `Bearer ${tokens.steering}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // The bytes as Excel reads them: a UTF-8 byte-order mark first (res.text() would drop it).
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
    const rows = parseCsv(csv.text);
    expect(rows[0]).toEqual([
      'Periode',
      'Fokusområde',
      'Rapport',
      'Samlet status',
      'Indikator',
      'Enhed',
      'Værdi',
      'Mål',
    ]);
    expect(rows).toContainEqual([
      '2027-03',
      'Kvinder',
      'Kvitteret',
      'I risiko',
      'Andel i forløb',
      'procent',
      '22,5',
      '50',
    ]);
    expect(rows).toContainEqual([
      '2026-09',
      'Kvinder',
      'Indsendt',
      'Af sporet',
      'Kvinder i job',
      'antal',
      '11',
      '40',
    ]);
    expect(csv.text).not.toContain('HEMMELIG');
  });

  it('closes the late period: no late report after that', async () => {
    expect((await call(api.app, 'POST', '/api/steering/periods/2027-03/close', as('steering'))).status).toBe(
      409,
    );
    expect((await call(api.app, 'POST', '/api/steering/periods/2026-09/close', as('lead'))).status).toBe(403);
    const closed = await call(api.app, 'POST', '/api/steering/periods/2026-09/close', as('steering'));
    expect(closed.status).toBe(200);
    expect((await call(api.app, 'POST', '/api/steering/periods/2026-09/close', as('steering'))).status).toBe(
      409,
    );
    const late = await call(api.app, 'POST', '/api/focus-areas/sundhed-og-trivsel/status-reports', {
      ...as('otherLead'),
      json: { period: '2026-09' },
    });
    expect(late.status).toBe(422);
    expect(late.json.error.fields.period).toEqual(['Perioden 2026-09 er ikke åben for rapporter']);
  });

  it('lists submitted reports for staff', async () => {
    const res = await call(api.app, 'GET', '/api/status-reports', as('staff'));
    expect(res.status).toBe(200);
    expect(
      res.json.reports.every((r: { state: string }) => ['submitted', 'acknowledged'].includes(r.state)),
    ).toBe(true);
    expect((await call(api.app, 'GET', '/api/status-reports', as('volunteer'))).status).toBe(403);
  });

  it('keeps the reports when their author deletes the account (no longer naming them)', async () => {
    const created = await call(api.app, 'POST', '/api/focus-areas/sundhed-og-trivsel/status-reports', {
      ...as('otherLead'),
      json: { period: '2027-03', overallStatus: 'on_track', summary: 'Skrevet før sletningen' },
    });
    expect(created.status).toBe(201);
    // Before: the export of their data lists what they wrote here.
    const exported = await call(api.app, 'GET', '/api/me/export', as('otherLead'));
    expect(exported.status).toBe(200);
    expect(exported.json.statusReports.reportRevisions).toContainEqual(
      expect.objectContaining({
        reportId: created.json.report.id,
        focusArea: 'sundhed-og-trivsel',
        period: '2027-03',
      }),
    );
    const steeringExport = await call(api.app, 'GET', '/api/me/export', as('steering'));
    expect(steeringExport.json.statusReports.comments.length).toBeGreaterThan(0);
    expect(
      steeringExport.json.statusReports.stateChanges.map((change: { to: string }) => change.to),
    ).toContain('acknowledged');
    const leadExport = await call(api.app, 'GET', '/api/me/export', as('lead'));
    expect(
      leadExport.json.statusReports.descriptionRevisions.map((row: { focusArea: string }) => row.focusArea),
    ).toContain('kvinder');
    // Nothing of another user's.
    expect(exported.json.statusReports.descriptionRevisions).toEqual([]);
    const deleted = await call(api.app, 'DELETE', '/api/me', {
      ...as('otherLead'),
      json: { password: 'brobygger-demo' },
    });
    expect(deleted.status, deleted.text).toBe(204);
    const report = await api.db
      .selectFrom('status_reports')
      .select(['created_by', 'state'])
      .where('id', '=', created.json.report.id)
      .executeTakeFirstOrThrow();
    expect(report).toEqual({ created_by: null, state: 'draft' });
  });
});
