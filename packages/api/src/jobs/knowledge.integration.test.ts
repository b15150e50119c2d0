import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
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
  const runner = (extraction?: { timeoutMs?: number; maxOldSpaceMb?: number }) =>
    createApiJobRunner({
      db: api.db,
      logger: pino({ level: 'silent' }),
      now: () => clock,
      publicUrl: 'https://brobygger.example',
      files: api.deps.files,
      extraction,
    });
  const attach = async (slug: string, name: string, data: Buffer) => {
    const { body, contentType } = multipart({ name, data });
    const res = await api.app.request(`/api/resources/${slug}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, origin: testOrigin, 'content-type': contentType },
      body,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { attachment: { id: number } }).attachment.id;
  };
  const extractionJob = (attachmentId: number) =>
    api.db
      .selectFrom('jobs')
      .select(['state', 'attempts', 'last_error'])
      .where('key', '=', `knowledge.extract-text:${attachmentId}`)
      .executeTakeFirstOrThrow();
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

  // These move the clock by hours: they come after the digest test, which sets it to the minute.
  const resourceFor = async (title: string) =>
    (
      await call(api.app, 'POST', '/api/resources', {
        token: staff,
        json: { kind: 'document', title, audience: 'staff' },
      })
    ).json.resource.slug as string;
  /** Drains three times, past each back-off: the job's state and error after each attempt. */
  const threeAttempts = async (
    attachmentId: number,
    limits: { timeoutMs?: number; maxOldSpaceMb?: number },
  ) => {
    const seen: { state: string; attempts: number; last_error: string | null }[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await runner(limits).drain();
      seen.push(await extractionJob(attachmentId));
      clock = new Date(clock.getTime() + 2 * 60 * 60_000); // past the back-off (at most an hour)
    }
    return seen;
  };
  const noText = async (attachmentId: number) =>
    expect(
      await api.db
        .selectFrom('resource_attachments')
        .select(['extracted_at', 'extracted_text'])
        .where('id', '=', attachmentId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ extracted_at: null, extracted_text: null });

  it('fails the job when the child process runs out of its heap; the runner retries it, then it is dead', async () => {
    const slug = await resourceFor('En for stor fil');
    // A 4 MB docx of 60,000 paragraphs: its XML tree needs more than a 32 MB heap.
    const huge = await attach(slug, 'stort.docx', makeDocx('Tolkebistand i Skanderborg Kommune', 60_000));
    const seen = await threeAttempts(huge, { maxOldSpaceMb: 32 });
    expect(seen.map((job) => [job.state, job.attempts])).toEqual([
      ['pending', 1],
      ['pending', 2],
      ['dead', 3],
    ]);
    for (const job of seen) {
      expect(job.last_error).toMatch(
        /^ExtractionError: the text extraction's child process (was stopped by SIGABRT|exited with code \d+) before it answered \(out of memory: its heap is capped at 32 MB\)$/,
      );
    }
    await noText(huge);
  });

  it('fails the job when the child process does not answer in time (it is killed); retried, then dead', async () => {
    const slug = await resourceFor('En fil der aldrig kan læses færdig');
    const stuck = await attach(slug, 'fast.pdf', makePdf('Aldrig læst'));
    // The stored file swapped for a named pipe with no writer: the child's read of it never ends.
    const { storage_key } = await api.db
      .selectFrom('resource_attachments')
      .select('storage_key')
      .where('id', '=', stuck)
      .executeTakeFirstOrThrow();
    const path = api.deps.files?.localPath(storage_key) as string;
    await rm(path);
    execFileSync('mkfifo', [path]);
    try {
      const seen = await threeAttempts(stuck, { timeoutMs: 1000 });
      expect(seen.map((job) => [job.state, job.attempts])).toEqual([
        ['pending', 1],
        ['pending', 2],
        ['dead', 3],
      ]);
      for (const job of seen) {
        expect(job.last_error).toBe(
          'ExtractionError: text extraction took over 1 s; its child process was killed',
        );
      }
      await noText(stuck);
    } finally {
      await rm(path);
    }
  });
});
