import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApi } from '../../test-support.ts';

const day = 24 * 60 * 60 * 1000;
const inDays = (days: number, hour = 16) => {
  const date = new Date(Date.now() + days * day);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
};

describe.each(testDatabaseKinds())('associations and activities on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let staff: string;
  let userCount = 0;

  const person = async (name = 'Person') => {
    userCount += 1;
    const email = `a${userCount}@example.dk`;
    const user = await api.db
      .insertInto('users')
      .values({ email, password_hash: 'x', display_name: `${name} ${userCount}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: user.id, email, token: (await createSession(api.db, user.id)).token };
  };
  const register = async (token: string, extra: Record<string, unknown> = {}) => {
    const res = await call(api.app, 'POST', '/api/associations', {
      token,
      json: {
        name: `Forening ${userCount}`,
        description: 'Vi spiller bold.',
        languages: ['ti', 'ar'],
        ...extra,
      },
    });
    if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.text}`);
    return res.json.association as { id: number; slug: string };
  };
  const activity = (extra: Record<string, unknown> = {}) => ({
    title: 'Fodbold for alle',
    startsAt: inDays(5),
    endsAt: inDays(5, 18),
    address: 'Stadion Allé 1, Skanderborg',
    languages: ['da', 'ti'],
    ...extra,
  });
  const snapshot = async () => ({
    associations: await api.db.selectFrom('associations').selectAll().orderBy('id').execute(),
    roles: await api.db.selectFrom('user_roles').selectAll().orderBy('id').execute(),
    events: await api.db.selectFrom('events').select(['id', 'status']).orderBy('id').execute(),
    invitations: await api.db.selectFrom('association_invitations').select(['id', 'used_at']).execute(),
  });
  const tokenFromMail = async (to: string) => {
    const mail = await api.db
      .selectFrom('email_outbox')
      .select('text_body')
      .where('to_address', '=', to)
      .where('kind', '=', 'association-invitation')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return mail.text_body.match(/invitation\/([a-z2-7.]+)/)?.[1] as string;
  };

  beforeAll(async () => {
    api = await createTestApi(kind);
    await seedDemoAccounts(api.db);
    const user = await findUserByEmail(api.db, 'medarbejder@brobygger.test');
    staff = (await createSession(api.db, user?.id as string)).token;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('registers a pending association (the registrant is its admin) that only staff and members see', async () => {
    const owner = await person('Ejer');
    const association = await register(owner.token, { cvr: '29 18 97 22', name: 'Tigrinya Kulturforening' });
    expect(association.slug).toBe('tigrinya-kulturforening');
    const list = await call(api.app, 'GET', '/api/associations');
    expect(list.json.associations.map((a: { slug: string }) => a.slug)).not.toContain(association.slug);
    expect((await call(api.app, 'GET', `/api/associations/${association.slug}`)).status).toBe(404);
    const mine = await call(api.app, 'GET', `/api/associations/${association.slug}`, { token: owner.token });
    expect(mine.json.membership).toMatchObject({ myRole: 'admin', canManage: true });
    const pending = await call(api.app, 'GET', '/api/admin/associations/pending', { token: staff });
    expect(pending.json.associations.map((a: { slug: string }) => a.slug)).toContain(association.slug);

    const verified = await call(api.app, 'POST', `/api/associations/${association.slug}/verify`, {
      token: staff,
    });
    expect(verified.status).toBe(200);
    const after = await call(api.app, 'GET', '/api/associations?q=tigrinya');
    expect(after.json.associations).toEqual([
      expect.objectContaining({ slug: association.slug, languages: ['ti', 'ar'] }),
    ]);
    const byId = await call(api.app, 'GET', `/api/associations/${association.id}`);
    expect(byId.json.association.slug).toBe(association.slug);
    const publicView = await call(api.app, 'GET', `/api/associations/${association.slug}`);
    expect(publicView.json.membership).toBeNull();
    expect(publicView.json.association.cvr).toBe('29189722');
    const jobs = await api.db
      .selectFrom('jobs')
      .select('payload')
      .where('type', '=', 'search.index')
      .execute();
    expect(jobs.map((job) => job.payload)).toContainEqual({
      type: 'association',
      id: String(association.id),
    });
  });

  it('refuses bad input with field messages and changes nothing', async () => {
    const owner = await person();
    const before = await snapshot();
    const bad: [unknown, string][] = [
      [{ name: 'Klub', cvr: '29189723' }, 'cvr'],
      [{ name: 'Klub', cvr: '1234' }, 'cvr'],
      [{ name: 'Klub', languages: ['xx'] }, 'languages.0'],
      [{ name: 'x'.repeat(151) }, 'name'],
      [{ name: 42 }, 'name'],
      [{}, 'name'],
      [{ name: 'Klub', focusAreas: ['findes-ikke'] }, 'focusAreas'],
      [{ name: 'Klub', website: 'javascript:alert(1)' }, 'website'],
      [{ name: 'Klub', verified: true }, '_'],
    ];
    for (const [json, field] of bad) {
      const res = await call(api.app, 'POST', '/api/associations', { token: owner.token, json });
      expect(res.status, JSON.stringify(json)).toBe(422);
      if (field !== '_') expect(Object.keys(res.json.error.fields), JSON.stringify(json)).toContain(field);
    }
    const foreign = await call(api.app, 'POST', '/api/associations', {
      cookie: `brobygger_session=${owner.token}`,
      origin: 'https://evil.example',
      json: { name: 'Ond forening' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error.message).toContain('andet websted');
    expect(await snapshot()).toEqual(before);
  });

  it('invites by a link used once, only by the invited address; keeps an admin; scopes members', async () => {
    const owner = await person('Ejer');
    const invited = await person('Inviteret');
    const stranger = await person('Fremmed');
    const association = await register(owner.token);
    const path = `/api/associations/${association.slug}`;

    expect(
      (
        await call(api.app, 'POST', `${path}/invitations`, {
          token: stranger.token,
          json: { email: invited.email },
        })
      ).status,
    ).toBe(403);
    const invite = await call(api.app, 'POST', `${path}/invitations`, {
      token: owner.token,
      json: { email: invited.email.toUpperCase(), role: 'member' },
    });
    expect(invite.status).toBe(201);
    const token = await tokenFromMail(invited.email);
    const about = await call(api.app, 'GET', `/api/association-invitations/${token}`);
    expect(about.json).toMatchObject({ role: 'member', usable: true });
    expect(about.json.email).not.toBe(invited.email);

    const before = await snapshot();
    const wrongPerson = await call(api.app, 'POST', `/api/association-invitations/${token}/accept`, {
      token: stranger.token,
    });
    expect(wrongPerson.status).toBe(403);
    expect(wrongPerson.json.error.message).toMatch(/anden e-mailadresse/);
    expect(await snapshot()).toEqual(before);
    const forged = await call(
      api.app,
      'POST',
      `/api/association-invitations/${token.slice(0, -2)}aa/accept`,
      {
        token: invited.token,
      },
    );
    expect(forged.status).toBe(400);

    const accepted = await call(api.app, 'POST', `/api/association-invitations/${token}/accept`, {
      token: invited.token,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json.role).toBe('member');
    const twice = await call(api.app, 'POST', `/api/association-invitations/${token}/accept`, {
      token: invited.token,
    });
    expect(twice.status).toBe(400);

    // The member sees the members; the association's admin role cannot disappear.
    const asMember = await call(api.app, 'GET', path, { token: invited.token });
    expect(asMember.json.membership.members).toHaveLength(2);
    expect(asMember.json.membership.canManage).toBe(false);
    const lastAdmin = await call(api.app, 'PUT', `${path}/members/${owner.id}`, {
      token: owner.token,
      json: { role: 'member' },
    });
    expect(lastAdmin.status).toBe(409);
    expect(
      (await call(api.app, 'DELETE', `${path}/members/${owner.id}`, { token: owner.token })).status,
    ).toBe(409);
    const memberPromotes = await call(api.app, 'PUT', `${path}/members/${invited.id}`, {
      token: invited.token,
      json: { role: 'admin' },
    });
    expect(memberPromotes.status).toBe(403);
    expect(
      (
        await call(api.app, 'PUT', `${path}/members/${owner.id}`, {
          token: owner.token,
          json: { role: 'owner' },
        })
      ).status,
    ).toBe(422);

    // Handing over: make the other admin, then step down.
    expect(
      (
        await call(api.app, 'PUT', `${path}/members/${invited.id}`, {
          token: owner.token,
          json: { role: 'admin' },
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await call(api.app, 'PUT', `${path}/members/${owner.id}`, {
          token: owner.token,
          json: { role: 'member' },
        })
      ).status,
    ).toBe(204);
    const handedOver = await call(api.app, 'GET', path, { token: owner.token });
    expect(handedOver.json.membership).toMatchObject({ myRole: 'member', canManage: false });
    // The new admin removes the old one; a former member is then a stranger.
    expect(
      (await call(api.app, 'DELETE', `${path}/members/${owner.id}`, { token: invited.token })).status,
    ).toBe(204);
    expect((await call(api.app, 'GET', path, { token: owner.token })).status).toBe(404);
    expect(
      (
        await call(api.app, 'DELETE', `${path}/members/00000000-0000-4000-8000-000000000000`, {
          token: invited.token,
        })
      ).status,
    ).toBe(404);
  });

  it('refuses a member acting for another association', async () => {
    const ours = await person();
    const theirs = await person();
    await register(ours.token);
    const other = await register(theirs.token);
    const before = await snapshot();
    const path = `/api/associations/${other.slug}`;
    expect(
      (await call(api.app, 'PATCH', path, { token: ours.token, json: { name: 'Overtaget' } })).status,
    ).toBe(403);
    expect(
      (await call(api.app, 'POST', `${path}/activities`, { token: ours.token, json: activity() })).status,
    ).toBe(403);
    expect(
      (
        await call(api.app, 'POST', `${path}/invitations`, {
          token: ours.token,
          json: { email: 'x@example.dk' },
        })
      ).status,
    ).toBe(403);
    expect((await call(api.app, 'DELETE', path, { token: ours.token })).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('moderates a pending association’s activities and a verified one’s first three, then publishes at once', async () => {
    const owner = await person('Poster');
    const association = await register(owner.token);
    const path = `/api/associations/${association.slug}/activities`;

    const pendingPost = await call(api.app, 'POST', path, { token: owner.token, json: activity() });
    expect(pendingPost.status).toBe(201);
    expect(pendingPost.json.moderation).toBe('pending');
    expect(pendingPost.json.event).toMatchObject({ status: 'draft', associationId: association.id });
    expect(pendingPost.json.event.type.slug).toBe('activity');
    // Its members read it (a draft) to edit it; others do not.
    const own = await call(api.app, 'GET', `/api/activities/${pendingPost.json.event.id}`, {
      token: owner.token,
    });
    expect(own.json.event).toMatchObject({ status: 'draft', title: 'Fodbold for alle' });
    expect(
      (await call(api.app, 'GET', `/api/activities/${pendingPost.json.event.id}`, { token: staff })).status,
    ).toBe(403);
    // A pending association cannot publish directly.
    const direct = await call(api.app, 'POST', path, {
      token: owner.token,
      json: activity({ status: 'published' }),
    });
    expect(direct.status).toBe(422);
    expect(
      (
        await call(api.app, 'POST', `/api/events/${pendingPost.json.event.id}/publish`, {
          token: owner.token,
        })
      ).status,
    ).toBe(403);
    expect((await call(api.app, 'GET', `/api/events/${pendingPost.json.event.id}`)).status).toBe(404);

    const queue = await call(api.app, 'GET', '/api/admin/moderation', { token: staff });
    expect(queue.json.activities.map((a: { id: number }) => a.id)).toContain(pendingPost.json.event.id);

    // Reject with a reason, mailed to the poster.
    expect(
      (
        await call(api.app, 'POST', `/api/activities/${pendingPost.json.event.id}/reject`, {
          token: staff,
          json: {},
        })
      ).status,
    ).toBe(422);
    const rejected = await call(api.app, 'POST', `/api/activities/${pendingPost.json.event.id}/reject`, {
      token: staff,
      json: { reason: 'Mangler adresse på banen.' },
    });
    expect(rejected.status).toBe(204);
    const mail = await api.db
      .selectFrom('email_outbox')
      .select('text_body')
      .where('to_address', '=', owner.email)
      .where('kind', '=', 'activity-rejected')
      .executeTakeFirstOrThrow();
    expect(mail.text_body).toContain('Mangler adresse på banen.');
    expect(
      (await call(api.app, 'POST', `/api/activities/${pendingPost.json.event.id}/approve`, { token: staff }))
        .status,
    ).toBe(409);

    await call(api.app, 'POST', `/api/associations/${association.slug}/verify`, { token: staff });
    const ids: number[] = [];
    for (let n = 0; n < 3; n++) {
      const res = await call(api.app, 'POST', path, {
        token: owner.token,
        json: activity({ title: `Træning ${n}` }),
      });
      expect(res.json.moderation, `activity ${n}`).toBe('pending');
      ids.push(res.json.event.id);
      const approved = await call(api.app, 'POST', `/api/activities/${res.json.event.id}/approve`, {
        token: staff,
      });
      expect(approved.status).toBe(204);
    }
    expect(
      await api.db
        .selectFrom('email_outbox')
        .select('id')
        .where('kind', '=', 'activity-approved')
        .where('to_address', '=', owner.email)
        .execute(),
    ).toHaveLength(3);
    const fourth = await call(api.app, 'POST', path, {
      token: owner.token,
      json: activity({ title: 'Træning 4' }),
    });
    expect(fourth.json).toMatchObject({ moderation: 'published', event: { status: 'published' } });

    // The same sign-up as any event; the association sees the participants of its own activity only.
    const participant = await person('Deltager');
    expect(
      (
        await call(api.app, 'POST', `/api/events/${fourth.json.event.id}/registrations`, {
          token: participant.token,
        })
      ).status,
    ).toBe(201);
    const list = await call(api.app, 'GET', `/api/events/${fourth.json.event.id}/participants`, {
      token: owner.token,
    });
    expect(list.status).toBe(200);
    expect(list.json.participants).toHaveLength(1);
    const outsider = await person();
    await register(outsider.token);
    expect(
      (
        await call(api.app, 'GET', `/api/events/${fourth.json.event.id}/participants`, {
          token: outsider.token,
        })
      ).status,
    ).toBe(403);

    const profile = await call(api.app, 'GET', `/api/associations/${association.slug}`);
    expect(profile.json.association.activities.map((a: { id: number }) => a.id)).toEqual(
      expect.arrayContaining([...ids, fourth.json.event.id]),
    );

    // The association edits and (later) cancels its own activity with the events' own rules.
    const edited = await call(api.app, 'PATCH', `/api/activities/${fourth.json.event.id}`, {
      token: owner.token,
      json: { title: 'Træning 4 (ny tid)', capacity: 12 },
    });
    expect(edited.status).toBe(200);
    expect(edited.json.event).toMatchObject({
      title: 'Træning 4 (ny tid)',
      capacity: 12,
      status: 'published',
    });
    for (const token of [outsider.token, staff]) {
      const res = await call(api.app, 'PATCH', `/api/activities/${fourth.json.event.id}`, {
        token,
        json: { title: 'Overtaget' },
      });
      expect(res.status).toBe(403);
    }
    const typeChange = await call(api.app, 'PATCH', `/api/activities/${fourth.json.event.id}`, {
      token: owner.token,
      json: { typeId: 1 },
    });
    expect(typeChange.status).toBe(422);

    // Staff unpublish; the poster is told; the event is no longer public.
    const unpublished = await call(api.app, 'POST', `/api/activities/${fourth.json.event.id}/unpublish`, {
      token: staff,
      json: { reason: 'Dobbeltoprettet.' },
    });
    expect(unpublished.status).toBe(204);
    expect((await call(api.app, 'GET', `/api/events/${fourth.json.event.id}`)).status).toBe(404);
    expect(
      await api.db
        .selectFrom('email_outbox')
        .select('id')
        .where('kind', '=', 'activity-unpublished')
        .execute(),
    ).toHaveLength(1);
    expect(
      (
        await call(api.app, 'POST', `/api/activities/${fourth.json.event.id}/unpublish`, {
          token: staff,
          json: {},
        })
      ).status,
    ).toBe(409);
    const cancelled = await call(api.app, 'POST', `/api/activities/${fourth.json.event.id}/cancel`, {
      token: owner.token,
    });
    expect(cancelled.json.event.status).toBe('cancelled');
  });

  it('refuses wrong types, missing fields and too-long text on every write, changing nothing', async () => {
    const owner = await person();
    const association = await register(owner.token);
    const path = `/api/associations/${association.slug}`;
    const before = await snapshot();
    const cases: [string, string, unknown, number][] = [
      ['PATCH', path, { name: 7 }, 422],
      ['PATCH', path, { description: 'x'.repeat(5001) }, 422],
      ['PATCH', path, { cvr: '12345678' }, 422],
      ['PATCH', path, { languages: 'ti' }, 422],
      ['PATCH', path, { unknown: true }, 422],
      ['POST', `${path}/invitations`, {}, 422],
      ['POST', `${path}/invitations`, { email: `${'x'.repeat(250)}@example.dk` }, 422],
      ['POST', `${path}/invitations`, { email: 'ny@example.dk', role: 'owner' }, 422],
      ['PUT', `${path}/members/${owner.id}`, {}, 422],
      ['PUT', `${path}/members/ikke-et-id`, { role: 'member' }, 400],
      ['POST', `${path}/activities`, {}, 422],
      ['POST', `${path}/activities`, activity({ description: 'x'.repeat(20_001) }), 422],
      ['POST', '/api/activities/987654/reject', { reason: 'x'.repeat(1001) }, 422],
      ['POST', '/api/activities/987654/unpublish', { reason: 42 }, 422],
      ['POST', '/api/activities/987654/unpublish', { reason: 'ok' }, 404],
      ['POST', '/api/associations/findes-ikke/verify', undefined, 404],
    ];
    for (const [method, target, json, status] of cases) {
      const token = target.startsWith('/api/activities') || target.endsWith('/verify') ? staff : owner.token;
      const res = await call(api.app, method, target, { token, ...(json !== undefined ? { json } : {}) });
      expect(res.status, `${method} ${target} ${JSON.stringify(json)?.slice(0, 80)}`).toBe(status);
      expect(res.json.error.code).toBeTruthy();
    }
    // Not JSON, and a foreign Origin with a cookie session.
    const notJson = await call(api.app, 'PATCH', path, {
      token: owner.token,
      body: 'name=x',
      contentType: 'text/plain',
    });
    expect(notJson.status).toBe(415);
    const foreign = await call(api.app, 'POST', `${path}/activities`, {
      cookie: `brobygger_session=${owner.token}`,
      origin: 'https://evil.example',
      json: activity(),
    });
    expect(foreign.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('lets staff unpublish an activity staff made themselves too', async () => {
    const types = (await call(api.app, 'GET', '/api/event-types')).json.eventTypes as {
      id: number;
      slug: string;
    }[];
    const created = await call(api.app, 'POST', '/api/events', {
      token: staff,
      json: {
        ...activity({ title: 'Kommunens egen aktivitet' }),
        typeId: types.find((type) => type.slug === 'activity')?.id,
        organiserName: 'Integrationsteamet',
        status: 'published',
      },
    });
    expect(created.status).toBe(201);
    const id = created.json.event.id;
    const done = await call(api.app, 'POST', `/api/activities/${id}/unpublish`, {
      token: staff,
      json: { reason: 'Flyttet.' },
    });
    expect(done.status).toBe(204);
    expect((await call(api.app, 'GET', `/api/events/${id}`)).status).toBe(404);
    // Not an activity: not here (the events' own cancel is for that).
    const meeting = await call(api.app, 'POST', '/api/events', {
      token: staff,
      json: {
        ...activity({ title: 'Dialogmøde' }),
        typeId: types.find((type) => type.slug === 'dialogue-meeting')?.id,
        organiserName: 'Integrationsteamet',
        status: 'published',
      },
    });
    expect(
      (
        await call(api.app, 'POST', `/api/activities/${meeting.json.event.id}/unpublish`, {
          token: staff,
          json: {},
        })
      ).status,
    ).toBe(404);
  });

  it('answers unknown ids, wrong types and too-long text with 4xx', async () => {
    const owner = await person();
    const association = await register(owner.token);
    const path = `/api/associations/${association.slug}/activities`;
    expect(
      (await call(api.app, 'POST', path, { token: owner.token, json: activity({ title: 'x'.repeat(201) }) }))
        .status,
    ).toBe(422);
    expect(
      (await call(api.app, 'POST', path, { token: owner.token, json: activity({ capacity: 'ti' }) })).status,
    ).toBe(422);
    expect(
      (
        await call(api.app, 'POST', path, {
          token: owner.token,
          json: activity({ startsAt: inDays(-2), endsAt: inDays(-2, 18) }),
        })
      ).status,
    ).toBe(422);
    expect(
      (await call(api.app, 'POST', path, { token: owner.token, json: activity({ languages: ['xx'] }) }))
        .status,
    ).toBe(422);
    expect((await call(api.app, 'POST', '/api/activities/abc/approve', { token: staff })).status).toBe(400);
    expect((await call(api.app, 'POST', '/api/activities/987654/approve', { token: staff })).status).toBe(
      404,
    );
    expect((await call(api.app, 'GET', '/api/associations/Ikke%20en%20slug')).status).toBe(400);
    expect((await call(api.app, 'GET', '/api/associations?page=0')).status).toBe(400);
    expect((await call(api.app, 'GET', `/api/association-invitations/kort`)).status).toBe(400);
    expect(
      (
        await call(api.app, 'POST', `/api/associations/${association.slug}/invitations`, {
          token: owner.token,
          json: { email: 'ikke-en-adresse' },
        })
      ).status,
    ).toBe(422);
  });
});
