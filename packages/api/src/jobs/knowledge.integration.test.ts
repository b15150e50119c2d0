import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx, makeOdt, makePdf, multipart } from '../files/test-files.ts';
import { resourceSearchSource } from '../services/knowledge/search.ts';
import { call, createTestApi, testOrigin } from '../test-support.ts';
import { createApiJobRunner } from './index.ts';

describe.each(testDatabaseKinds())('knowledge jobs on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let staff: string;
  let clock = new Date('2027-01-10T09:00:00Z');
  const runner = () =>
    createApiJobRunner({
      db: api.db,
      logger: pino({ level: 'silent' }),
      now: () => clock,
      publicUrl: 'https://brobygger.example',
      files: api.deps.files,
    });
  const member = async (email: string, name: string) => {
    const user = await api.db
      .insertInto('users')
      .values({ email, password_hash: 'x', display_name: name })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: user.id, token: (await createSession(api.db, user.id)).token };
  };
  const digests = async (to: string) =>
    api.db
      .selectFrom('email_outbox')
      .select(['subject', 'text_body'])
      .where('kind', '=', 'forum-digest')
      .where('to_address', '=', to)
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    api = await createTestApi(kind);
    await seedDemoAccounts(api.db);
    const user = await findUserByEmail(api.db, 'medarbejder@brobygger.test');
    staff = (await createSession(api.db, user?.id ?? '')).token;
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  it('extracts the text of PDF, docx and odt attachments for search', async () => {
    const created = await call(api.app, 'POST', '/api/resources', {
      token: staff,
      json: { kind: 'document', title: 'Vejledninger som filer', audience: 'staff' },
    });
    const slug = created.json.resource.slug;
    const files: [string, Buffer][] = [
      ['vejledning.pdf', makePdf('Tolkebistand bestilles hos kommunen')],
      ['brev.docx', makeDocx('Velkomstbrev til nye borgere')],
      ['referat.odt', makeOdt('Referat af dialogmødet')],
    ];
    for (const [name, data] of files) {
      const { body, contentType } = multipart({ name, data });
      const res = await api.app.request(`/api/resources/${slug}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${staff}`, origin: testOrigin, 'content-type': contentType },
        body,
      });
      expect(res.status, await res.text()).toBe(201);
    }
    await runner().drain();
    const texts = await api.db
      .selectFrom('resource_attachments')
      .select(['file_name', 'extracted_text'])
      .where('extracted_at', 'is not', null)
      .orderBy('id')
      .execute();
    expect(texts.map((row) => row.extracted_text)).toEqual([
      'Tolkebistand bestilles hos kommunen',
      'Velkomstbrev til nye borgere',
      'Referat af dialogmødet',
    ]);
    const id = (
      await api.db.selectFrom('resources').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()
    ).id;
    const document = await resourceSearchSource.load(api.db, String(id));
    expect(document?.body).toContain('Velkomstbrev til nye borgere');
    expect(document?.readers).toEqual(['role:staff']);
  });

  it('mails followers at most one digest an hour, with an unsubscribe link that works without signing in', async () => {
    const asker = await member('spoerger@example.dk', 'Sara Spørger');
    const helper = await member('hjaelper@example.dk', 'Henrik Hjælper');
    const watcher = await member('foelger@example.dk', 'Freja Følger');
    const thread = await call(api.app, 'POST', '/api/forum/threads', {
      token: asker.token,
      json: {
        category: 'generelt',
        kind: 'question',
        title: 'Hvor er sprogcaféen?',
        body: 'Nogen der ved det?',
      },
    });
    const threadId = thread.json.id;
    expect(
      (
        await call(api.app, 'POST', '/api/forum/follows', {
          token: watcher.token,
          json: { target: 'category', id: 'generelt' },
        })
      ).status,
    ).toBe(200);
    await call(api.app, 'POST', `/api/forum/threads/${threadId}/posts`, {
      token: helper.token,
      json: { body: 'På biblioteket.' },
    });
    await call(api.app, 'POST', `/api/forum/threads/${threadId}/posts`, {
      token: helper.token,
      json: { body: 'Tirsdag kl. 17.' },
    });

    clock = new Date('2027-01-10T10:00:00Z');
    await runner().drain();
    await runner().drain();
    const askerMail = await digests('spoerger@example.dk');
    expect(askerMail).toHaveLength(1);
    expect(askerMail[0]?.text_body).toContain('På biblioteket.');
    expect(askerMail[0]?.text_body).toContain('Tirsdag kl. 17.');
    expect(askerMail[0]?.text_body).not.toContain('Nogen der ved det?');
    expect(await digests('foelger@example.dk')).toHaveLength(1);
    expect(await digests('hjaelper@example.dk')).toHaveLength(0);

    // A new post within the hour waits for the next hour's digest.
    await call(api.app, 'POST', `/api/forum/threads/${threadId}/posts`, {
      token: helper.token,
      json: { body: 'Husk kaffe.' },
    });
    clock = new Date('2027-01-10T10:30:00Z');
    await runner().drain();
    expect(await digests('spoerger@example.dk')).toHaveLength(1);
    clock = new Date('2027-01-10T11:05:00Z');
    await runner().drain();
    const later = await digests('spoerger@example.dk');
    expect(later).toHaveLength(2);
    expect(later[1]?.text_body).toContain('Husk kaffe.');
    expect(later[1]?.text_body).not.toContain('På biblioteket.');

    // The link in the mail ends every follow, without a session.
    const token = later[1]?.text_body.match(/afmeld\?token=([A-Za-z0-9_-]+)/)?.[1];
    expect(token).toBeTruthy();
    const res = await call(api.app, 'POST', '/api/forum/unsubscribe', { json: { token } });
    expect(res.status, res.text).toBe(200);
    expect((await call(api.app, 'GET', '/api/forum/follows', { token: asker.token })).json.follows).toEqual(
      [],
    );
    await call(api.app, 'POST', `/api/forum/threads/${threadId}/posts`, {
      token: helper.token,
      json: { body: 'Sidste nyt.' },
    });
    clock = new Date('2027-01-10T13:00:00Z');
    await runner().drain();
    expect(await digests('spoerger@example.dk')).toHaveLength(2);
    expect((await digests('foelger@example.dk')).length).toBeGreaterThanOrEqual(2);
  });
});
