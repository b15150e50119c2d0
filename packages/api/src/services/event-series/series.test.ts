// Recurring events through the API on PGlite and PostgreSQL: a series creates its occurrences
// (own sign-ups and capacity, Copenhagen wall-clock time across DST) and "this and following"
// edits this and the later ones.
import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { toLocal } from '@brobygger/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApi } from '../../test-support.ts';

describe.each(testDatabaseKinds())('recurring events on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let staff: string;
  let volunteer: string;
  let typeId: number;
  const year = new Date().getUTCFullYear() + 1;

  beforeAll(async () => {
    api = await createTestApi(kind);
    await seedDemoAccounts(api.db);
    const tokenOf = async (email: string) =>
      (await createSession(api.db, (await findUserByEmail(api.db, email))?.id as string)).token;
    staff = await tokenOf('medarbejder@brobygger.test');
    volunteer = await tokenOf('frivillig@brobygger.test');
    typeId = (
      await api.db
        .selectFrom('event_types')
        .select('id')
        .where('slug', '=', 'coordination-meeting')
        .executeTakeFirstOrThrow()
    ).id;
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  const body = (extra: Record<string, unknown> = {}) => ({
    typeId,
    title: 'Koordineringsmøde',
    // Tuesday 10 March next year… (the year is chosen so the dates are in the future)
    startsAt: `${year}-03-10T19:00:00+01:00`,
    endsAt: `${year}-03-10T21:00:00+01:00`,
    address: 'Adelgade 44, 8660 Skanderborg',
    organiserName: 'Integrationsteamet',
    capacity: 3,
    status: 'published',
    ...extra,
  });
  const occurrencesOf = async (seriesId: number) =>
    api.db
      .selectFrom('events')
      .select(['id', 'starts_at', 'ends_at', 'title', 'capacity', 'signup_deadline'])
      .where('series_id', '=', seriesId)
      .orderBy('starts_at')
      .execute();

  it('creates every occurrence, weekly at 19:00 Copenhagen time across the spring DST change', async () => {
    const until = `${year}-04-14`;
    const res = await call(api.app, 'POST', '/api/events', {
      token: staff,
      json: body({
        recurrence: { frequency: 'weekly', until },
        signupDeadline: `${year}-03-09T12:00:00+01:00`,
      }),
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json.event.seriesId).toBeTypeOf('number');
    const rows = await occurrencesOf(res.json.event.seriesId);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const row of rows) {
      const local = toLocal(new Date(row.starts_at));
      expect([local.hour, local.minute]).toEqual([19, 0]);
      expect(toLocal(new Date(row.ends_at)).hour).toBe(21);
      // The deadline keeps its distance: the day before at noon… in UTC milliseconds.
      expect(new Date(row.starts_at).getTime() - new Date(row.signup_deadline as Date).getTime()).toBe(
        31 * 3600 * 1000,
      );
      expect(row.capacity).toBe(3);
    }
    const first = new Date(rows[0]?.starts_at as Date);
    const last = new Date(rows.at(-1)?.starts_at as Date);
    expect(first.getTime() - last.getTime()).not.toBe(0);
    // Each occurrence has its own sign-ups.
    const signUp = await call(api.app, 'POST', `/api/events/${rows[1]?.id}/registrations`, {
      token: volunteer,
    });
    expect(signUp.json.status).toBe('confirmed');
    expect((await call(api.app, 'GET', `/api/events/${rows[2]?.id}`)).json.event.confirmed).toBe(0);
    // Published occurrences have their reminders scheduled.
    const jobs = await api.db
      .selectFrom('jobs')
      .select('key')
      .where('type', '=', 'events.reminders-for-event')
      .execute();
    for (const row of rows)
      expect(jobs.some((j) => j.key?.startsWith(`events.reminders-for-event:${row.id}:`))).toBe(true);
  });

  it('monthly on the 2nd Tuesday; refuses a recurrence without an end or with a wrong week', async () => {
    const monthly = await call(api.app, 'POST', '/api/events', {
      token: staff,
      json: body({ recurrence: { frequency: 'monthly-weekday', until: `${year}-06-30` } }),
    });
    expect(monthly.status, monthly.text).toBe(201);
    const rows = await occurrencesOf(monthly.json.event.seriesId);
    for (const row of rows) {
      const local = toLocal(new Date(row.starts_at));
      expect(Math.ceil(local.day / 7)).toBe(2);
      expect(new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay()).toBe(
        new Date(Date.UTC(year, 2, 10)).getUTCDay(),
      );
    }
    const before = await api.db.selectFrom('events').select('id').execute();
    const noEnd = await call(api.app, 'POST', '/api/events', {
      token: staff,
      json: body({ recurrence: { frequency: 'weekly' } }),
    });
    expect(noEnd.status).toBe(422);
    expect(Object.keys(noEnd.json.error.fields)).toContain('recurrence.until');
    const wrongWeek = await call(api.app, 'POST', '/api/events', {
      token: staff,
      json: body({ recurrence: { frequency: 'monthly-weekday', until: `${year}-06-30`, weekOfMonth: 3 } }),
    });
    expect(wrongWeek.status).toBe(422);
    expect(wrongWeek.json.error.fields['recurrence.weekOfMonth']).toBeTruthy();
    const tooLong = await call(api.app, 'POST', '/api/events', {
      token: staff,
      json: body({ recurrence: { frequency: 'weekly', until: `${year + 3}-06-30` } }),
    });
    expect(tooLong.status).toBe(422);
    const beforeStart = await call(api.app, 'POST', '/api/events', {
      token: staff,
      json: body({ recurrence: { frequency: 'weekly', until: `${year}-01-01` } }),
    });
    expect(beforeStart.status).toBe(422);
    expect((await api.db.selectFrom('events').select('id').execute()).length).toBe(before.length);
  });

  it('"this and following" moves this and the later occurrences, not the earlier ones', async () => {
    const res = await call(api.app, 'POST', '/api/events', {
      token: staff,
      json: body({ recurrence: { frequency: 'every-other-week', until: `${year}-05-31` } }),
    });
    const rows = await occurrencesOf(res.json.event.seriesId);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const third = rows[2];
    // Moved from Tuesday 19:00 to Wednesday 17:30 (local), and renamed.
    const thirdStart = toLocal(new Date(third?.starts_at as Date));
    const day = `${thirdStart.year}-${String(thirdStart.month).padStart(2, '0')}-${String(thirdStart.day + 1).padStart(2, '0')}`;
    const offset =
      new Date(third?.starts_at as Date).getTime() -
        Date.UTC(thirdStart.year, thirdStart.month - 1, thirdStart.day, 19) ===
      -3_600_000
        ? '+01:00'
        : '+02:00';
    const edit = await call(api.app, 'PATCH', `/api/events/${third?.id}`, {
      token: staff,
      json: {
        scope: 'following',
        title: 'Koordineringsmøde (ny tid)',
        startsAt: `${day}T17:30:00${offset}`,
        endsAt: `${day}T19:00:00${offset}`,
      },
    });
    expect(edit.status, edit.text).toBe(200);
    const after = await occurrencesOf(res.json.event.seriesId);
    expect(after.slice(0, 2)).toEqual(rows.slice(0, 2));
    for (const [index, row] of after.slice(2).entries()) {
      const local = toLocal(new Date(row.starts_at));
      const original = toLocal(new Date(rows[index + 2]?.starts_at as Date));
      expect(row.title).toBe('Koordineringsmøde (ny tid)');
      expect([local.hour, local.minute]).toEqual([17, 30]);
      expect(
        Date.UTC(local.year, local.month - 1, local.day) -
          Date.UTC(original.year, original.month - 1, original.day),
      ).toBe(86_400_000);
    }
    // "this" (the default) changes one occurrence only.
    const one = await call(api.app, 'PATCH', `/api/events/${after[3]?.id}`, {
      token: staff,
      json: { title: 'Kun denne' },
    });
    expect(one.status).toBe(200);
    expect(
      (await occurrencesOf(res.json.event.seriesId)).map((r) => r.title).filter((t) => t === 'Kun denne'),
    ).toHaveLength(1);
    // A refused change in one later occurrence changes none: capacity below a confirmed count.
    const last = after.at(-1);
    for (const email of ['frivillig@brobygger.test', 'tovholder@brobygger.test']) {
      const token = (await createSession(api.db, (await findUserByEmail(api.db, email))?.id as string)).token;
      await call(api.app, 'POST', `/api/events/${last?.id}/registrations`, { token });
    }
    const refused = await call(api.app, 'PATCH', `/api/events/${after[2]?.id}`, {
      token: staff,
      json: { scope: 'following', capacity: 1 },
    });
    expect(refused.status).toBe(422);
    expect((await occurrencesOf(res.json.event.seriesId)).every((r) => r.capacity === 3)).toBe(true);
    expect(
      (
        await call(api.app, 'PATCH', `/api/events/${after[2]?.id}`, {
          token: staff,
          json: { scope: 'sometimes' },
        })
      ).status,
    ).toBe(422);
  });
});
