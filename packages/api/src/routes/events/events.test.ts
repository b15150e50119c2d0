import { createSession, hashPassword, seedDemoAccounts } from '@brobygger/auth';
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

describe.each(testDatabaseKinds())('events and sign-up on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let staff: string;
  let volunteer: string;
  let volunteerId: string;
  let typeId: number;
  let userCount = 0;

  const tokenFor = async (email: string) => {
    const user = await findUserByEmail(api.db, email);
    if (!user) throw new Error(`no demo user ${email}`);
    return { token: (await createSession(api.db, user.id)).token, id: user.id };
  };
  /** A fresh member with a session. */
  const member = async () => {
    userCount += 1;
    const user = await api.db
      .insertInto('users')
      .values({ email: `m${userCount}@example.dk`, password_hash: 'x', display_name: `Medlem ${userCount}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      id: user.id,
      token: (await createSession(api.db, user.id)).token,
      email: `m${userCount}@example.dk`,
    };
  };
  const validEvent = (extra: Record<string, unknown> = {}) => ({
    typeId,
    title: 'Inspirationsmøde om sprogcaféer',
    description: 'Kom og hør **mere**.',
    startsAt: inDays(10),
    endsAt: inDays(10, 18),
    address: 'Adelgade 44, 8660 Skanderborg',
    organiserName: 'Integrationsteamet',
    status: 'published',
    ...extra,
  });
  const createEvent = async (extra: Record<string, unknown> = {}) => {
    const res = await call(api.app, 'POST', '/api/events', { token: staff, json: validEvent(extra) });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    return res.json.event as { id: number };
  };
  const countEvents = async () =>
    Number(
      (await api.db.selectFrom('events').select(api.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
    );
  const mailsTo = async (to: string, kind: string) =>
    api.db
      .selectFrom('email_outbox')
      .selectAll()
      .where('to_address', '=', to)
      .where('kind', '=', kind)
      .execute();

  beforeAll(async () => {
    api = await createTestApi(kind);
    await seedDemoAccounts(api.db);
    staff = (await tokenFor('medarbejder@brobygger.test')).token;
    const frida = await tokenFor('frivillig@brobygger.test');
    volunteer = frida.token;
    volunteerId = frida.id;
    typeId = (
      await api.db
        .selectFrom('event_types')
        .select('id')
        .where('slug', '=', 'inspiration-meeting')
        .executeTakeFirstOrThrow()
    ).id;
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  it('lists the event types in Danish and English', async () => {
    const res = await call(api.app, 'GET', '/api/event-types');
    expect(res.status).toBe(200);
    expect(res.json.eventTypes.map((type: { slug: string }) => type.slug)).toEqual([
      'coordination-meeting',
      'inspiration-meeting',
      'dialogue-meeting',
      'activity',
    ]);
  });

  it('lets staff create, read and publish an event, with the description sanitised', async () => {
    const res = await call(api.app, 'POST', '/api/events', {
      token: staff,
      json: validEvent({
        status: 'draft',
        description:
          '# Velkommen\n\nTekst med <script>alert(1)</script> og [link](javascript:alert(1)) <img src=x onerror=alert(1)> **fed**\n\n<script>alert(2)</script>\n',
        capacity: 12,
        languages: ['da', 'ar'],
        focusAreas: ['kvinder'],
        stepFree: true,
      }),
    });
    expect(res.status, res.text).toBe(201);
    const event = res.json.event;
    expect(event).toMatchObject({ status: 'draft', capacity: 12, languages: ['ar', 'da'], seatsLeft: 12 });
    expect(event.focusAreas).toEqual([{ slug: 'kvinder', name: 'Kvinder' }]);
    expect(event.accessibility.stepFree).toBe(true);
    expect(event.mapUrl).toBe(
      'https://www.openstreetmap.org/search?query=Adelgade%2044%2C%208660%20Skanderborg',
    );
    expect(event.descriptionHtml).toContain('<h2>Velkommen</h2>');
    expect(event.descriptionHtml).toContain('<strong>fed</strong>');
    expect(event.descriptionHtml).not.toMatch(/script|javascript|onerror|<img/);

    // A draft is invisible to everyone but staff.
    expect((await call(api.app, 'GET', `/api/events/${event.id}`)).status).toBe(404);
    expect((await call(api.app, 'GET', `/api/events/${event.id}`, { token: volunteer })).status).toBe(404);
    expect((await call(api.app, 'GET', `/api/events/${event.id}`, { token: staff })).status).toBe(200);
    const signUpToDraft = await call(api.app, 'POST', `/api/events/${event.id}/registrations`, {
      token: volunteer,
    });
    expect(signUpToDraft.status).toBe(404);

    const published = await call(api.app, 'POST', `/api/events/${event.id}/publish`, { token: staff });
    expect(published.status).toBe(200);
    expect(published.json.event.status).toBe('published');
    const seen = await call(api.app, 'GET', `/api/events/${event.id}`);
    expect(seen.status).toBe(200);
    expect(seen.json.signUp).toEqual({ open: true, reason: null, message: null });
    expect(seen.json.myRegistration).toBeNull();
  });

  it('refuses bad events with field messages and changes nothing', async () => {
    const before = await countEvents();
    const bad = async (json: unknown, field: string, status = 422) => {
      const res = await call(api.app, 'POST', '/api/events', { token: staff, json });
      expect(res.status, `${field}: ${res.text}`).toBe(status);
      if (status === 422) expect(Object.keys(res.json.error.fields), res.text).toContain(field);
    };
    await bad(validEvent({ typeId: 'møde' }), 'typeId');
    await bad(validEvent({ typeId: 999_999 }), 'typeId');
    await bad({ ...validEvent(), title: undefined }, 'title');
    await bad(validEvent({ title: 'x'.repeat(201) }), 'title');
    await bad(validEvent({ description: 'x'.repeat(20_001) }), 'description');
    await bad(validEvent({ capacity: -1 }), 'capacity');
    await bad(validEvent({ endsAt: inDays(10, 15) }), 'endsAt');
    await bad(validEvent({ signupDeadline: inDays(11) }), 'signupDeadline');
    await bad(validEvent({ languages: ['klingon'] }), 'languages.0');
    await bad(validEvent({ languages: ['xx'] }), 'languages.0');
    await bad(validEvent({ focusAreas: ['findes-ikke'] }), 'focusAreas');
    await bad(validEvent({ startsAt: inDays(-2), endsAt: inDays(-2, 18) }), 'startsAt');
    await bad(validEvent({ address: null }), 'address');
    await bad(validEvent({ recurrence: { frequency: 'weekly' } }), 'recurrence.until');
    await bad(validEvent({ organiserUserId: '00000000-0000-4000-8000-000000000000' }), 'organiserUserId');
    await bad(validEvent({ surprise: true }), '_');
    // Not JSON, wrong role, not signed in, a foreign Origin.
    const text = await call(api.app, 'POST', '/api/events', {
      token: staff,
      body: 'x',
      contentType: 'text/plain',
    });
    expect(text.status).toBe(415);
    expect(
      (await call(api.app, 'POST', '/api/events', { token: volunteer, json: validEvent() })).status,
    ).toBe(403);
    expect((await call(api.app, 'POST', '/api/events', { json: validEvent() })).status).toBe(401);
    const { token: staffCookieSession } = await tokenFor('medarbejder@brobygger.test');
    const foreign = await call(api.app, 'POST', '/api/events', {
      cookie: `brobygger_session=${staffCookieSession}`,
      origin: 'https://evil.example',
      json: validEvent(),
    });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error.message).toContain('andet websted');
    expect(await countEvents()).toBe(before);
  });

  it('refuses bad ids and queries with 400, unknown ids with 404', async () => {
    expect((await call(api.app, 'GET', '/api/events/abc')).status).toBe(400);
    expect((await call(api.app, 'GET', '/api/events/99999999999')).status).toBe(400);
    expect((await call(api.app, 'GET', '/api/events/987654')).status).toBe(404);
    expect(
      (await call(api.app, 'POST', '/api/events/987654/registrations', { token: volunteer })).status,
    ).toBe(404);
    expect(
      (await call(api.app, 'DELETE', '/api/events/987654/registrations/me', { token: volunteer })).status,
    ).toBe(404);
    expect(
      (await call(api.app, 'PATCH', '/api/events/987654', { token: staff, json: { title: 'x' } })).status,
    ).toBe(404);
    expect((await call(api.app, 'POST', '/api/events/987654/cancel', { token: staff })).status).toBe(404);
    const bad = await call(
      api.app,
      'GET',
      `/api/events?page=0&from=2030-13-01&language=xx&q=${'x'.repeat(201)}`,
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['from', 'language', 'page', 'q']);
  });

  it('filters the list by date, type, focus area, language, accessibility, organiser and text, a page at a time', async () => {
    const activity = (
      await api.db
        .selectFrom('event_types')
        .select('id')
        .where('slug', '=', 'activity')
        .executeTakeFirstOrThrow()
    ).id;
    const far = 400; // days ahead: past every other test's events
    const a = await createEvent({
      title: 'Strikkecafé for alle',
      typeId: activity,
      startsAt: inDays(far),
      endsAt: inDays(far, 18),
      languages: ['uk'],
      hearingLoop: true,
      organiserName: 'Venner i Skanderborg',
    });
    const b = await createEvent({
      title: 'Dialogmøde om sundhed',
      startsAt: inDays(far + 1),
      endsAt: inDays(far + 1, 18),
      focusAreas: ['sundhed-og-trivsel'],
      childcare: true,
    });
    const draft = await createEvent({
      title: 'Hemmelig kladde',
      status: 'draft',
      startsAt: inDays(far + 2),
      endsAt: inDays(far + 2, 18),
    });
    const ids = async (query: string, token?: string) => {
      const res = await call(
        api.app,
        'GET',
        `/api/events?from=${inDays(far).slice(0, 10)}&${query}`,
        token ? { token } : {},
      );
      expect(res.status, res.text).toBe(200);
      return res.json.events.map((event: { id: number }) => event.id);
    };
    expect(await ids('')).toEqual([a.id, b.id]);
    // Drafts are never in the public list, not even for staff; they have their own.
    expect(await ids('', staff)).toEqual([a.id, b.id]);
    const drafts = await call(api.app, 'GET', `/api/event-drafts?from=${inDays(far).slice(0, 10)}`, {
      token: staff,
    });
    expect(drafts.json.events.map((event: { id: number }) => event.id)).toEqual([draft.id]);
    expect((await call(api.app, 'GET', '/api/event-drafts', { token: volunteer })).status).toBe(403);
    expect(await ids('type=activity')).toEqual([a.id]);
    expect(await ids('focusArea=sundhed-og-trivsel')).toEqual([b.id]);
    expect(await ids('language=uk')).toEqual([a.id]);
    expect(await ids('hearingLoop=true')).toEqual([a.id]);
    expect(await ids('childcare=on')).toEqual([b.id]);
    expect(await ids('organiser=venner')).toEqual([a.id]);
    expect(await ids('q=strikke%20caf%C3%A9')).toEqual([a.id]);
    expect(await ids('q=%25')).toEqual([]);
    expect(await ids(`to=${inDays(far).slice(0, 10)}`)).toEqual([a.id]);
    const page2 = await call(api.app, 'GET', `/api/events?from=${inDays(far).slice(0, 10)}&page=2`);
    expect(page2.json).toMatchObject({ events: [], total: 2, page: 2, pageSize: 20 });
  });

  it('shows a sign-up in the public list at once, although the list is kept for a second', async () => {
    const event = await createEvent({ capacity: 3, startsAt: inDays(500), endsAt: inDays(500, 18) });
    const list = async () => {
      const res = await call(api.app, 'GET', `/api/events?from=${inDays(500).slice(0, 10)}`);
      return res.json.events.find((item: { id: number }) => item.id === event.id);
    };
    expect((await list()).confirmed).toBe(0);
    // The list was just kept; a sign-up through this process clears the copy at once.
    const m = await member();
    await call(api.app, 'POST', `/api/events/${event.id}/registrations`, { token: m.token });
    expect(await list()).toMatchObject({ confirmed: 1, seatsLeft: 2 });
  });

  it('signs up, answers the same twice, waitlists with positions and promotes on cancel', async () => {
    const event = await createEvent({ capacity: 2 });
    const path = `/api/events/${event.id}/registrations`;
    const [m1, m2, m3, m4] = [await member(), await member(), await member(), await member()];
    const first = await call(api.app, 'POST', path, { token: m1.token });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ status: 'confirmed' });
    const again = await call(api.app, 'POST', path, { token: m1.token });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ status: 'confirmed' });
    expect((await call(api.app, 'POST', path, { token: m2.token })).json).toEqual({ status: 'confirmed' });
    expect((await call(api.app, 'POST', path, { token: m3.token })).json).toEqual({
      status: 'waitlisted',
      position: 1,
    });
    expect((await call(api.app, 'POST', path, { token: m4.token })).json).toEqual({
      status: 'waitlisted',
      position: 2,
    });
    expect((await call(api.app, 'POST', path, { token: m4.token })).json).toEqual({
      status: 'waitlisted',
      position: 2,
    });
    expect(await mailsTo(m1.email, 'event-signed-up')).toHaveLength(1);
    expect(await mailsTo(m3.email, 'event-waitlisted')).toHaveLength(1);

    const detail = await call(api.app, 'GET', `/api/events/${event.id}`, { token: m4.token });
    expect(detail.json.event).toMatchObject({ confirmed: 2, waitlisted: 2, seatsLeft: 0 });
    expect(detail.json.myRegistration).toMatchObject({ status: 'waitlisted', position: 2 });

    // m1 cancels: m3 gets the seat at once and is told; m4 moves up.
    const cancelled = await call(api.app, 'DELETE', `${path}/me`, { token: m1.token });
    expect(cancelled.status).toBe(204);
    expect(await mailsTo(m3.email, 'event-promoted')).toHaveLength(1);
    const mine = await call(api.app, 'GET', '/api/me/events', { token: m4.token });
    expect(mine.json.registrations).toMatchObject([
      { status: 'waitlisted', position: 1, event: { id: event.id } },
    ]);
    expect(
      (await call(api.app, 'GET', '/api/me/events', { token: m3.token })).json.registrations[0].status,
    ).toBe('confirmed');
    // Cancelling again: not signed up any more. Someone else's registration has no address at all.
    expect((await call(api.app, 'DELETE', `${path}/me`, { token: m1.token })).status).toBe(404);
    const registrationOfM2 = await api.db
      .selectFrom('event_registrations')
      .select('id')
      .where('user_id', '=', m2.id)
      .executeTakeFirstOrThrow();
    const other = await call(api.app, 'DELETE', `${path}/${registrationOfM2.id}`, { token: m1.token });
    expect(other.status).toBe(404);
    expect(
      (await call(api.app, 'GET', '/api/me/events', { token: m2.token })).json.registrations,
    ).toHaveLength(1);
    // Signing up again after cancelling queues at the back.
    expect((await call(api.app, 'POST', path, { token: m1.token })).json).toEqual({
      status: 'waitlisted',
      position: 2,
    });
    expect((await call(api.app, 'POST', path, {})).status).toBe(401);
    const foreign = await call(api.app, 'POST', path, {
      cookie: `brobygger_session=${m2.token}`,
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error.message).toContain('andet websted');
  });

  it('publishes only a draft that has not begun, and never a cancelled one', async () => {
    const draft = await createEvent({ status: 'draft' });
    await api.db
      .updateTable('events')
      .set({ starts_at: new Date(Date.now() - 3600_000), ends_at: new Date(Date.now() + 3600_000) })
      .where('id', '=', draft.id)
      .execute();
    const late = await call(api.app, 'POST', `/api/events/${draft.id}/publish`, { token: staff });
    expect(late.status).toBe(422);
    expect(late.json.error.fields.startsAt).toBeDefined();
    const cancelled = await createEvent({ status: 'draft' });
    await call(api.app, 'POST', `/api/events/${cancelled.id}/cancel`, { token: staff });
    expect(
      (await call(api.app, 'POST', `/api/events/${cancelled.id}/publish`, { token: staff })).status,
    ).toBe(409);
    expect(
      (await call(api.app, 'POST', `/api/events/${cancelled.id}/publish`, { token: volunteer })).status,
    ).toBe(403);
    const statuses = await api.db
      .selectFrom('events')
      .select('status')
      .where('id', 'in', [draft.id, cancelled.id])
      .orderBy('id')
      .execute();
    expect(statuses.map((row) => row.status)).toEqual(['draft', 'cancelled']);
  });

  it('refuses sign-up to cancelled, past and closed events', async () => {
    const cancelled = await createEvent();
    await call(api.app, 'POST', `/api/events/${cancelled.id}/cancel`, { token: staff });
    const closed = await createEvent({ signupDeadline: inDays(3) });
    await api.db
      .updateTable('events')
      .set({ signup_deadline: new Date(Date.now() - 60_000) })
      .where('id', '=', closed.id)
      .execute();
    const past = await createEvent();
    await api.db
      .updateTable('events')
      .set({
        starts_at: new Date(Date.now() - 3 * 3600_000),
        ends_at: new Date(Date.now() - 3600_000),
        signup_deadline: null,
      })
      .where('id', '=', past.id)
      .execute();
    for (const [event, message] of [
      [cancelled, 'aflyst'],
      [closed, 'fristen'],
      [past, 'begyndt'],
    ] as const) {
      const res = await call(api.app, 'POST', `/api/events/${event.id}/registrations`, { token: volunteer });
      expect(res.status, res.text).toBe(409);
      expect(res.json.error.message).toContain(message);
    }
    const count = await api.db
      .selectFrom('event_registrations')
      .select(api.db.fn.countAll().as('n'))
      .where('event_id', 'in', [cancelled.id, closed.id, past.id])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
    const seen = await call(api.app, 'GET', `/api/events/${closed.id}`);
    expect(seen.json.signUp).toMatchObject({ open: false, reason: 'closed' });
  });

  it('refuses capacity below the confirmed count, promotes when it is raised, and tells of new times and cancellation', async () => {
    const event = await createEvent({ capacity: 2 });
    const people = [await member(), await member(), await member(), await member()];
    for (const person of people)
      await call(api.app, 'POST', `/api/events/${event.id}/registrations`, { token: person.token });
    const lower = await call(api.app, 'PATCH', `/api/events/${event.id}`, {
      token: staff,
      json: { capacity: 1 },
    });
    expect(lower.status).toBe(422);
    expect(lower.json.error.fields.capacity[0]).toContain('2 bekræftede');
    expect((await call(api.app, 'GET', `/api/events/${event.id}`)).json.event.capacity).toBe(2);
    const negative = await call(api.app, 'PATCH', `/api/events/${event.id}`, {
      token: staff,
      json: { capacity: -5 },
    });
    expect(negative.status).toBe(422);
    const endBeforeStart = await call(api.app, 'PATCH', `/api/events/${event.id}`, {
      token: staff,
      json: { endsAt: inDays(9) },
    });
    expect(endBeforeStart.status).toBe(422);
    expect(endBeforeStart.json.error.fields.endsAt).toBeDefined();
    expect(
      (await call(api.app, 'PATCH', `/api/events/${event.id}`, { token: volunteer, json: { capacity: 9 } }))
        .status,
    ).toBe(403);

    const wrongTypes = await call(api.app, 'PATCH', `/api/events/${event.id}`, {
      token: staff,
      json: { capacity: 'ti', title: 'x'.repeat(201), languages: 'da', startsAt: inDays(-3), extra: 1 },
    });
    expect(wrongTypes.status).toBe(422);
    expect(Object.keys(wrongTypes.json.error.fields).sort()).toEqual(['_', 'capacity', 'languages', 'title']);
    const past = await call(api.app, 'PATCH', `/api/events/${event.id}`, {
      token: staff,
      json: { startsAt: inDays(-3), endsAt: inDays(-3, 18) },
    });
    expect(past.status).toBe(422);
    expect(past.json.error.fields.startsAt).toBeDefined();
    expect(
      (
        await call(api.app, 'PATCH', `/api/events/${event.id}`, {
          token: staff,
          body: '{',
          contentType: 'application/json',
        })
      ).status,
    ).toBe(400);
    expect((await call(api.app, 'GET', `/api/events/${event.id}`)).json.event).toMatchObject({
      capacity: 2,
      title: validEvent().title,
    });

    const raised = await call(api.app, 'PATCH', `/api/events/${event.id}`, {
      token: staff,
      json: { capacity: 3 },
    });
    expect(raised.status, raised.text).toBe(200);
    expect(raised.json.event).toMatchObject({ capacity: 3, confirmed: 3, waitlisted: 1 });
    expect(await mailsTo(people[2]?.email as string, 'event-promoted')).toHaveLength(1);
    expect(await mailsTo(people[3]?.email as string, 'event-promoted')).toHaveLength(0);

    // A new title tells nobody; a new place tells everyone signed up (waitlist included).
    await call(api.app, 'PATCH', `/api/events/${event.id}`, { token: staff, json: { title: 'Nyt navn' } });
    for (const person of people) expect(await mailsTo(person.email, 'event-changed')).toHaveLength(0);
    const moved = await call(api.app, 'PATCH', `/api/events/${event.id}`, {
      token: staff,
      json: { address: 'Biblioteket, Skanderborg', startsAt: inDays(11), endsAt: inDays(11, 18) },
    });
    expect(moved.status, moved.text).toBe(200);
    for (const person of people) expect(await mailsTo(person.email, 'event-changed')).toHaveLength(1);
    const changed = (await mailsTo(people[0]?.email as string, 'event-changed'))[0];
    expect(changed?.text_body).toContain('Biblioteket, Skanderborg');

    const cancel = await call(api.app, 'POST', `/api/events/${event.id}/cancel`, { token: staff });
    expect(cancel.json.event.status).toBe('cancelled');
    for (const person of people) expect(await mailsTo(person.email, 'event-cancelled')).toHaveLength(1);
    // Twice changes nothing; editing a cancelled event is refused.
    await call(api.app, 'POST', `/api/events/${event.id}/cancel`, { token: staff });
    for (const person of people) expect(await mailsTo(person.email, 'event-cancelled')).toHaveLength(1);
    expect(
      (await call(api.app, 'PATCH', `/api/events/${event.id}`, { token: staff, json: { title: 'x' } }))
        .status,
    ).toBe(409);
    // My page still shows it, as cancelled.
    const mine = await call(api.app, 'GET', '/api/me/events', { token: people[0]?.token as string });
    expect(
      mine.json.registrations.find((r: { event: { id: number } }) => r.event.id === event.id).event.status,
    ).toBe('cancelled');
  });

  it('exports my sign-ups, and on deleting my account gives my seat to the waitlist and forgets me', async () => {
    const event = await createEvent({ capacity: 1 });
    const leaving = await api.db
      .insertInto('users')
      .values({
        email: 'farvel@example.dk',
        password_hash: await hashPassword('farvel-kodeord-1'),
        display_name: 'Farvel',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const token = (await createSession(api.db, leaving.id)).token;
    const waiting = await member();
    await call(api.app, 'POST', `/api/events/${event.id}/registrations`, { token });
    await call(api.app, 'POST', `/api/events/${event.id}/registrations`, { token: waiting.token });
    const exported = await call(api.app, 'GET', '/api/me/export', { token });
    expect(exported.json.eventRegistrations).toMatchObject([
      { event: { id: event.id }, status: 'confirmed' },
    ]);
    const deleted = await call(api.app, 'DELETE', '/api/me', {
      token,
      json: { password: 'farvel-kodeord-1' },
    });
    expect(deleted.status, deleted.text).toBe(204);
    const left = await api.db
      .selectFrom('event_registrations')
      .select(['user_id', 'status'])
      .where('event_id', '=', event.id)
      .execute();
    expect(left).toEqual([{ user_id: waiting.id, status: 'confirmed' }]);
    expect(await mailsTo(waiting.email, 'event-promoted')).toHaveLength(1);
  });

  it('shows my page only to me', async () => {
    expect((await call(api.app, 'GET', '/api/me/events')).status).toBe(401);
    const res = await call(api.app, 'GET', '/api/me/events', { token: volunteer });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(volunteerId).toBeTruthy();
  });
});
