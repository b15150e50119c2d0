import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { maxReportFiles } from '@brobygger/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolderFileStore } from '../../files/store.ts';
import { makeDocx, makePdf, multipart, tinyPng } from '../../files/test-files.ts';
import { maxAttachmentBytes } from '../../files/upload.ts';
import { call, createTestApi, testOrigin } from '../../test-support.ts';

// Files uploaded to status reports (issue 13): who may upload, remove and download them, what is
// refused, and that no refused or deleted upload leaves a file in the store.

/** Every file below a folder (the store keeps two levels). */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}
/** The uploads' temporary files left (this file's own temporary folder: others' runs do not count). */
const uploadTemps = async () =>
  (await readdir(tmpdir())).filter((name) => name.startsWith('brobygger-upload-'));
const sharedTmp = process.env.TMPDIR;

type File = { name: string; data: Buffer; type?: string } | null;

describe.each(testDatabaseKinds())('status report attachments on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let root: string;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ token: tokens[who] as string });
  // With the session cookie, as a browser sends it (the Origin check applies to cookies).
  const browser = (who: string) => ({ cookie: `brobygger_session=${tokens[who]}` });
  // The reports the tests share, in the order they make them.
  let kvinderDraft: number;
  let kvinderLate: number;
  let videnLate: number;
  const pdf = (name = 'referat.pdf') => ({ name, data: makePdf('Referat fra netværksmødet') });

  const upload = async (
    reportId: number | string,
    file: File,
    options: { who?: string | null; accept?: string; origin?: string } = {},
  ) => {
    const { body, contentType } = multipart(file);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'content-length': String(body.length),
      origin: options.origin ?? testOrigin,
    };
    const who = options.who === undefined ? 'lead' : options.who;
    if (who) headers.authorization = `Bearer ${tokens[who]}`;
    if (options.accept) headers.accept = options.accept;
    const res = await api.app.request(`/api/status-reports/${reportId}/attachments`, {
      method: 'POST',
      headers,
      body,
    });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: res.status, json, text, headers: res.headers };
  };
  const download = (url: string, who?: string) =>
    api.app.request(url, who ? { headers: { authorization: `Bearer ${tokens[who]}` } } : {});
  const rows = async (reportId: number) =>
    api.db.selectFrom('status_report_attachments').select('id').where('report_id', '=', reportId).execute();
  const auditActions = async (reportId: number) =>
    (
      await api.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_type', '=', 'status_report')
        .where('target_id', '=', String(reportId))
        .orderBy('id')
        .execute()
    ).map((row) => row.action);

  /** A fresh draft of an area for a period (each test its own, so they do not depend on each other). */
  const draft = async (slug: string, period: string, who = 'lead') => {
    const res = await call(api.app, 'POST', `/api/focus-areas/${slug}/status-reports`, {
      ...as(who),
      json: { period, overallStatus: 'on_track', summary: 'Godt i gang.' },
    });
    if (res.status !== 201) throw new Error(res.text);
    return res.json.report.id as number;
  };

  beforeAll(async () => {
    process.env.TMPDIR = await mkdtemp(join(tmpdir(), 'status-attachments-test-'));
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
    root = (api.deps.files as FolderFileStore).root;
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    await rm(tmpdir(), { recursive: true, force: true });
    if (sharedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = sharedTmp;
  });

  it('stores the lead owner’s file under a generated name and serves it to the area and the reviewers', async () => {
    const reportId = await draft('kvinder', '2027-03');
    kvinderDraft = reportId;
    const before = await filesUnder(root);
    const res = await upload(reportId, {
      name: 'Referat (møde 3).pdf',
      data: makePdf('Hej'),
      type: 'text/plain',
    });
    expect(res.status, res.text).toBe(201);
    const { attachment } = res.json;
    expect(attachment).toMatchObject({
      fileName: 'Referat (møde 3).pdf',
      contentType: 'application/pdf',
      url: `/api/status-reports/${reportId}/attachments/${attachment.id}`,
    });
    expect(attachment.sizeBytes).toBe(makePdf('Hej').length);
    const added = (await filesUnder(root)).filter((name) => !before.includes(name));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^[0-9a-f-]{36}\.pdf$/);
    expect(await uploadTemps()).toEqual([]);

    // The report lists it (never its storage key).
    const report = await call(api.app, 'GET', `/api/status-reports/${reportId}`, as('steering'));
    expect(report.json.report.files).toEqual([attachment]);
    expect(report.text).not.toContain(added[0]);

    for (const who of ['lead', 'steering', 'admin']) {
      const file = await download(attachment.url, who);
      expect(file.status, who).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(file.headers.get('cache-control')).toMatch(/no-store/);
      expect(file.headers.get('content-disposition')).toBe(
        `attachment; filename="Referat (m_de 3).pdf"; filename*=UTF-8''Referat%20(m%C3%B8de%203).pdf`,
      );
      expect(
        Buffer.from(await file.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    }

    // Office documents download; images open inline.
    const docx = await upload(reportId, { name: 'plan.docx', data: makeDocx('Plan') });
    expect(docx.status, docx.text).toBe(201);
    expect(docx.json.attachment.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const png = await upload(reportId, { name: 'kort.png', data: tinyPng });
    expect(png.status, png.text).toBe(201);
    const image = await download(png.json.attachment.url, 'lead');
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-disposition')).toMatch(/^inline; filename="kort.png"/);
    await image.arrayBuffer();
    expect(await auditActions(reportId)).toEqual([
      'status-report.created',
      'status-report.attachment-added',
      'status-report.attachment-added',
      'status-report.attachment-added',
    ]);
  });

  it('refuses wrong types, lying names, empty, too large and foldered files with a 4xx, leaving no file', async () => {
    const reportId = await draft('viden-og-videndeling', '2027-03');
    const before = await filesUnder(root);
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const cases: [File, number, RegExp][] = [
      [{ name: 'side.html', data: html }, 415, /Filtypen er ikke tilladt/],
      [{ name: 'side.pdf', data: html }, 415, /Filtypen er ikke tilladt/],
      [{ name: 'billede.pdf', data: tinyPng }, 422, /indholdet er PNG/],
      [{ name: 'referat.docx', data: makePdf('x') }, 422, /indholdet er PDF/],
      [{ name: 'tom.pdf', data: Buffer.alloc(0) }, 422, /tom/],
      [{ name: '../../etc/passwd.pdf', data: makePdf('x') }, 422, /mapper/],
      [{ name: 'C:\\Users\\x.pdf', data: makePdf('x') }, 422, /mapper/],
      [{ name: 'mappe/fil.pdf', data: makePdf('x') }, 422, /mapper/],
      [{ name: `${'n'.repeat(201)}.pdf`, data: makePdf('x') }, 422, /200 tegn/],
      [null, 422, /Vælg en fil/],
      [{ name: 'stor.pdf', data: makePdf('x', maxAttachmentBytes) }, 413, /for stor/],
    ];
    for (const [file, status, message] of cases) {
      const res = await upload(reportId, file);
      expect(res.status, `${file?.name.slice(0, 30)} ${res.text}`).toBe(status);
      expect(res.json.error.message).toMatch(message);
      if (status === 422) expect(res.json.error.fields.file).toHaveLength(1);
    }
    // Declared as too large: refused before it is read.
    const declared = await api.app.request(`/api/status-reports/${reportId}/attachments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.lead}`,
        origin: testOrigin,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(maxAttachmentBytes * 2),
      },
      body: 'x',
    });
    expect(declared.status).toBe(413);
    // JSON, or a form without multipart: 415.
    const json = await call(api.app, 'POST', `/api/status-reports/${reportId}/attachments`, {
      ...as('lead'),
      json: { file: 'x' },
    });
    expect(json.status).toBe(415);
    const form = await call(api.app, 'POST', `/api/status-reports/${reportId}/attachments`, {
      ...as('lead'),
      body: 'file=x',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(await filesUnder(root)).toEqual(before);
    expect(await uploadTemps()).toEqual([]);
    expect(await rows(reportId)).toEqual([]);
    expect(await auditActions(reportId)).toEqual(['status-report.created']);
  });

  it('lets only the area’s lead owner upload: others 403, anonymous 401, foreign Origin 403, unknown 404', async () => {
    const reportId = await draft('kvinder', '2026-09');
    kvinderLate = reportId;
    const before = await filesUnder(root);
    for (const who of ['otherLead', 'staff', 'steering', 'admin', 'volunteer']) {
      const res = await upload(reportId, pdf(), { who });
      expect(res.status, `${who} ${res.text}`).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
    }
    expect((await upload(reportId, pdf(), { who: null })).status).toBe(401);
    const foreign = await upload(reportId, pdf(), { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error.message).toMatch(/andet websted/);
    expect((await upload(987654, pdf())).status).toBe(404);
    expect((await upload('abc', pdf())).status).toBe(400);
    expect((await upload(0, pdf())).status).toBe(400);
    expect((await upload('99999999999', pdf())).status).toBe(400);
    expect(await filesUnder(root)).toEqual(before);
    expect(await uploadTemps()).toEqual([]);
    expect(await rows(reportId)).toEqual([]);
  });

  it('keeps downloads to the area, the reviewers, and staff once submitted; never another area’s lead owner', async () => {
    const reportId = await draft('viden-og-videndeling', '2026-09');
    videnLate = reportId;
    const res = await upload(reportId, pdf('bilag.pdf'));
    expect(res.status, res.text).toBe(201);
    const url = res.json.attachment.url as string;
    // A draft: the staff and another area's lead owner get 403 (and see no files in the report).
    expect((await download(url)).status).toBe(401);
    for (const who of ['staff', 'otherLead', 'volunteer']) {
      const refused = await download(url, who);
      expect(refused.status, who).toBe(403);
      expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    }
    expect((await download(url, 'steering')).status).toBe(200);

    expect((await call(api.app, 'POST', `/api/status-reports/${reportId}/submit`, as('lead'))).status).toBe(
      200,
    );
    const forStaff = await download(url, 'staff');
    expect(forStaff.status).toBe(200);
    expect(forStaff.headers.get('cache-control')).toMatch(/no-store/);
    await forStaff.arrayBuffer();
    // Another area's lead owner may read the submitted report's text, but never its files.
    expect((await download(url, 'otherLead')).status).toBe(403);
    const asOther = await call(api.app, 'GET', `/api/status-reports/${reportId}`, as('otherLead'));
    expect(asOther.status).toBe(200);
    expect(asOther.json.report.files).toEqual([]);
    expect((await download(url)).status).toBe(401);
    expect((await download(url, 'volunteer')).status).toBe(403);

    // Acknowledged: still internal, though the summary is now public.
    const ack = await call(api.app, 'POST', `/api/status-reports/${reportId}/acknowledge`, {
      ...as('steering'),
      json: {},
    });
    expect(ack.status).toBe(200);
    const status = await call(api.app, 'GET', '/api/focus-areas/viden-og-videndeling/status');
    expect(status.text).not.toContain('bilag.pdf');
    expect(status.text).not.toContain('/attachments/');
    expect((await download(url)).status).toBe(401);
    expect((await download(url, 'otherLead')).status).toBe(403);
    expect((await download(url, 'staff')).status).toBe(200);
    // The printable pack lists the files with each report.
    const pack = await call(api.app, 'GET', '/api/steering/periods/2026-09/pack', as('steering'));
    const packed = pack.json.pack.reports.find((r: { id: number }) => r.id === reportId);
    expect(packed.files).toEqual([res.json.attachment]);

    // Unknown attachment, an attachment of another report, an unknown report: 404; bad ids: 400.
    expect((await download(`/api/status-reports/${reportId}/attachments/987654`, 'lead')).status).toBe(404);
    expect((await download(`/api/status-reports/987654/attachments/1`, 'lead')).status).toBe(404);
    const attachmentId = url.split('/').at(-1);
    expect(
      (await download(`/api/status-reports/${kvinderDraft}/attachments/${attachmentId}`, 'lead')).status,
    ).toBe(404);
    expect((await download(`/api/status-reports/${reportId}/attachments/abc`, 'lead')).status).toBe(400);
  });

  it('freezes submitted and acknowledged reports: no upload or removal, no file left behind', async () => {
    const reportId = await draft('sundhed-og-trivsel', '2027-03', 'otherLead');
    const kept = await upload(reportId, pdf(), { who: 'otherLead' });
    expect(kept.status).toBe(201);
    const url = kept.json.attachment.url as string;
    expect(
      (await call(api.app, 'POST', `/api/status-reports/${reportId}/submit`, as('otherLead'))).status,
    ).toBe(200);
    const before = await filesUnder(root);
    const submitted = await upload(reportId, pdf(), { who: 'otherLead' });
    expect(submitted.status).toBe(409);
    expect(submitted.json.error.message).toMatch(/indsendt og kan ikke ændres/);
    expect((await call(api.app, 'DELETE', url, as('otherLead'))).status).toBe(409);
    expect((await download(url, 'otherLead')).status).toBe(200);

    // Returned: open again; the lead owner removes the file and its stored copy goes.
    const returned = await call(api.app, 'POST', `/api/status-reports/${reportId}/return`, {
      ...as('steering'),
      json: { comment: 'Vedhæft referatet fra marts i stedet.' },
    });
    expect(returned.status).toBe(200);
    expect((await call(api.app, 'DELETE', url, as('lead'))).status).toBe(403);
    expect((await call(api.app, 'DELETE', url, as('steering'))).status).toBe(403);
    expect((await call(api.app, 'DELETE', url, {})).status).toBe(401);
    expect(
      (await call(api.app, 'DELETE', url, { ...browser('otherLead'), origin: 'https://evil.example' }))
        .status,
    ).toBe(403);
    expect((await call(api.app, 'DELETE', url, as('otherLead'))).status).toBe(204);
    expect(await filesUnder(root)).toHaveLength(before.length - 1);
    expect((await download(url, 'otherLead')).status).toBe(404);
    expect((await call(api.app, 'DELETE', url, as('otherLead'))).status).toBe(404);
    const again = await upload(reportId, pdf('marts.pdf'), { who: 'otherLead' });
    expect(again.status).toBe(201);

    // Acknowledged: frozen for good.
    expect(
      (await call(api.app, 'POST', `/api/status-reports/${reportId}/submit`, as('otherLead'))).status,
    ).toBe(200);
    expect(
      (
        await call(api.app, 'POST', `/api/status-reports/${reportId}/acknowledge`, {
          ...as('steering'),
          json: {},
        })
      ).status,
    ).toBe(200);
    const frozen = await filesUnder(root);
    const late = await upload(reportId, pdf(), { who: 'otherLead' });
    expect(late.status).toBe(409);
    expect(late.json.error.message).toBe('Rapporten er kvitteret og kan ikke ændres');
    expect((await call(api.app, 'DELETE', again.json.attachment.url, as('otherLead'))).status).toBe(409);
    expect(await filesUnder(root)).toEqual(frozen);
    expect(await uploadTemps()).toEqual([]);
    expect(await auditActions(reportId)).toEqual([
      'status-report.created',
      'status-report.attachment-added',
      'status-report.submitted',
      'status-report.returned',
      'status-report.attachment-removed',
      'status-report.attachment-added',
      'status-report.submitted',
      'status-report.acknowledged',
    ]);
  });

  it('takes at most the most files a report may have', async () => {
    const reportId = await draft('sundhed-og-trivsel', '2026-09', 'otherLead');
    for (let n = 0; n < maxReportFiles; n++) {
      const res = await upload(reportId, { name: `bilag-${n}.png`, data: tinyPng }, { who: 'otherLead' });
      expect(res.status, res.text).toBe(201);
    }
    const before = await filesUnder(root);
    const over = await upload(reportId, pdf(), { who: 'otherLead' });
    expect(over.status).toBe(409);
    expect(over.json.error.message).toMatch(/allerede 20 filer/);
    expect(await filesUnder(root)).toEqual(before);
    expect(await rows(reportId)).toHaveLength(maxReportFiles);
  });

  it('answers a browser form with a redirect to the report’s page, with a fixed reason on refusal', async () => {
    const reportId = kvinderDraft;
    const page = `/tovholder/kvinder/rapporter/${reportId}`;
    const ok = await upload(reportId, pdf(), { accept: 'text/html' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`${page}?bilag=ok`);
    const cases: [File, string][] = [
      [{ name: 'a.png', data: makePdf('x') }, 'mismatch'],
      [{ name: 'a.html', data: Buffer.from('<p>x</p>') }, 'type'],
      [{ name: 'tom.pdf', data: Buffer.alloc(0) }, 'empty'],
      [{ name: '../a.pdf', data: makePdf('x') }, 'name'],
      [null, 'missing'],
      [{ name: 'stor.pdf', data: makePdf('x', maxAttachmentBytes) }, 'too-large'],
    ];
    for (const [file, reason] of cases) {
      const res = await upload(reportId, file, { accept: 'text/html' });
      expect(res.status, reason).toBe(303);
      expect(res.headers.get('location')).toBe(`${page}?bilag-fejl=${reason}`);
    }
    // Another area's lead owner is not sent to the page: the API's 403.
    const other = await upload(reportId, pdf(), { who: 'otherLead', accept: 'text/html' });
    expect(other.status).toBe(403);
    expect((await upload(987654, pdf(), { accept: 'text/html' })).status).toBe(404);
  });

  it('deletes a draft with its files; a report that was submitted stays', async () => {
    const reportId = kvinderLate;
    const before = await filesUnder(root);
    for (const name of ['a.pdf', 'b.pdf']) expect((await upload(reportId, pdf(name))).status).toBe(201);
    expect(await filesUnder(root)).toHaveLength(before.length + 2);
    const path = `/api/status-reports/${reportId}`;
    for (const who of ['otherLead', 'steering', 'admin', 'staff']) {
      expect((await call(api.app, 'DELETE', path, as(who))).status, who).toBe(403);
    }
    expect((await call(api.app, 'DELETE', path, {})).status).toBe(401);
    expect(
      (await call(api.app, 'DELETE', path, { ...browser('lead'), origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect(await filesUnder(root)).toHaveLength(before.length + 2);
    const deleted = await call(api.app, 'DELETE', path, browser('lead'));
    expect(deleted.status, deleted.text).toBe(200);
    expect(deleted.json).toEqual({ focusArea: 'kvinder' });
    expect(await filesUnder(root)).toEqual(before);
    expect(await rows(reportId)).toEqual([]);
    expect((await call(api.app, 'GET', path, as('lead'))).status).toBe(404);
    expect(await auditActions(reportId)).toContain('status-report.deleted');
    expect((await call(api.app, 'DELETE', path, as('lead'))).status).toBe(404);
    expect((await call(api.app, 'DELETE', '/api/status-reports/abc', as('lead'))).status).toBe(400);

    // Submitted once (here acknowledged): 409, nothing deleted, its file kept.
    const kept = await filesUnder(root);
    const refused = await call(api.app, 'DELETE', `/api/status-reports/${videnLate}`, as('lead'));
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/Kun en kladde kan slettes/);
    expect((await call(api.app, 'GET', `/api/status-reports/${videnLate}`, as('lead'))).status).toBe(200);
    expect(await filesUnder(root)).toEqual(kept);
  });

  it('lists the uploads in the uploader’s data export', async () => {
    const exported = await call(api.app, 'GET', '/api/me/export', as('lead'));
    expect(exported.status).toBe(200);
    expect(exported.json.statusReports.uploadedAttachments).toContainEqual(
      expect.objectContaining({
        focusArea: 'kvinder',
        period: '2027-03',
        fileName: 'Referat (møde 3).pdf',
        contentType: 'application/pdf',
        sizeBytes: makePdf('Hej').length,
      }),
    );
    const steering = await call(api.app, 'GET', '/api/me/export', as('steering'));
    expect(steering.json.statusReports.uploadedAttachments).toEqual([]);
  });
});
