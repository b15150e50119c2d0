// Reminders driven through real job runners with an injected clock, on PGlite and PostgreSQL.
import { seedDemoAccounts } from '@brobygger/auth';
import { enqueueJob, findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hour, insertEvent, insertRegistration } from '../event-extras-test-support.ts';
import { call, createTestApi } from '../test-support.ts';
import { reminderJobType, scheduleEventReminders } from './events.ts';
import { createApiJobRunner } from './index.ts';

describe.each(testDatabaseKinds())('event reminders on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let clock: Date;
  const t0 = new Date('2031-05-01T08:00:00Z');
  const at = (hours: number) => new Date(t0.getTime() + hours * hour);
  let runners: ReturnType<typeof createApiJobRunner>[];
  let frida: string;
  let mette: string;

  const reminders = async (eventId?: number) => {
    const rows = await api.db
      .selectFrom('email_outbox')
      .select(['to_address', 'subject', 'text_body'])
      .where('kind', '=', 'event-reminder')
      .orderBy('id')
      .execute();
    return eventId === undefined
      ? rows
      : rows.filter((r) => r.text_body.includes(`/arrangementer/${eventId}\n`));
  };
  const drainAll = () => Promise.all(runners.map((runner) => runner.drain()));

  beforeAll(async () => {
    api = await createTestApi(kind);
    await seedDemoAccounts(api.db);
    frida = (await findUserByEmail(api.db, 'frivillig@brobygger.test'))?.id as string;
    mette = (await findUserByEmail(api.db, 'medarbejder@brobygger.test'))?.id as string;
    clock = t0;
    // Two workers on one database, as two processes would be.
    runners = [1, 2].map((_n) =>
      createApiJobRunner({
        db: api.db,
        logger: api.deps.logger,
        now: () => clock,
        publicUrl: 'https://brobygger.example',
        pollIntervalMs: 3_600_000,
      }),
    );
    for (const [i, runner] of runners.entries())
      Object.defineProperty(runner, 'workerId', { value: `worker-${i}` });
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  it('sends one reminder per confirmed registration 48 hours before, once, with two workers', async () => {
    const eventId = await insertEvent(api.db, {
      starts_at: at(72),
      ends_at: at(74),
      title: 'Inspirationsmøde',
    });
    await insertRegistration(api.db, { eventId, userId: frida, checkInCode: '7K2QH9XM' });
    await insertRegistration(api.db, { eventId, userId: mette, status: 'cancelled' });
    await insertRegistration(api.db, {
      eventId,
      guest: { name: 'Gæst Venteliste', email: 'vente@example.dk' },
      status: 'waitlisted',
    });
    await insertRegistration(api.db, {
      eventId,
      guest: { name: 'Gæst Bekræftet', email: 'gaest@example.dk' },
    });
    await insertRegistration(api.db, {
      eventId,
      guest: { name: 'Gæst Afventer', email: 'afventer@example.dk' },
      status: 'pending_guest',
    });
    await scheduleEventReminders(api.db, eventId, clock);
    const scheduled = await api.db
      .selectFrom('jobs')
      .select(['run_at'])
      .where('type', '=', 'events.reminders-for-event')
      .execute();
    expect(scheduled.map((j) => new Date(j.run_at).toISOString())).toEqual([at(24).toISOString()]);

    clock = at(23.9);
    await drainAll();
    expect(await reminders(eventId)).toHaveLength(0);

    clock = at(24);
    await drainAll();
    const sent = await reminders(eventId);
    expect(sent.map((m) => m.to_address).sort()).toEqual(['frivillig@brobygger.test', 'gaest@example.dk']);
    const toFrida = sent.find((m) => m.to_address === 'frivillig@brobygger.test');
    expect(toFrida?.subject).toBe('Påmindelse: Inspirationsmøde');
    expect(toFrida?.text_body).toContain('kl. 10.00–12.00'); // 08:00 UTC on 4 May 2031 is 10:00 CEST
    expect(toFrida?.text_body).toContain('7K2Q-H9XM');
    expect(toFrida?.text_body).toContain('https://brobygger.example/min-side');
    // The guest gets a working link of their own to cancel by, which replaces the earlier one.
    const toGuest = sent.find((m) => m.to_address === 'gaest@example.dk');
    const guestToken = toGuest?.text_body.match(
      /https:\/\/brobygger\.example\/arrangementer\/gaest\/([a-z2-7]{32})/,
    )?.[1];
    expect(guestToken).toBeTruthy();
    const view = await call(api.app, 'GET', `/api/guest-registrations/${guestToken}`);
    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({ status: 'confirmed', name: 'Gæst Bekræftet' });

    // Again later, with the sweep and a second enqueue of the same reminder: nothing more.
    const [frida1] = await api.db
      .selectFrom('event_registrations')
      .select('id')
      .where('event_id', '=', eventId)
      .where('user_id', '=', frida)
      .execute();
    await enqueueJob(api.db, {
      type: reminderJobType,
      payload: { registrationId: frida1?.id },
      key: 'a-second-copy',
    });
    clock = at(30);
    await drainAll();
    expect(await reminders(eventId)).toHaveLength(2);
    const marked = await api.db
      .selectFrom('event_registrations')
      .select(['status', 'reminded_at'])
      .where('event_id', '=', eventId)
      .execute();
    expect(marked.filter((r) => r.reminded_at !== null).map((r) => r.status)).toEqual([
      'confirmed',
      'confirmed',
    ]);
  });

  it('follows a change of time: moved later, the reminder comes at the new time', async () => {
    clock = at(100);
    const eventId = await insertEvent(api.db, { starts_at: at(172), ends_at: at(173) });
    await insertRegistration(api.db, { eventId, userId: frida });
    await scheduleEventReminders(api.db, eventId, clock);
    // Moved a day later before the reminder was due.
    await api.db
      .updateTable('events')
      .set({ starts_at: at(196), ends_at: at(197) })
      .where('id', '=', eventId)
      .execute();
    clock = at(124);
    await drainAll();
    expect(await reminders(eventId)).toHaveLength(0);
    const rescheduled = await api.db
      .selectFrom('jobs')
      .select('run_at')
      .where('key', '=', `events.reminders-for-event:${eventId}:${at(148).toISOString()}`)
      .execute();
    expect(rescheduled).toHaveLength(1);
    clock = at(148);
    await drainAll();
    expect(await reminders(eventId)).toHaveLength(1);
  });

  it('skips cancelled registrations and begun events; the sweep catches a late promotion', async () => {
    clock = at(300);
    const eventId = await insertEvent(api.db, { starts_at: at(372), ends_at: at(373), reminder_hours: 24 });
    const cancelledLater = await insertRegistration(api.db, { eventId, userId: frida });
    const promoted = await insertRegistration(api.db, { eventId, userId: mette, status: 'waitlisted' });
    await scheduleEventReminders(api.db, eventId, clock);
    await api.db
      .updateTable('event_registrations')
      .set({ status: 'cancelled' })
      .where('id', '=', cancelledLater)
      .execute();
    clock = at(348);
    await drainAll();
    expect(await reminders(eventId)).toHaveLength(0);
    // Promoted from the waitlist after the event's reminders went out: the next sweep sends it.
    await api.db
      .updateTable('event_registrations')
      .set({ status: 'confirmed' })
      .where('id', '=', promoted)
      .execute();
    clock = at(348.2);
    await drainAll();
    expect((await reminders(eventId)).map((m) => m.to_address)).toEqual(['medarbejder@brobygger.test']);

    // An event that has begun gets no reminder, even from a job still waiting.
    const begun = await insertEvent(api.db, { starts_at: at(349), ends_at: at(350) });
    const late = await insertRegistration(api.db, { eventId: begun, userId: frida });
    await enqueueJob(api.db, { type: reminderJobType, payload: { registrationId: late } });
    clock = at(349.5);
    await drainAll();
    expect(await reminders(begun)).toHaveLength(0);
    // Reminders off (0 hours): none.
    const off = await insertEvent(api.db, { starts_at: at(360), ends_at: at(361), reminder_hours: 0 });
    await insertRegistration(api.db, { eventId: off, userId: frida });
    await scheduleEventReminders(api.db, off, clock);
    clock = at(359);
    await drainAll();
    expect(await reminders(off)).toHaveLength(0);
    const dead = await api.db
      .selectFrom('jobs')
      .select(['type', 'last_error'])
      .where('state', '=', 'dead')
      .execute();
    expect(dead).toEqual([]);
  });
});
