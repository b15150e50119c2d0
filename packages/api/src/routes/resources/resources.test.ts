import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApi } from '../../test-support.ts';

describe.each(testDatabaseKinds())('the resource library on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let staff: string;
  let frida: string;
  let volunteer: string;
  let association: string;

  const tokenFor = async (email: string) => {
    const user = await findUserByEmail(api.db, email);
    if (!user) throw new Error(`no demo user ${email}`);
    return (await createSession(api.db, user.id)).token;
  };
  const validResource = (extra: Record<string, unknown> = {}) => ({
    kind: 'guide',
    title: 'Sådan bestiller du tolk',
    summary: 'Tolkebistand til samtaler med borgere.',
    body: 'Ring til **tolkeservice** i god tid.',
    audience: 'public',
    focusAreas: ['viden-og-videndeling'],
    tags: ['Tolk', 'sprog'],
    ...extra,
  });
  const create = async (extra: Record<string, unknown> = {}) => {
    const res = await call(api.app, 'POST', '/api/resources', { token: staff, json: validResource(extra) });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    return res.json.resource as { slug: string; revision: number };
  };
  const countRows = async (table: 'resources' | 'resource_revisions' | 'resource_suggestions') =>
    Number((await api.db.selectFrom(table).select(api.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    api = await createTestApi(kind);
    await seedDemoAccounts(api.db);
    staff = await tokenFor('medarbejder@brobygger.test');
    frida = await tokenFor('frivillig@brobygger.test');
    association = await tokenFor('forening@brobygger.test');
    const user = await api.db
      .insertInto('users')
      .values({ email: 'vol@example.dk', password_hash: 'x', display_name: 'Vera Frivillig' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await api.db.insertInto('user_roles').values({ user_id: user.id, role: 'volunteer' }).execute();
    volunteer = (await createSession(api.db, user.id)).token;
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  it('lets staff write a resource: revision 1, tags, focus areas, sanitised body, an index job', async () => {
    const res = await call(api.app, 'POST', '/api/resources', { token: staff, json: validResource() });
    expect(res.status, res.text).toBe(201);
    const resource = res.json.resource;
    expect(resource.slug).toBe('saadan-bestiller-du-tolk');
    expect(resource.revision).toBe(1);
    expect(resource.tags).toEqual(['sprog', 'tolk']);
    expect(resource.focusAreas.map((area: { slug: string }) => area.slug)).toEqual(['viden-og-videndeling']);
    expect(resource.bodyHtml).toContain('<strong>tolkeservice</strong>');
    expect(resource.needsReview).toBe(false);
    const jobs = await api.db
      .selectFrom('jobs')
      .select('payload')
      .where('type', '=', 'search.index')
      .execute();
    expect(jobs.map((job) => job.payload)).toContainEqual({ type: 'resource', id: expect.any(String) });
    const second = await create();
    expect(second.slug).toBe('saadan-bestiller-du-tolk-2');
  });

  it('renders hostile Markdown inert', async () => {
    const body = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(1)">',
      '[klik](javascript:alert(1))',
      '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '<a href="JaVaScRiPt:alert(1)">x</a>',
      '<div onclick="alert(1)">tekst</div>',
      `${'> '.repeat(5000)}dybt`,
      `${'['.repeat(20000)}`,
    ].join('\n\n');
    const res = await call(api.app, 'POST', '/api/resources', {
      token: staff,
      json: validResource({ title: 'Fjendtlig tekst', body }),
    });
    expect(res.status, res.text).toBe(201);
    const html: string = res.json.resource.bodyHtml;
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|data:text/i);
    expect(html).not.toContain('<img');
    expect((html.match(/<blockquote>/g) ?? []).length).toBeLessThanOrEqual(24);
  });

  it('keeps every edit as a revision, shows a diff between two and lets staff restore one', async () => {
    const { slug } = await create({ title: 'Frivilligkoordinering' });
    const edited = await call(api.app, 'PUT', `/api/resources/${slug}`, {
      token: staff,
      json: validResource({
        title: 'Frivilligkoordinering',
        body: 'Ring til **koordinatoren** først.',
        note: 'Ny tekst',
      }),
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json.resource.revision).toBe(2);

    const history = await call(api.app, 'GET', `/api/resources/${slug}/revisions`);
    expect(history.status).toBe(200);
    expect(history.json.revisions.map((r: { number: number }) => r.number)).toEqual([2, 1]);
    expect(history.json.revisions[0].note).toBe('Ny tekst');
    expect(history.json.revisions[0].authorName).toBe('Mette Medarbejder');

    const diff = await call(api.app, 'GET', `/api/resources/${slug}/diff?from=1&to=2`);
    expect(diff.status, diff.text).toBe(200);
    const body = diff.json.fields.find((field: { field: string }) => field.field === 'body');
    expect(body.changed).toBe(true);
    expect(
      body.parts
        .filter((p: { added: boolean }) => p.added)
        .map((p: { value: string }) => p.value)
        .join(''),
    ).toContain('koordinatoren');
    expect(diff.json.fields.find((field: { field: string }) => field.field === 'title').changed).toBe(false);

    const restored = await call(api.app, 'POST', `/api/resources/${slug}/revisions/1/restore`, {
      token: staff,
    });
    expect(restored.status, restored.text).toBe(200);
    expect(restored.json.resource.revision).toBe(3);
    expect(restored.json.resource.body).toBe('Ring til **tolkeservice** i god tid.');

    // A stale edit (from revision 2) is a conflict and changes nothing.
    const stale = await call(api.app, 'PUT', `/api/resources/${slug}`, {
      token: staff,
      json: validResource({ title: 'Frivilligkoordinering', baseRevision: 2 }),
    });
    expect(stale.status).toBe(409);
    expect((await call(api.app, 'GET', `/api/resources/${slug}`)).json.resource.revision).toBe(3);

    expect((await call(api.app, 'GET', `/api/resources/${slug}/diff?from=1&to=99`)).status).toBe(422);
    expect((await call(api.app, 'GET', `/api/resources/${slug}/diff?from=x&to=2`)).status).toBe(400);
    expect(
      (await call(api.app, 'POST', `/api/resources/${slug}/revisions/3/restore`, { token: staff })).status,
    ).toBe(409);
    expect(
      (await call(api.app, 'POST', `/api/resources/${slug}/revisions/1/restore`, { token: frida })).status,
    ).toBe(403);
  });

  it('holds the audience rules in the list, the counts, the tags, the page, the history and suggestions', async () => {
    const secret = await create({ title: 'Intern telefonliste', audience: 'staff', tags: ['hemmelig'] });
    const forVolunteers = await create({
      title: 'Til frivillige',
      audience: 'volunteers',
      tags: ['frivillig'],
    });
    const forAssociations = await create({ title: 'Til foreninger', audience: 'associations' });
    const titles = async (token?: string) => {
      const res = await call(api.app, 'GET', '/api/resources?q=til%20&page=1', token ? { token } : {});
      const all = await call(api.app, 'GET', '/api/resources', token ? { token } : {});
      return { q: res.json.resources.map((r: { title: string }) => r.title), all: all.json };
    };
    const anonymous = await titles();
    expect(anonymous.all.resources.map((r: { slug: string }) => r.slug)).not.toContain(secret.slug);
    expect(anonymous.q).not.toContain('Til frivillige');
    const staffView = await titles(staff);
    expect(staffView.all.total).toBe(anonymous.all.total + 3);
    expect((await titles(volunteer)).q).toContain('Til frivillige');
    expect((await titles(volunteer)).q).not.toContain('Til foreninger');
    expect((await titles(association)).q).toContain('Til foreninger');
    // Frida (a demo volunteer) sees the volunteers' resource too, nothing for staff.
    expect((await titles(frida)).all.total).toBe(anonymous.all.total + 1);

    const tags = await call(api.app, 'GET', '/api/resource-tags');
    expect(tags.json.tags.map((t: { tag: string }) => t.tag)).not.toContain('hemmelig');
    expect(
      (await call(api.app, 'GET', '/api/resource-tags', { token: staff })).json.tags.map(
        (t: { tag: string }) => t.tag,
      ),
    ).toContain('hemmelig');

    for (const path of [
      `/api/resources/${secret.slug}`,
      `/api/resources/${secret.slug}/revisions`,
      `/api/resources/${secret.slug}/diff?from=1&to=1`,
    ]) {
      expect((await call(api.app, 'GET', path)).status).toBe(404);
      expect((await call(api.app, 'GET', path, { token: frida })).status).toBe(404);
      expect((await call(api.app, 'GET', path, { token: staff })).status).toBe(200);
    }
    expect(
      (await call(api.app, 'GET', `/api/resources/${forVolunteers.slug}`, { token: volunteer })).status,
    ).toBe(200);
    expect((await call(api.app, 'GET', `/api/resources/${forVolunteers.slug}`)).status).toBe(404);
    expect(
      (await call(api.app, 'GET', `/api/resources/${forAssociations.slug}`, { token: volunteer })).status,
    ).toBe(404);

    const before = await countRows('resource_suggestions');
    const suggestion = { title: 'Intern telefonliste', body: 'Nyt nummer', note: 'Nummeret er skiftet' };
    const denied = await call(api.app, 'POST', `/api/resources/${secret.slug}/suggestions`, {
      token: frida,
      json: suggestion,
    });
    expect(denied.status).toBe(404);
    expect(await countRows('resource_suggestions')).toBe(before);
  });

  it('lets anyone signed in suggest a change that staff accept (a revision) or reject', async () => {
    const { slug } = await create({ title: 'Sprogcaféer' });
    const anonymous = await call(api.app, 'POST', `/api/resources/${slug}/suggestions`, {
      json: { title: 'Sprogcaféer', body: 'x', note: 'y' },
    });
    expect(anonymous.status).toBe(401);
    const missingNote = await call(api.app, 'POST', `/api/resources/${slug}/suggestions`, {
      token: frida,
      json: { title: 'Sprogcaféer', body: 'x' },
    });
    expect(missingNote.status).toBe(422);
    expect(missingNote.json.error.fields.note).toBeDefined();
    const first = await call(api.app, 'POST', `/api/resources/${slug}/suggestions`, {
      token: frida,
      json: {
        title: 'Sprogcaféer i Skanderborg',
        body: 'Hver tirsdag i biblioteket.',
        note: 'Tilføjet tidspunkt',
      },
    });
    expect(first.status, first.text).toBe(201);
    const second = await call(api.app, 'POST', `/api/resources/${slug}/suggestions`, {
      token: frida,
      json: { title: 'Sprogcaféer', body: 'Spam', note: 'Spam' },
    });
    expect(second.status).toBe(201);

    const pending = await call(api.app, 'GET', '/api/resource-suggestions', { token: staff });
    expect(pending.status).toBe(200);
    expect(pending.json.suggestions.map((s: { id: number }) => s.id)).toEqual(
      expect.arrayContaining([first.json.id, second.json.id]),
    );
    expect((await call(api.app, 'GET', '/api/resource-suggestions', { token: frida })).status).toBe(403);
    expect(
      (
        await call(api.app, 'POST', `/api/resource-suggestions/${first.json.id}/decision`, {
          token: frida,
          json: { decision: 'accept' },
        })
      ).status,
    ).toBe(403);

    const accepted = await call(api.app, 'POST', `/api/resource-suggestions/${first.json.id}/decision`, {
      token: staff,
      json: { decision: 'accept' },
    });
    expect(accepted.status, accepted.text).toBe(200);
    const resource = (await call(api.app, 'GET', `/api/resources/${slug}`)).json.resource;
    expect(resource.title).toBe('Sprogcaféer i Skanderborg');
    expect(resource.revision).toBe(2);
    const rejected = await call(api.app, 'POST', `/api/resource-suggestions/${second.json.id}/decision`, {
      token: staff,
      json: { decision: 'reject', note: 'Ikke relevant' },
    });
    expect(rejected.json.status).toBe('rejected');
    expect((await call(api.app, 'GET', `/api/resources/${slug}`)).json.resource.revision).toBe(2);
    const again = await call(api.app, 'POST', `/api/resource-suggestions/${second.json.id}/decision`, {
      token: staff,
      json: { decision: 'accept' },
    });
    expect(again.status).toBe(409);
    expect(
      (
        await call(api.app, 'POST', '/api/resource-suggestions/999999/decision', {
          token: staff,
          json: { decision: 'accept' },
        })
      ).status,
    ).toBe(404);
  });

  it('lists resources not reviewed for a year to staff, and a review takes one off', async () => {
    const { slug } = await create({ title: 'Gammel vejledning' });
    await api.db
      .updateTable('resources')
      .set({ last_reviewed_at: new Date(Date.now() - 400 * 24 * 60 * 60 * 1000) })
      .where('slug', '=', slug)
      .execute();
    const due = await call(api.app, 'GET', '/api/resource-reviews', { token: staff });
    expect(due.status).toBe(200);
    expect(due.json.resources.map((r: { slug: string }) => r.slug)).toContain(slug);
    expect((await call(api.app, 'GET', `/api/resources/${slug}`)).json.resource.needsReview).toBe(true);
    expect((await call(api.app, 'GET', '/api/resource-reviews', { token: frida })).status).toBe(403);
    const reviewed = await call(api.app, 'POST', `/api/resources/${slug}/review`, { token: staff });
    expect(reviewed.status).toBe(200);
    expect(reviewed.json.resource.needsReview).toBe(false);
    const after = await call(api.app, 'GET', '/api/resource-reviews', { token: staff });
    expect(after.json.resources.map((r: { slug: string }) => r.slug)).not.toContain(slug);
  });

  it('keeps anonymous list answers a moment, never serves them to the signed-in, and drops them on a change', async () => {
    const secret = await create({ title: 'Kun for personalet', audience: 'staff' });
    const first = await call(api.app, 'GET', '/api/resources?q=personalet');
    expect(first.json.total).toBe(0);
    // The same query signed in: the staff member's own answer, not the anonymous copy.
    const signedIn = await call(api.app, 'GET', '/api/resources?q=personalet', { token: staff });
    expect(signedIn.json.resources.map((r: { slug: string }) => r.slug)).toEqual([secret.slug]);
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
    // A new public resource shows at once to anonymous callers in this process.
    await create({ title: 'Offentlig vejledning for personalet', audience: 'public' });
    const after = await call(api.app, 'GET', '/api/resources?q=personalet');
    expect(after.json.total).toBe(1);
  });

  it('refuses bad input with field messages and changes nothing', async () => {
    const before = await countRows('resources');
    const cases: [Record<string, unknown>, string][] = [
      [validResource({ kind: 'poem' }), 'kind'],
      [validResource({ title: '' }), 'title'],
      [validResource({ title: 'x'.repeat(201) }), 'title'],
      [validResource({ title: 42 }), 'title'],
      [validResource({ body: 'x'.repeat(50_001) }), 'body'],
      [validResource({ audience: 'everyone' }), 'audience'],
      [validResource({ tags: ['<script>'] }), 'tags.0'],
      [validResource({ tags: 'tolk' }), 'tags'],
      [validResource({ focusAreas: ['findes-ikke'] }), 'focusAreas'],
      [validResource({ url: 'javascript:alert(1)' }), 'url'],
      [validResource({ extra: 1 }), ''],
      [{}, 'kind'],
    ];
    for (const [json, field] of cases) {
      const res = await call(api.app, 'POST', '/api/resources', { token: staff, json });
      expect(res.status, `${JSON.stringify(json).slice(0, 80)} ${res.text}`).toBe(422);
      if (field) expect(Object.keys(res.json.error.fields ?? {})).toContain(field);
    }
    expect(await countRows('resources')).toBe(before);
    expect(
      (await call(api.app, 'POST', '/api/resources', { token: frida, json: validResource() })).status,
    ).toBe(403);
    expect((await call(api.app, 'POST', '/api/resources', { json: validResource() })).status).toBe(401);
    const foreign = await call(api.app, 'POST', '/api/resources', {
      token: staff,
      json: validResource(),
      headers: { cookie: 'brobygger_session=x' },
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(
      (await call(api.app, 'PUT', '/api/resources/findes-ikke', { token: staff, json: validResource() }))
        .status,
    ).toBe(404);
    expect((await call(api.app, 'GET', '/api/resources/Ugyldig_Slug')).status).toBe(400);
    expect((await call(api.app, 'GET', '/api/resources?page=0')).status).toBe(400);
    expect((await call(api.app, 'GET', '/api/resources?kind=poem')).status).toBe(400);
    expect(await countRows('resources')).toBe(before);
  });
});
