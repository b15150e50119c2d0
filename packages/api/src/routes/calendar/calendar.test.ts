// Calendar files and feeds through the API; the files are read back with ical.js.
import { createSession, hashSecret, seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, insertEvent, insertRegistration } from '../../event-extras-test-support.ts';
import { eventCalendarAttachment } from '../../services/event-calendar/index.ts';
import { call, createTestApi } from '../../test-support.ts';

function events(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

describe.each(testDatabaseKinds())('calendar files and feeds on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  const users: Record<string, { token: string; id: string }> = {};
  let published: number;
  let draft: number;
  let cancelled: number;
  let other: number;

  beforeAll(async () => {
    api = await createTestApi(kind);
    await seedDemoAccounts(api.db);
    for (const email of ['frivillig@brobygger.test', 'medarbejder@brobygger.test', 'admin@brobygger.test']) {
      const user = await findUserByEmail(api.db, email);
      if (!user) throw new Error(email);
      users[email.split('@')[0] as string] = {
        id: user.id,
        token: (await createSession(api.db, user.id)).token,
      };
    }
    published = await insertEvent(api.db, {
      title: 'Dialogmøde, med kaffe; og kage',
      online_url: 'https://meet.example/x',
    });
    draft = await insertEvent(api.db, { status: 'draft', published_at: null, title: 'Kladde' });
    cancelled = await insertEvent(api.db, { status: 'cancelled', cancelled_at: new Date(), title: 'Aflyst' });
    other = await insertEvent(api.db, { title: 'Et andet møde' });
    await insertEvent(api.db, {
      title: 'Gammelt',
      starts_at: new Date(Date.now() - 90 * day),
      ends_at: new Date(Date.now() - 90 * day + 3_600_000),
    });
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  it('serves one event as .ics with its UID, times in UTC, place, URL and status', async () => {
    const res = await call(api.app, 'GET', `/api/events/${published}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="arrangement-${published}.ics"`,
    );
    const [event] = events(res.text);
    expect(event?.uid).toBe(`event-${published}@localhost`);
    expect(event?.summary).toBe('Dialogmøde, med kaffe; og kage');
    expect(event?.location).toBe('Adelgade 44, 8660 Skanderborg');
    expect(event?.description).toContain('Online: https://meet.example/x');
    expect(event?.component.getFirstPropertyValue('url')).toBe(
      `http://localhost:3000/arrangementer/${published}`,
    );
    expect(event?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event?.startDate.zone?.tzid).toBe('UTC');
    const row = await api.db
      .selectFrom('events')
      .select(['starts_at', 'ends_at'])
      .where('id', '=', published)
      .executeTakeFirstOrThrow();
    expect(event?.startDate.toJSDate().getTime()).toBe(Math.floor(row.starts_at.getTime() / 1000) * 1000);
    expect(event?.endDate.toJSDate().getTime()).toBe(Math.floor(row.ends_at.getTime() / 1000) * 1000);
  });

  it('also answers at the contract’s /api/events/:id.ics, and /api/events/:id still reads the event', async () => {
    const file = await call(api.app, 'GET', `/api/events/${published}.ics`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(events(file.text)[0]?.uid).toBe(`event-${published}@localhost`);
    expect((await call(api.app, 'GET', `/api/events/${published}`)).json.event.id).toBe(published);
    expect((await call(api.app, 'GET', `/api/events/${draft}.ics`)).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/events/99999999999.ics')).status).toBe(400);
    expect((await call(api.app, 'GET', '/api/events/abc.ics')).status).toBe(400);
  });

  it('a cancelled event is STATUS:CANCELLED; a draft, an unknown id and a bad id are not served', async () => {
    const res = await call(api.app, 'GET', `/api/events/${cancelled}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(events(res.text)[0]?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect((await call(api.app, 'GET', `/api/events/${draft}/calendar.ics`)).status).toBe(404);
    expect(
      (await call(api.app, 'GET', `/api/events/${draft}/calendar.ics`, { token: users.admin?.token })).status,
    ).toBe(404);
    expect((await call(api.app, 'GET', '/api/events/999999/calendar.ics')).status).toBe(404);
    const bad = await call(api.app, 'GET', '/api/events/abc/calendar.ics');
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.id).toBeTruthy();
    expect((await call(api.app, 'GET', '/api/events/-1/calendar.ics')).status).toBe(400);
    expect((await call(api.app, 'GET', '/api/events/99999999999/calendar.ics')).status).toBe(400);
  });

  it('the public feed has every published event and the cancelled ones, not drafts or old ones', async () => {
    const res = await call(api.app, 'GET', '/api/calendar/events.ics');
    expect(res.status).toBe(200);
    const feed = events(res.text);
    const titles = feed.map((e) => e.summary).sort();
    expect(titles).toEqual(['Aflyst', 'Dialogmøde, med kaffe; og kage', 'Et andet møde']);
    expect(new Set(feed.map((e) => e.uid)).size).toBe(3);
    expect(res.text).not.toContain('Kladde');
  });

  it('a personal feed: made, read by its secret URL, replaced and revoked', async () => {
    const frivillig = users.frivillig;
    if (!frivillig) throw new Error('no user');
    await insertRegistration(api.db, { eventId: published, userId: frivillig.id });
    await insertRegistration(api.db, { eventId: other, userId: frivillig.id, status: 'waitlisted' });
    await insertRegistration(api.db, { eventId: cancelled, userId: frivillig.id, status: 'cancelled' });

    const none = await call(api.app, 'GET', '/api/me/calendar-feed', { token: frivillig.token });
    expect(none.json).toEqual({ active: false, createdAt: null });

    const made = await call(api.app, 'POST', '/api/me/calendar-feed', { token: frivillig.token });
    expect(made.status).toBe(201);
    const url = new URL(made.json.url);
    expect(url.origin).toBe('http://localhost:3000');
    const token = url.pathname.split('/')[4] as string;
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    // Only the hash is stored.
    const stored = await api.db
      .selectFrom('calendar_feed_tokens')
      .select('token_hash')
      .where('user_id', '=', frivillig.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(Buffer.from(stored[0]?.token_hash as Uint8Array).equals(Buffer.from(hashSecret(token)))).toBe(
      true,
    );
    expect(JSON.stringify(stored)).not.toContain(token);

    const status = await call(api.app, 'GET', '/api/me/calendar-feed', { token: frivillig.token });
    expect(status.json.active).toBe(true);
    expect(status.json).not.toHaveProperty('url');

    const feed = await call(api.app, 'GET', url.pathname);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('cache-control')).toContain('no-store');
    const entries = events(feed.text);
    expect(entries.map((e) => e.summary).sort()).toEqual([
      '(Venteliste) Et andet møde',
      'Dialogmøde, med kaffe; og kage',
    ]);

    // Someone else's feed is theirs: another user's new feed does not show these.
    const staffFeed = await call(api.app, 'POST', '/api/me/calendar-feed', {
      token: users.medarbejder?.token,
    });
    const staffEntries = events((await call(api.app, 'GET', new URL(staffFeed.json.url).pathname)).text);
    expect(staffEntries).toHaveLength(0);

    // Re-created: the old URL stops working, the new one works.
    const again = await call(api.app, 'POST', '/api/me/calendar-feed', { token: frivillig.token });
    expect(again.json.url).not.toBe(made.json.url);
    expect((await call(api.app, 'GET', url.pathname)).status).toBe(404);
    const newPath = new URL(again.json.url).pathname;
    expect((await call(api.app, 'GET', newPath)).status).toBe(200);

    // Revoked: nothing works; revoking again is harmless.
    expect((await call(api.app, 'DELETE', '/api/me/calendar-feed', { token: frivillig.token })).status).toBe(
      204,
    );
    expect((await call(api.app, 'GET', newPath)).status).toBe(404);
    expect((await call(api.app, 'DELETE', '/api/me/calendar-feed', { token: frivillig.token })).status).toBe(
      204,
    );
    expect(
      (await call(api.app, 'GET', '/api/me/calendar-feed', { token: frivillig.token })).json.active,
    ).toBe(false);
    const audits = await api.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'calendar-feed.%')
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual([
      'calendar-feed.created',
      'calendar-feed.created',
      'calendar-feed.created',
      'calendar-feed.revoked',
    ]);
  });

  it('refuses forged tokens, anonymous and cross-site feed changes', async () => {
    const forged = await call(api.app, 'GET', `/api/calendar/feeds/${'a'.repeat(32)}/calendar.ics`);
    expect(forged.status).toBe(404);
    expect(forged.json.error.code).toBe('not_found');
    expect((await call(api.app, 'GET', '/api/calendar/feeds/short/calendar.ics')).status).toBe(400);
    expect((await call(api.app, 'GET', `/api/calendar/feeds/${'A'.repeat(32)}/calendar.ics`)).status).toBe(
      400,
    );
    expect((await call(api.app, 'GET', `/api/calendar/feeds/${'a'.repeat(300)}/calendar.ics`)).status).toBe(
      400,
    );
    expect((await call(api.app, 'POST', '/api/me/calendar-feed')).status).toBe(401);
    expect((await call(api.app, 'DELETE', '/api/me/calendar-feed')).status).toBe(401);
    expect((await call(api.app, 'GET', '/api/me/calendar-feed')).status).toBe(401);
    const session = await createSession(api.db, users.frivillig?.id as string);
    const crossSite = await call(api.app, 'POST', '/api/me/calendar-feed', {
      cookie: `brobygger_session=${session.token}`,
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
  });
  it('makes the .ics attachment of a confirmation mail from the stored event', async () => {
    const attachment = await eventCalendarAttachment(api.deps, published);
    expect(attachment?.filename).toBe(`arrangement-${published}.ics`);
    expect(attachment?.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    const [event] = events(attachment?.content ?? '');
    expect(event?.uid).toBe(`event-${published}@localhost`);
    expect(await eventCalendarAttachment(api.deps, 987654321)).toBeUndefined();
  });
});
