import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderFileStore } from '../../files/store.ts';
import { makeDocx, makeOdt, makePdf, multipart, tinyPng } from '../../files/test-files.ts';
import { maxAttachmentBytes } from '../../files/upload.ts';
import { call, createTestApi, testOrigin } from '../../test-support.ts';

/** Every file below a folder (the store keeps two levels). */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}
const uploadTemps = async () =>
  (await readdir(tmpdir())).filter((name) => name.startsWith('brobygger-upload-'));

describe.each(testDatabaseKinds())('attachments on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let staff: string;
  let frida: string;
  let root: string;

  const tokenFor = async (email: string) => {
    const user = await findUserByEmail(api.db, email);
    if (!user) throw new Error(`no demo user ${email}`);
    return (await createSession(api.db, user.id)).token;
  };
  const createResource = async (title: string, audience = 'public') => {
    const res = await call(api.app, 'POST', '/api/resources', {
      token: staff,
      json: { kind: 'document', title, audience },
    });
    if (res.status !== 201) throw new Error(res.text);
    return res.json.resource.slug as string;
  };
  const upload = async (
    slug: string,
    file: { name: string; data: Buffer; type?: string } | null,
    options: { token?: string; accept?: string; fields?: Record<string, string>; origin?: string } = {},
  ) => {
    const { body, contentType } = multipart(file, options.fields);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'content-length': String(body.length),
      origin: options.origin ?? testOrigin,
    };
    if (options.token ?? staff) headers.authorization = `Bearer ${options.token ?? staff}`;
    if (options.accept) headers.accept = options.accept;
    const res = await api.app.request(`/api/resources/${slug}/attachments`, {
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

  beforeAll(async () => {
    api = await createTestApi(kind);
    await seedDemoAccounts(api.db);
    staff = await tokenFor('medarbejder@brobygger.test');
    frida = await tokenFor('frivillig@brobygger.test');
    root = (api.deps.files as FolderFileStore).root;
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  it('stores a PDF under a generated name, serves it as an attachment with its type and nosniff, and queues its text', async () => {
    const slug = await createResource('Ansøgningsskema');
    const res = await upload(slug, {
      name: 'Skema for ansøgning (ny).pdf',
      data: makePdf('Hej verden'),
      type: 'text/plain',
    });
    expect(res.status, res.text).toBe(201);
    const { attachment } = res.json;
    expect(attachment.contentType).toBe('application/pdf');
    expect(attachment.fileName).toBe('Skema for ansøgning (ny).pdf');
    const stored = await filesUnder(root);
    expect(stored.some((name) => /^[0-9a-f-]{36}\.pdf$/.test(name))).toBe(true);
    expect(stored.some((name) => name.includes('Skema'))).toBe(false);

    const download = await api.app.request(attachment.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Skema for ans_gning \(ny\).pdf"; filename\*=UTF-8''Skema%20for%20ans%C3%B8gning%20\(ny\).pdf$/,
    );
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const detail = await call(api.app, 'GET', `/api/resources/${slug}`);
    expect(detail.json.resource.attachments).toHaveLength(1);
    const jobs = await api.db
      .selectFrom('jobs')
      .select(['type', 'payload'])
      .where('type', '=', 'knowledge.extract-text')
      .execute();
    expect(jobs).toContainEqual({ type: 'knowledge.extract-text', payload: { attachmentId: attachment.id } });
  });

  it('accepts docx, odt and images (shown inline), each typed from its bytes', async () => {
    const slug = await createResource('Skabeloner');
    const docx = await upload(slug, { name: 'brev.docx', data: makeDocx('Kære borger') });
    expect(docx.status, docx.text).toBe(201);
    expect(docx.json.attachment.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const odt = await upload(slug, { name: 'brev.odt', data: makeOdt('Kære borger') });
    expect(odt.status, odt.text).toBe(201);
    const png = await upload(slug, { name: 'kort.png', data: tinyPng });
    expect(png.status, png.text).toBe(201);
    const image = await api.app.request(png.json.attachment.url);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-disposition')).toMatch(/^inline;/);
  });

  it('refuses bad uploads with a clear 4xx and leaves no file behind', async () => {
    const slug = await createResource('Afvisninger');
    const before = await filesUnder(root);
    const rowsBefore = (await call(api.app, 'GET', `/api/resources/${slug}`)).json.resource.attachments
      .length;
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const cases: [{ name: string; data: Buffer } | null, number, RegExp][] = [
      [{ name: 'side.html', data: html }, 415, /Filtypen er ikke tilladt/],
      [{ name: 'side.pdf', data: html }, 415, /Filtypen er ikke tilladt/],
      [{ name: 'billede.pdf', data: tinyPng }, 422, /indholdet er PNG/],
      [{ name: 'tom.pdf', data: Buffer.alloc(0) }, 422, /tom/],
      [{ name: '../../etc/passwd.pdf', data: makePdf('x') }, 422, /mapper/],
      [{ name: 'C:\\Users\\x.pdf', data: makePdf('x') }, 422, /mapper/],
      [{ name: 'mappe/fil.pdf', data: makePdf('x') }, 422, /mapper/],
      [null, 422, /Vælg en fil/],
      [{ name: 'stor.pdf', data: makePdf('x', maxAttachmentBytes) }, 413, /for stor/],
    ];
    for (const [file, status, message] of cases) {
      const res = await upload(slug, file);
      expect(res.status, `${file?.name} ${res.text}`).toBe(status);
      expect(res.json.error.message).toMatch(message);
    }
    // Declared as too large: refused before it is read.
    const declared = await api.app.request(`/api/resources/${slug}/attachments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${staff}`,
        origin: testOrigin,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(maxAttachmentBytes * 2),
      },
      body: 'x',
    });
    expect(declared.status).toBe(413);
    expect(await filesUnder(root)).toEqual(before);
    expect(await uploadTemps()).toEqual([]);
    expect((await call(api.app, 'GET', `/api/resources/${slug}`)).json.resource.attachments).toHaveLength(
      rowsBefore,
    );

    // Wrong role, no sign-in, foreign Origin, unknown resource, JSON instead of a file.
    expect((await upload(slug, { name: 'a.pdf', data: makePdf('x') }, { token: frida })).status).toBe(403);
    expect(
      (await upload(slug, { name: 'a.pdf', data: makePdf('x') }, { origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect((await upload('findes-ikke', { name: 'a.pdf', data: makePdf('x') })).status).toBe(404);
    const json = await call(api.app, 'POST', `/api/resources/${slug}/attachments`, {
      token: staff,
      json: { file: 'x' },
    });
    expect(json.status).toBe(415);
    expect(await filesUnder(root)).toEqual(before);
  });

  it('answers a browser form with a redirect back to the page, with the message on failure', async () => {
    const slug = await createResource('Formular');
    const ok = await upload(
      slug,
      { name: 'a.pdf', data: makePdf('x') },
      { accept: 'text/html', fields: { redirect: `/viden/${slug}/rediger` } },
    );
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/viden/${slug}/rediger?vedhaeftning=ok`);
    const evil = await upload(
      slug,
      { name: 'a.pdf', data: makePdf('x') },
      { accept: 'text/html', fields: { redirect: 'https://evil.example/' } },
    );
    expect(evil.headers.get('location')).toBe(`/viden/${slug}/rediger?vedhaeftning=ok`);
    const bad = await upload(slug, { name: 'a.png', data: makePdf('x') }, { accept: 'text/html' });
    expect(bad.status).toBe(303);
    expect(decodeURIComponent(bad.headers.get('location') ?? '')).toMatch(
      /vedhaeftning-fejl=Filens navn ender på \.png/,
    );
  });

  it('serves a staff-only attachment to staff alone, and removes the file with the attachment', async () => {
    const slug = await createResource('Intern liste', 'staff');
    const res = await upload(slug, { name: 'liste.pdf', data: makePdf('Hemmeligt') });
    expect(res.status).toBe(201);
    const url = res.json.attachment.url;
    expect((await api.app.request(url)).status).toBe(404);
    expect((await api.app.request(url, { headers: { authorization: `Bearer ${frida}` } })).status).toBe(404);
    const forStaff = await api.app.request(url, { headers: { authorization: `Bearer ${staff}` } });
    expect(forStaff.status).toBe(200);
    expect(forStaff.headers.get('cache-control')).toMatch(/no-store/);
    await forStaff.arrayBuffer();

    const before = (await filesUnder(root)).length;
    expect((await call(api.app, 'DELETE', url, { token: frida })).status).toBe(403);
    expect((await call(api.app, 'DELETE', url, { token: staff })).status).toBe(204);
    expect((await filesUnder(root)).length).toBe(before - 1);
    expect((await api.app.request(url, { headers: { authorization: `Bearer ${staff}` } })).status).toBe(404);
    expect((await call(api.app, 'DELETE', url, { token: staff })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/attachments/abc')).status).toBe(400);
  });
});

describe('the folder file store', () => {
  it('only ever opens or deletes generated keys', async () => {
    const { mkdtemp } = await import('node:fs/promises');
    const store = new FolderFileStore(await mkdtemp(join(tmpdir(), 'store-test-')));
    expect(await store.open('../../etc/passwd')).toBeUndefined();
    await store.delete('../x');
    const { Readable } = await import('node:stream');
    const { key, size } = await store.put(Readable.from([Buffer.from('abc')]), { extension: 'pdf' });
    expect(size).toBe(3);
    expect((await store.open(key))?.size).toBe(3);
    await expect(store.put(Readable.from([Buffer.from('x')]), { extension: '../x' })).rejects.toThrow();
  });
});
