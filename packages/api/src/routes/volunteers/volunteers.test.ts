import { createSession, hashPassword, seedDemoAccounts } from '@brobygger/auth';
import { createUser, findUserByEmail, seedDemoVolunteers } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApi } from '../../test-support.ts';

const day = 24 * 60 * 60 * 1000;
const inDays = (days: number, hour = 16) => {
  const date = new Date(Date.now() + days * day);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
};
const password = 'et-godt-kodeord-1';

describe.each(testDatabaseKinds())('volunteers on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let staff: string;
  let passwordHash: string;
  let typeId: number;
  let count = 0;

  const person = async (name: string) => {
    count += 1;
    const email = `v${count}@example.dk`;
    await createUser(api.db, { email, passwordHash, displayName: name, emailVerified: true });
    const user = await findUserByEmail(api.db, email);
    if (!user) throw new Error('no user');
    return { id: user.id, email, token: (await createSession(api.db, user.id)).token };
  };
  const saveProfile = (token: string, json: unknown) =>
    call(api.app, 'PUT', '/api/volunteers/me', { token, json });
  const createEvent = async (extra: Record<string, unknown> = {}) => {
    const res = await call(api.app, 'POST', '/api/events', {
      token: staff,
      json: {
        typeId,
        title: 'Sundhedsdag',
        startsAt: inDays(7),
        endsAt: inDays(7, 19),
        address: 'Adelgade 44, Skanderborg',
        organiserName: 'Integrationsteamet',
        status: 'published',
        focusAreas: ['sundhed-og-trivsel'],
        ...extra,
      },
    });
    if (res.status !== 201) throw new Error(res.text);
    return res.json.event.id as number;
  };

  beforeAll(async () => {
    api = await createTestApi(kind);
    await seedDemoAccounts(api.db);
    passwordHash = await hashPassword(password);
    const user = await findUserByEmail(api.db, 'medarbejder@brobygger.test');
    staff = (await createSession(api.db, user?.id as string)).token;
    typeId = (await call(api.app, 'GET', '/api/event-types')).json.eventTypes[0].id;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('keeps a profile invisible to staff without consent, and withdrawing consent hides it again', async () => {
    const volunteer = await person('Semhar Tesfay');
    const saved = await saveProfile(volunteer.token, {
      skills: ['interpreting', 'homework-help'],
      skillsOther: 'Kan køre bil',
      languages: [
        { language: 'ti', level: 'native' },
        { language: 'da', level: 'good' },
      ],
      availability: ['tue-evening', 'sat-morning'],
      interests: ['sundhed-og-trivsel'],
      presentation: 'Jeg kom til Skanderborg i 2016.',
      consent: false,
    });
    expect(saved.status).toBe(200);
    expect(saved.json.profile).toMatchObject({ consent: false, interests: [{ slug: 'sundhed-og-trivsel' }] });
    const hidden = await call(api.app, 'GET', `/api/volunteers/${volunteer.id}`, { token: staff });
    expect(hidden.status).toBe(404);
    expect(hidden.json.error.message).toMatch(/samtykke/);
    expect((await call(api.app, 'GET', '/api/volunteers?language=ti', { token: staff })).json.total).toBe(0);

    await saveProfile(volunteer.token, {
      ...saved.json.profile,
      interests: ['sundhed-og-trivsel'],
      consent: true,
      userId: undefined,
      name: undefined,
    }).then(
      (res) => expect(res.status).toBe(422), // the view's extra fields are refused
    );
    const consented = await saveProfile(volunteer.token, {
      skills: ['interpreting'],
      languages: [{ language: 'ti', level: 'native' }],
      availability: ['tue-evening'],
      interests: ['sundhed-og-trivsel'],
      consent: true,
    });
    expect(consented.json.profile.consent).toBe(true);
    const found = await call(
      api.app,
      'GET',
      '/api/volunteers?language=ti&level=fluent&skill=interpreting&availability=tue-evening&interest=sundhed-og-trivsel',
      {
        token: staff,
      },
    );
    expect(found.json.volunteers.map((v: { userId: string }) => v.userId)).toEqual([volunteer.id]);
    // The search is a shared read, kept until a profile changes: the answer given before the
    // consent is not given again, and every member of staff gets the same bytes.
    const byLanguage = await call(api.app, 'GET', '/api/volunteers?language=ti', { token: staff });
    expect(byLanguage.json.total).toBe(1);
    const admin = await findUserByEmail(api.db, 'admin@brobygger.test');
    const adminToken = (await createSession(api.db, admin?.id as string)).token;
    expect((await call(api.app, 'GET', '/api/volunteers?language=ti', { token: adminToken })).text).toBe(
      byLanguage.text,
    );
    for (const query of ['language=ar', 'skill=cooking', 'availability=mon-morning', 'interest=kvinder']) {
      expect(
        (await call(api.app, 'GET', `/api/volunteers?${query}`, { token: staff })).json.total,
        query,
      ).toBe(0);
    }
    const read = await call(api.app, 'GET', `/api/volunteers/${volunteer.id}`, { token: staff });
    expect(read.status).toBe(200);
    expect(read.json.volunteer.languages).toEqual([{ language: 'ti', level: 'native' }]);

    // Another volunteer cannot read it; withdrawing consent hides it at once.
    const other = await person('Anden Frivillig');
    expect(
      (await call(api.app, 'GET', `/api/volunteers/${volunteer.id}`, { token: other.token })).status,
    ).toBe(403);
    expect((await call(api.app, 'GET', '/api/volunteers', { token: other.token })).status).toBe(403);
    await saveProfile(volunteer.token, { languages: [{ language: 'ti', level: 'native' }], consent: false });
    expect((await call(api.app, 'GET', `/api/volunteers/${volunteer.id}`, { token: staff })).status).toBe(
      404,
    );
    expect((await call(api.app, 'GET', '/api/volunteers?language=ti', { token: staff })).json.total).toBe(0);
    // Given again, then withdrawn by another process (straight in the database): gone from the
    // search once this process's counter check comes round.
    await saveProfile(volunteer.token, { languages: [{ language: 'ti', level: 'native' }], consent: true });
    expect((await call(api.app, 'GET', '/api/volunteers?language=ti', { token: staff })).json.total).toBe(1);
    await api.db
      .updateTable('volunteer_profiles')
      .set({ consent_at: null })
      .where('user_id', '=', volunteer.id)
      .execute();
    await new Promise((resolve) => setTimeout(resolve, (api.deps.publicCache?.checkIntervalMs ?? 0) + 50));
    expect((await call(api.app, 'GET', '/api/volunteers?language=ti', { token: staff })).json.total).toBe(0);
  });

  it('seeds the demo volunteer once, findable by staff by Tigrinya', async () => {
    expect(await seedDemoVolunteers(api.db)).toBe(1);
    expect(await seedDemoVolunteers(api.db)).toBe(0);
    const found = await call(api.app, 'GET', '/api/volunteers?language=ti&level=native', { token: staff });
    expect(found.json.volunteers.map((v: { name: string }) => v.name)).toContain('Frida Frivillig');
  });

  it('refuses bad profiles and search filters, changing nothing', async () => {
    const volunteer = await person('Bad Input');
    await saveProfile(volunteer.token, { presentation: 'Før', consent: true });
    const bad: [unknown, string][] = [
      [{ languages: [{ language: 'xx', level: 'good' }] }, 'languages.0.language'],
      [{ languages: [{ language: 'ti', level: 'expert' }] }, 'languages.0.level'],
      [{ availability: ['mon-night'] }, 'availability.0'],
      [{ skills: ['flying'] }, 'skills.0'],
      [{ presentation: 'x'.repeat(2001) }, 'presentation'],
      [{ interests: ['findes-ikke'] }, 'interests'],
      [{ consent: 'ja' }, 'consent'],
      [[], '_'],
    ];
    for (const [json, field] of bad) {
      const res = await saveProfile(volunteer.token, json);
      expect(res.status, JSON.stringify(json)).toBe(422);
      if (field !== '_') expect(Object.keys(res.json.error.fields)).toContain(field);
    }
    const mine = await call(api.app, 'GET', '/api/volunteers/me', { token: volunteer.token });
    expect(mine.json.profile).toMatchObject({ presentation: 'Før', consent: true, languages: [] });
    for (const query of [
      'language=klingon',
      'level=perfect',
      'skill=x',
      'availability=x',
      'page=0',
      `interest=${'x'.repeat(300)}`,
    ]) {
      expect((await call(api.app, 'GET', `/api/volunteers?${query}`, { token: staff })).status, query).toBe(
        400,
      );
    }
    expect((await call(api.app, 'GET', '/api/volunteers/ikke-et-id', { token: staff })).status).toBe(400);
    const foreign = await call(api.app, 'PUT', '/api/volunteers/me', {
      cookie: `brobygger_session=${volunteer.token}`,
      origin: 'https://evil.example',
      json: { consent: false },
    });
    expect(foreign.status).toBe(403);
  });

  it('ranks volunteers for an event by the languages it asks for and invites them with one action', async () => {
    const eventId = await createEvent();
    const native = await person('Aaron Tigrinya');
    const basic = await person('Bea Basic');
    const both = await person('Carl Begge');
    const noConsent = await person('Dina Diskret');
    await saveProfile(native.token, { languages: [{ language: 'ti', level: 'native' }], consent: true });
    await saveProfile(basic.token, { languages: [{ language: 'ti', level: 'basic' }], consent: true });
    await saveProfile(both.token, {
      languages: [
        { language: 'ti', level: 'basic' },
        { language: 'prs', level: 'basic' },
      ],
      consent: true,
    });
    await saveProfile(noConsent.token, { languages: [{ language: 'ti', level: 'native' }], consent: false });

    expect(
      (
        await call(api.app, 'PUT', `/api/events/${eventId}/volunteer-languages`, {
          token: staff,
          json: { languages: ['xx'] },
        })
      ).status,
    ).toBe(422);
    const set = await call(api.app, 'PUT', `/api/events/${eventId}/volunteer-languages`, {
      token: staff,
      json: { languages: ['ti', 'prs'] },
    });
    expect(set.status).toBe(200);
    const ids = set.json.matches.map((m: { userId: string }) => m.userId);
    const ours = new Set([both.id, native.id, basic.id, noConsent.id]);
    expect(ids.filter((id: string) => ours.has(id))).toEqual([both.id, native.id, basic.id]);
    expect(ids).not.toContain(noConsent.id);

    for (const [method, target, json] of [
      ['PUT', 'volunteer-languages', {}],
      ['PUT', 'volunteer-languages', { languages: 'ti' }],
      ['PUT', 'volunteer-languages', { languages: Array.from({ length: 11 }, () => 'ti') }],
      ['POST', 'volunteer-invitations', { userIds: [] }],
      ['POST', 'volunteer-invitations', { userIds: ['ikke-et-id'] }],
      ['POST', 'volunteer-invitations', {}],
    ] as const) {
      const res = await call(api.app, method, `/api/events/${eventId}/${target}`, { token: staff, json });
      expect(res.status, `${target} ${JSON.stringify(json)}`).toBe(422);
    }
    expect(
      (
        await call(api.app, 'POST', `/api/events/${eventId}/volunteer-invitations`, {
          token: native.token,
          json: { userIds: [native.id] },
        })
      ).status,
    ).toBe(403);
    const notMatching = await call(api.app, 'POST', `/api/events/${eventId}/volunteer-invitations`, {
      token: staff,
      json: { userIds: [noConsent.id] },
    });
    expect(notMatching.status).toBe(422);
    const invited = await call(api.app, 'POST', `/api/events/${eventId}/volunteer-invitations`, {
      token: staff,
      json: { userIds: [both.id, native.id] },
    });
    expect(invited.json).toEqual({ invited: 2, alreadyInvited: 0 });
    const again = await call(api.app, 'POST', `/api/events/${eventId}/volunteer-invitations`, {
      token: staff,
      json: { userIds: [both.id] },
    });
    expect(again.json).toEqual({ invited: 0, alreadyInvited: 1 });
    const mail = await api.db
      .selectFrom('email_outbox')
      .select('text_body')
      .where('to_address', '=', native.email)
      .where('kind', '=', 'volunteer-invitation')
      .executeTakeFirstOrThrow();
    expect(mail.text_body).toContain(`/arrangementer/${eventId}`);
    const after = await call(api.app, 'GET', `/api/events/${eventId}/volunteer-matches`, { token: staff });
    expect(after.json.matches.find((m: { userId: string }) => m.userId === native.id).invited).toBe(true);
    expect(
      (await call(api.app, 'GET', '/api/events/987654/volunteer-matches', { token: staff })).status,
    ).toBe(404);
  });

  it('shows a volunteer their history and hours, staff their attendance, and keeps only a count after erasure', async () => {
    const volunteer = await person('Historik Hansen');
    await saveProfile(volunteer.token, { languages: [{ language: 'ar', level: 'fluent' }], consent: true });
    const eventId = await createEvent({
      title: 'Lektiecafé',
      startsAt: inDays(3, 15),
      endsAt: inDays(3, 17),
    });
    const signUp = await call(api.app, 'POST', `/api/events/${eventId}/registrations`, {
      token: volunteer.token,
    });
    expect(signUp.status).toBe(201);
    const registration = await api.db
      .selectFrom('event_registrations')
      .select('id')
      .where('user_id', '=', volunteer.id)
      .executeTakeFirstOrThrow();
    const marked = await call(
      api.app,
      'POST',
      `/api/events/${eventId}/participants/${registration.id}/attendance`,
      {
        token: staff,
        json: { attended: true },
      },
    );
    expect(marked.status).toBe(200);
    const history = await call(api.app, 'GET', '/api/volunteers/me/history', { token: volunteer.token });
    expect(history.json).toMatchObject({ attendedCount: 1, hours: 2 });
    expect(history.json.events[0]).toMatchObject({ eventId, title: 'Lektiecafé', attended: true, hours: 2 });
    const staffView = await call(api.app, 'GET', `/api/volunteers/${volunteer.id}`, { token: staff });
    expect(staffView.json.attended.map((e: { eventId: number }) => e.eventId)).toEqual([eventId]);

    // A membership and the export.
    const created = await call(api.app, 'POST', '/api/associations', {
      token: volunteer.token,
      json: { name: 'Hansens Lektiehjælp' },
    });
    expect(created.status).toBe(201);
    const successor = await person('Efterfølger');
    await api.db
      .insertInto('user_roles')
      .values({
        user_id: successor.id,
        role: 'association_member',
        association_id: created.json.association.id,
      })
      .execute();
    const exported = await call(api.app, 'GET', '/api/me/export', { token: volunteer.token });
    expect(exported.json.volunteerProfile).toMatchObject({
      languages: [{ language: 'ar', level: 'fluent' }],
    });
    expect(exported.json.associationMemberships).toEqual([
      { association: 'Hansens Lektiehjælp', slug: 'hansens-lektiehjaelp', role: 'admin' },
    ]);
    expect(exported.json.eventRegistrations).toHaveLength(1);

    const deleted = await call(api.app, 'DELETE', '/api/me', { token: volunteer.token, json: { password } });
    expect(deleted.status).toBe(204);
    expect(
      await api.db
        .selectFrom('volunteer_profiles')
        .select('user_id')
        .where('user_id', '=', volunteer.id)
        .execute(),
    ).toEqual([]);
    expect(
      await api.db.selectFrom('event_registrations').select('id').where('event_id', '=', eventId).execute(),
    ).toEqual([]);
    const kept = await api.db
      .selectFrom('event_erased_attendance')
      .select('attended')
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();
    expect(kept.attended).toBe(1);
    // The association keeps an admin: its remaining member.
    const roles = await api.db
      .selectFrom('user_roles')
      .select(['user_id', 'role'])
      .where('association_id', '=', created.json.association.id)
      .execute();
    expect(roles).toEqual([{ user_id: successor.id, role: 'association_admin' }]);
  });
});
