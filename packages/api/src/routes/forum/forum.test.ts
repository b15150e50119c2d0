import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApi } from '../../test-support.ts';

describe.each(testDatabaseKinds())('the forum on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let staff: string;
  let asker: { id: string; token: string };
  let helper: { id: string; token: string };
  let other: { id: string; token: string };
  let users = 0;

  const member = async (name: string) => {
    users += 1;
    const user = await api.db
      .insertInto('users')
      .values({ email: `forum${users}@example.dk`, password_hash: 'x', display_name: name })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: user.id, token: (await createSession(api.db, user.id)).token };
  };
  const ask = async (extra: Record<string, unknown> = {}, token = asker.token) => {
    const res = await call(api.app, 'POST', '/api/forum/threads', {
      token,
      json: {
        category: 'generelt',
        kind: 'question',
        title: 'Hvordan bestiller jeg tolk?',
        body: 'Jeg skal bruge en **tolk**.',
        ...extra,
      },
    });
    if (res.status !== 201) throw new Error(res.text);
    return res.json as { id: number; postId: number };
  };
  const reply = async (threadId: number, body: string, token = helper.token) => {
    const res = await call(api.app, 'POST', `/api/forum/threads/${threadId}/posts`, {
      token,
      json: { body },
    });
    if (res.status !== 201) throw new Error(res.text);
    return res.json.id as number;
  };
  const thread = async (id: number, token?: string) =>
    call(api.app, 'GET', `/api/forum/threads/${id}`, token ? { token } : {});

  beforeAll(async () => {
    api = await createTestApi(kind);
    await seedDemoAccounts(api.db);
    const staffUser = await findUserByEmail(api.db, 'medarbejder@brobygger.test');
    staff = (await createSession(api.db, staffUser?.id ?? '')).token;
    asker = await member('Anna Asker');
    helper = await member('Hans Hjælper');
    other = await member('Olga Anden');
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  it('has a general category and one per focus area, and counts only visible threads', async () => {
    const res = await call(api.app, 'GET', '/api/forum/categories');
    expect(res.status).toBe(200);
    expect(res.json.categories[0]).toMatchObject({ slug: 'generelt', name: null });
    expect(res.json.categories.map((c: { slug: string }) => c.slug)).toContain('viden-og-videndeling');
    expect((await call(api.app, 'GET', '/api/forum/categories/findes-ikke')).status).toBe(404);
  });

  it('asks, answers, and shows the accepted answer first; only the asker or staff may accept', async () => {
    const { id } = await ask({ category: 'viden-og-videndeling' });
    const first = await reply(id, 'Ring til tolkeservice.');
    const second = await reply(id, 'Brug [[viden:findes-ikke]] og [[arrangement:999999]].', other.token);
    expect(
      (
        await call(api.app, 'POST', `/api/forum/threads/${id}/accepted-answer`, {
          token: other.token,
          json: { postId: second },
        })
      ).status,
    ).toBe(403);
    const accepted = await call(api.app, 'POST', `/api/forum/threads/${id}/accepted-answer`, {
      token: asker.token,
      json: { postId: second },
    });
    expect(accepted.status, accepted.text).toBe(200);
    const res = await thread(id);
    expect(res.json.posts.map((p: { id: number }) => p.id).slice(1)).toEqual([second, first]);
    expect(res.json.posts[1].accepted).toBe(true);
    expect(res.json.posts[1].bodyHtml).not.toContain('<a');
    const staffAccept = await call(api.app, 'POST', `/api/forum/threads/${id}/accepted-answer`, {
      token: staff,
      json: { postId: first },
    });
    expect(staffAccept.status).toBe(200);
    const category = await call(api.app, 'GET', '/api/forum/categories/viden-og-videndeling');
    expect(category.json.threads[0]).toMatchObject({ id, answered: true, replies: 2 });

    // The question itself, a post from another thread, and a discussion are refused.
    expect(
      (
        await call(api.app, 'POST', `/api/forum/threads/${id}/accepted-answer`, {
          token: asker.token,
          json: { postId: res.json.posts[0].id },
        })
      ).status,
    ).toBe(422);
    const other2 = await ask({ kind: 'discussion', title: 'Erfaringer med sprogcaféer' });
    const foreign = await reply(other2.id, 'Gode erfaringer.');
    expect(
      (
        await call(api.app, 'POST', `/api/forum/threads/${id}/accepted-answer`, {
          token: asker.token,
          json: { postId: foreign },
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await call(api.app, 'POST', `/api/forum/threads/${other2.id}/accepted-answer`, {
          token: asker.token,
          json: { postId: foreign },
        })
      ).status,
    ).toBe(409);
  });

  it('renders mentions of resources and events as links, and hostile Markdown inert', async () => {
    await call(api.app, 'POST', '/api/resources', {
      token: staff,
      json: { kind: 'guide', title: 'Tolkevejledning', audience: 'public' },
    });
    await call(api.app, 'POST', '/api/resources', {
      token: staff,
      json: { kind: 'guide', title: 'Intern tolkeliste', audience: 'staff' },
    });
    const { id } = await ask({
      title: 'Links',
      body: 'Se [[viden:tolkevejledning]] og [[viden:intern-tolkeliste]]. <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>',
    });
    const html: string = (await thread(id)).json.posts[0].bodyHtml;
    expect(html).toContain('<a href="/viden/tolkevejledning"');
    expect(html).not.toContain('/viden/intern-tolkeliste');
    expect(html).not.toMatch(/<script|onerror|javascript:/);
    const forStaff: string = (await thread(id, staff)).json.posts[0].bodyHtml;
    expect(forStaff).toContain('/viden/intern-tolkeliste');
  });

  it('lets authors edit their own posts with history, never someone else’s', async () => {
    const { id } = await ask({ title: 'Redigering' });
    const post = await reply(id, 'Første udgave');
    const denied = await call(api.app, 'PUT', `/api/forum/posts/${post}`, {
      token: other.token,
      json: { body: 'Hacket' },
    });
    expect(denied.status).toBe(403);
    const edited = await call(api.app, 'PUT', `/api/forum/posts/${post}`, {
      token: helper.token,
      json: { body: 'Anden udgave' },
    });
    expect(edited.status).toBe(200);
    const history = await call(api.app, 'GET', `/api/forum/posts/${post}/revisions`);
    expect(history.json.revisions).toHaveLength(1);
    expect(history.json.revisions[0].bodyHtml).toContain('Første udgave');
    const shown = (await thread(id)).json.posts.find((p: { id: number }) => p.id === post);
    expect(shown).toMatchObject({ edited: true, revisions: 1 });
    expect(shown.bodyHtml).toContain('Anden udgave');
    expect(
      (
        await call(api.app, 'PUT', `/api/forum/posts/${post}`, {
          token: staff,
          json: { body: 'Rettet af medarbejder' },
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(api.app, 'PUT', '/api/forum/posts/987654', { token: staff, json: { body: 'x' } })).status,
    ).toBe(404);
  });

  it('takes flags into a moderation queue; staff hide (with a note mailed), restore, lock and move', async () => {
    const { id } = await ask({ title: 'Moderation' });
    const bad = await reply(id, 'Køb billige ure!', other.token);
    const flag = await call(api.app, 'POST', `/api/forum/posts/${bad}/flags`, {
      token: helper.token,
      json: { reason: 'spam', note: 'Reklame' },
    });
    expect(flag.status, flag.text).toBe(200);
    expect(flag.json.created).toBe(true);
    expect(
      (
        await call(api.app, 'POST', `/api/forum/posts/${bad}/flags`, {
          token: helper.token,
          json: { reason: 'spam' },
        })
      ).json.created,
    ).toBe(false);
    expect(
      (
        await call(api.app, 'POST', `/api/forum/posts/${bad}/flags`, {
          token: helper.token,
          json: { reason: 'ugly' },
        })
      ).status,
    ).toBe(422);
    expect((await call(api.app, 'GET', '/api/forum/moderation', { token: helper.token })).status).toBe(403);
    const queue = await call(api.app, 'GET', '/api/forum/moderation', { token: staff });
    expect(queue.json.queue.find((item: { postId: number }) => item.postId === bad)).toMatchObject({
      flags: 1,
      reasons: ['spam'],
    });

    const hidden = await call(api.app, 'POST', `/api/forum/posts/${bad}/moderation`, {
      token: staff,
      json: { action: 'hide', note: 'Reklame er ikke tilladt.' },
    });
    expect(hidden.status, hidden.text).toBe(200);
    expect((await thread(id)).json.posts.map((p: { id: number }) => p.id)).not.toContain(bad);
    expect((await thread(id, other.token)).json.posts.map((p: { id: number }) => p.id)).not.toContain(bad);
    expect((await thread(id, staff)).json.posts.find((p: { id: number }) => p.id === bad).hidden).toBe(true);
    expect((await call(api.app, 'GET', `/api/forum/posts/${bad}/revisions`)).status).toBe(404);
    expect(
      (await call(api.app, 'PUT', `/api/forum/posts/${bad}`, { token: other.token, json: { body: 'x' } }))
        .status,
    ).toBe(404);
    const mail = await api.db
      .selectFrom('email_outbox')
      .select(['subject', 'text_body'])
      .where('kind', '=', 'forum-moderation')
      .execute();
    expect(mail.some((m) => m.text_body.includes('Reklame er ikke tilladt.'))).toBe(true);
    const queueAfter = await call(api.app, 'GET', '/api/forum/moderation', { token: staff });
    expect(queueAfter.json.queue.map((item: { postId: number }) => item.postId)).not.toContain(bad);
    const jobs = await api.db
      .selectFrom('jobs')
      .select('payload')
      .where('type', '=', 'search.index')
      .execute();
    expect(jobs.map((job) => job.payload)).toContainEqual({ type: 'post', id: String(bad) });

    expect(
      (
        await call(api.app, 'POST', `/api/forum/posts/${bad}/moderation`, {
          token: staff,
          json: { action: 'restore' },
        })
      ).status,
    ).toBe(200);
    expect((await thread(id)).json.posts.map((p: { id: number }) => p.id)).toContain(bad);

    const locked = await call(api.app, 'POST', `/api/forum/threads/${id}/moderation`, {
      token: staff,
      json: { locked: true, category: 'kvinder' },
    });
    expect(locked.status, locked.text).toBe(200);
    const afterLock = await thread(id, helper.token);
    expect(afterLock.json.thread).toMatchObject({ locked: true, category: { slug: 'kvinder' } });
    expect(afterLock.json.viewer.canReply).toBe(false);
    expect(
      (
        await call(api.app, 'POST', `/api/forum/threads/${id}/posts`, {
          token: helper.token,
          json: { body: 'Sent svar' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call(api.app, 'POST', `/api/forum/threads/${id}/moderation`, {
          token: staff,
          json: { category: 'findes-ikke' },
        })
      ).status,
    ).toBe(422);
  });

  it('hides a whole thread when its question is hidden: not in lists, counts or reads', async () => {
    const { id, postId } = await ask({ title: 'Skjult spørgsmål', category: 'sundhed-og-trivsel' });
    const before = (await call(api.app, 'GET', '/api/forum/categories/sundhed-og-trivsel')).json.total;
    await call(api.app, 'POST', `/api/forum/posts/${postId}/moderation`, {
      token: staff,
      json: { action: 'hide' },
    });
    expect((await thread(id)).status).toBe(404);
    expect((await thread(id, asker.token)).status).toBe(404);
    expect((await thread(id, staff)).status).toBe(200);
    expect((await call(api.app, 'GET', '/api/forum/categories/sundhed-og-trivsel')).json.total).toBe(
      before - 1,
    );
    const counts = (await call(api.app, 'GET', '/api/forum/categories')).json.categories;
    expect(counts.find((c: { slug: string }) => c.slug === 'sundhed-og-trivsel').threads).toBe(before - 1);
    expect(
      (
        await call(api.app, 'POST', `/api/forum/threads/${id}/posts`, {
          token: helper.token,
          json: { body: 'x' },
        })
      ).status,
    ).toBe(404);
  });

  it('turns an accepted answer into a resource, linked both ways', async () => {
    const { id } = await ask({
      title: 'Hvor finder jeg skemaet til tolkebestilling?',
      category: 'viden-og-videndeling',
    });
    const answer = await reply(id, 'Skemaet ligger på intranettet under **Tolke**.');
    expect((await call(api.app, 'POST', `/api/forum/threads/${id}/resource`, { token: staff })).status).toBe(
      409,
    );
    await call(api.app, 'POST', `/api/forum/threads/${id}/accepted-answer`, {
      token: asker.token,
      json: { postId: answer },
    });
    expect(
      (await call(api.app, 'POST', `/api/forum/threads/${id}/resource`, { token: helper.token })).status,
    ).toBe(403);
    const made = await call(api.app, 'POST', `/api/forum/threads/${id}/resource`, { token: staff });
    expect(made.status, made.text).toBe(201);
    const resource = (await call(api.app, 'GET', `/api/resources/${made.json.slug}`)).json.resource;
    expect(resource.sourceThread).toEqual({ id, title: 'Hvor finder jeg skemaet til tolkebestilling?' });
    expect(resource.bodyHtml).toContain('<strong>Tolke</strong>');
    expect(resource.focusAreas.map((a: { slug: string }) => a.slug)).toEqual(['viden-og-videndeling']);
    expect((await thread(id)).json.thread.resourceSlug).toBe(made.json.slug);
    expect((await call(api.app, 'POST', `/api/forum/threads/${id}/resource`, { token: staff })).status).toBe(
      409,
    );
  });

  it('puts a user’s posts, follows and flags in their data export', async () => {
    const writer = await member('Eva Eksport');
    const { id, postId } = await ask({ title: 'Til eksport' }, writer.token);
    await call(api.app, 'POST', `/api/forum/posts/${postId}/flags`, {
      token: helper.token,
      json: { reason: 'other' },
    });
    const res = await call(api.app, 'GET', '/api/me/export', { token: writer.token });
    expect(res.status).toBe(200);
    expect(res.json.knowledge.forumPosts).toEqual([
      expect.objectContaining({ id: postId, threadId: id, threadTitle: 'Til eksport' }),
    ]);
    expect(res.json.knowledge.forumFollows).toEqual([expect.objectContaining({ threadId: id })]);
    const helperExport = await call(api.app, 'GET', '/api/me/export', { token: helper.token });
    expect(helperExport.json.knowledge.forumFlags).toContainEqual(
      expect.objectContaining({ postId, reason: 'other' }),
    );
  });

  it('shows posts of a deleted account as "slettet bruger"', async () => {
    const gone = await member('Gitte Går');
    const { id } = await ask({ title: 'Fra en, der går' }, gone.token);
    await reply(id, 'Et svar fra hende', gone.token);
    await api.db.deleteFrom('users').where('id', '=', gone.id).execute();
    const res = await thread(id);
    expect(res.status).toBe(200);
    expect(res.json.thread.authorName).toBe('slettet bruger');
    expect(res.json.posts.map((p: { authorName: string }) => p.authorName)).toEqual([
      'slettet bruger',
      'slettet bruger',
    ]);
  });

  it('refuses bad input with field messages and changes nothing', async () => {
    const count = async () =>
      Number(
        (
          await api.db
            .selectFrom('forum_posts')
            .select(api.db.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ category: 'generelt', kind: 'poll', title: 'x', body: 'y' }, 'kind'],
      [{ category: 'generelt', kind: 'question', title: '', body: 'y' }, 'title'],
      [{ category: 'generelt', kind: 'question', title: 'x'.repeat(201), body: 'y' }, 'title'],
      [{ category: 'generelt', kind: 'question', title: 'x', body: 'y'.repeat(20_001) }, 'body'],
      [{ category: 'generelt', kind: 'question', title: 'x', body: 42 }, 'body'],
      [{ category: 'findes-ikke', kind: 'question', title: 'x', body: 'y' }, 'category'],
      [{ category: 'Generelt!', kind: 'question', title: 'x', body: 'y' }, 'category'],
      [{ kind: 'question', title: 'x', body: 'y' }, 'category'],
    ];
    for (const [json, field] of cases) {
      const res = await call(api.app, 'POST', '/api/forum/threads', { token: asker.token, json });
      expect(res.status, res.text).toBe(422);
      expect(Object.keys(res.json.error.fields)).toContain(field);
    }
    expect((await call(api.app, 'POST', '/api/forum/threads', { json: cases[0]?.[0] })).status).toBe(401);
    const foreign = await call(api.app, 'POST', '/api/forum/threads', {
      headers: { cookie: 'brobygger_session=abc' },
      origin: 'https://evil.example',
      json: { category: 'generelt', kind: 'question', title: 'x', body: 'y' },
    });
    expect(foreign.status).toBe(403);
    expect(
      (
        await call(api.app, 'POST', '/api/forum/threads/987654/posts', {
          token: asker.token,
          json: { body: 'x' },
        })
      ).status,
    ).toBe(404);
    expect((await call(api.app, 'GET', '/api/forum/threads/abc')).status).toBe(400);
    expect(
      (
        await call(api.app, 'POST', '/api/forum/follows', {
          token: asker.token,
          json: { target: 'thread', id: '987654' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(api.app, 'POST', '/api/forum/unsubscribe', { json: { token: 'a'.repeat(32) } })).status,
    ).toBe(400);
    expect((await call(api.app, 'POST', '/api/forum/unsubscribe', { json: { token: '../x' } })).status).toBe(
      422,
    );
    expect(await count()).toBe(before);
  });
});
