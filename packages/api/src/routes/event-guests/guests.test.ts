// Guest sign-up through the API on PGlite and PostgreSQL: link mail, confirm, view, cancel,
// expiry, bad input, and exact seats under concurrent confirmations.
import { seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, hour, insertEvent, insertRegistration } from '../../event-extras-test-support.ts';
import { createApiJobRunner } from '../../jobs/index.ts';
import { call, createTestApi } from '../../test-support.ts';

describe.each(testDatabaseKinds())('guest sign-up on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;

  const linkFor = async (to: string) => {
    const mail = await api.db
      .selectFrom('email_outbox')
      .select(['text_body', 'kind'])
      .where('to_address', '=', to)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return mail?.text_body.match(/\/arrangementer\/gaest\/([a-z2-7]{32})/)?.[1];
  };
  const request = (eventId: number, name: string, email: string) =>
    call(api.app, 'POST', `/api/events/${eventId}/guest-registrations`, { json: { name, email } });
  const seats = async (eventId: number) =>
    api.db
      .selectFrom('event_registrations')
      .select(['status', 'guest_email', 'queue_seq', 'check_in_code'])
      .where('event_id', '=', eventId)
      .orderBy('queue_seq')
      .execute();

  beforeAll(async () => {
    api = await createTestApi(kind);
    await seedDemoAccounts(api.db);
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  it('a guest asks, confirms by the mailed link, sees the code and QR, and cancels', async () => {
    const eventId = await insertEvent(api.db, { capacity: 1, title: 'Dialogmøde' });
    const asked = await request(eventId, '  Amira Hassan ', 'Amira@Example.dk');
    expect(asked.status).toBe(202);
    expect(asked.json).toEqual({ status: 'pending' });
    const token = await linkFor('amira@example.dk');
    expect(token).toBeTruthy();
    // Pending: counts for nothing.
    expect((await seats(eventId)).map((r) => r.status)).toEqual(['pending_guest']);
    const pending = await call(api.app, 'GET', `/api/guest-registrations/${token}`);
    expect(pending.status).toBe(200);
    expect(pending.json).toMatchObject({ status: 'pending', name: 'Amira Hassan', checkInCode: null });
    expect(pending.headers.get('cache-control')).toContain('no-store');

    const confirmed = await call(api.app, 'POST', `/api/guest-registrations/${token}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.json).toEqual({ status: 'confirmed' });
    const mail = await api.db
      .selectFrom('email_outbox')
      .select(['kind', 'attachments'])
      .where('to_address', '=', 'amira@example.dk')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(mail.kind).toBe('event-guest-confirmed');
    expect(mail.attachments?.[0]?.filename).toBe(`arrangement-${eventId}.ics`);
    expect(mail.attachments?.[0]?.content).toContain(`UID:event-${eventId}@localhost`);
    // The same link again: the same answer, nothing more.
    expect((await call(api.app, 'POST', `/api/guest-registrations/${token}/confirm`)).json).toEqual({
      status: 'confirmed',
    });
    const view = await call(api.app, 'GET', `/api/guest-registrations/${token}`);
    expect(view.json.status).toBe('confirmed');
    expect(view.json.checkInCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(view.json.checkInQrSvg).toMatch(/^<svg role="img"/);
    expect(view.json.event).toMatchObject({ id: eventId, title: 'Dialogmøde' });

    // The one seat is taken: a second guest is waitlisted at confirmation, then promoted when
    // the first cancels.
    await request(eventId, 'Bo Berg', 'bo@example.dk');
    const boToken = await linkFor('bo@example.dk');
    expect((await call(api.app, 'POST', `/api/guest-registrations/${boToken}/confirm`)).json).toEqual({
      status: 'waitlisted',
      position: 1,
    });
    const cancelled = await call(api.app, 'POST', `/api/guest-registrations/${token}/cancel`);
    expect(cancelled.json).toEqual({ status: 'cancelled' });
    expect((await call(api.app, 'GET', `/api/guest-registrations/${token}`)).json.status).toBe('cancelled');
    // Bo is told by mail, with a fresh link of his own to cancel by (only hashes are kept, so the
    // first link cannot be sent again; the new one replaces it).
    const promotion = await api.db
      .selectFrom('email_outbox')
      .select(['kind', 'text_body'])
      .where('to_address', '=', 'bo@example.dk')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(promotion.kind).toBe('event-promoted');
    expect(promotion.text_body).toContain('meld afbud');
    const boNewToken = await linkFor('bo@example.dk');
    expect(boNewToken).not.toBe(boToken);
    expect((await call(api.app, 'GET', `/api/guest-registrations/${boNewToken}`)).json.status).toBe(
      'confirmed',
    );
    expect((await call(api.app, 'GET', `/api/guest-registrations/${boToken}`)).status).toBe(400);
    // A cancelled link cannot confirm again; cancelling again is harmless.
    expect((await call(api.app, 'POST', `/api/guest-registrations/${token}/confirm`)).status).toBe(409);
    expect((await call(api.app, 'POST', `/api/guest-registrations/${token}/cancel`)).status).toBe(200);
    const audit = await api.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'event.guest-%')
      .where('target_id', '=', String(eventId))
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'event.guest-cancelled',
      'event.guest-confirmed',
      'event.guest-confirmed',
      'event.guest-requested',
      'event.guest-requested',
    ]);
  });

  it('asking twice with one address keeps one registration; the newest link is the one that works', async () => {
    const eventId = await insertEvent(api.db);
    await request(eventId, 'Carla', 'carla@example.dk');
    const first = await linkFor('carla@example.dk');
    const again = await request(eventId, 'Carla', 'CARLA@example.dk');
    expect(again.status).toBe(202);
    expect(again.json).toEqual({ status: 'pending' });
    const second = await linkFor('carla@example.dk');
    expect(second).not.toBe(first);
    expect(await seats(eventId)).toHaveLength(1);
    expect((await call(api.app, 'GET', `/api/guest-registrations/${first}`)).status).toBe(400);
    expect((await call(api.app, 'POST', `/api/guest-registrations/${second}/confirm`)).json.status).toBe(
      'confirmed',
    );
    // Already confirmed: asking again mails a fresh link to the same place; still one registration.
    await request(eventId, 'Carla', 'carla@example.dk');
    const third = await linkFor('carla@example.dk');
    expect((await call(api.app, 'GET', `/api/guest-registrations/${third}`)).json.status).toBe('confirmed');
    expect(await seats(eventId)).toHaveLength(1);
  });

  it('an unconfirmed hold expires: its link is refused and the clean-up job forgets it', async () => {
    const eventId = await insertEvent(api.db);
    await request(eventId, 'Dina', 'dina@example.dk');
    const token = await linkFor('dina@example.dk');
    const row = await api.db
      .selectFrom('event_registrations')
      .select('guest_expires_at')
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();
    const expiresAt = new Date(row.guest_expires_at as Date);
    expect(Math.abs(expiresAt.getTime() - (Date.now() + day))).toBeLessThan(hour);
    await api.db
      .updateTable('event_registrations')
      .set({ guest_expires_at: new Date(Date.now() - 1000) })
      .where('event_id', '=', eventId)
      .execute();
    for (const [method, path] of [
      ['GET', `/api/guest-registrations/${token}`],
      ['POST', `/api/guest-registrations/${token}/confirm`],
      ['POST', `/api/guest-registrations/${token}/cancel`],
    ] as const) {
      const res = await call(api.app, method, path);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('invalid_token');
      expect(res.json.error.message).toMatch(/udløbet/);
    }
    const runner = createApiJobRunner({
      db: api.db,
      logger: api.deps.logger,
      now: () => new Date(Date.now() + 60_000),
    });
    await runner.drain();
    expect(await seats(eventId)).toHaveLength(0);
  });

  it("forgets a guest's name and address 30 days after the event or the cancellation, keeping the counts", async () => {
    const ended = await insertEvent(api.db, {
      starts_at: new Date(Date.now() - 32 * day),
      ends_at: new Date(Date.now() - 31 * day),
    });
    const coming = await insertEvent(api.db);
    const attended = await insertRegistration(api.db, {
      eventId: ended,
      guest: { name: 'Gamle Gæst', email: 'gl@example.dk' },
    });
    await api.db
      .updateTable('event_registrations')
      .set({ attended_at: new Date(Date.now() - 31 * day) })
      .where('id', '=', attended)
      .execute();
    const cancelledLongAgo = await insertRegistration(api.db, {
      eventId: coming,
      guest: { name: 'Fortrudt', email: 'fortrudt@example.dk' },
      status: 'cancelled',
    });
    await api.db
      .updateTable('event_registrations')
      .set({ cancelled_at: new Date(Date.now() - 31 * day) })
      .where('id', '=', cancelledLongAgo)
      .execute();
    const cancelledToday = await insertRegistration(api.db, {
      eventId: coming,
      guest: { name: 'Fortrudt i dag', email: 'idag@example.dk' },
      status: 'cancelled',
    });
    await api.db
      .updateTable('event_registrations')
      .set({ cancelled_at: new Date() })
      .where('id', '=', cancelledToday)
      .execute();
    const stillComing = await insertRegistration(api.db, {
      eventId: coming,
      guest: { name: 'Kommer', email: 'kommer@example.dk' },
    });
    const member = await insertRegistration(api.db, {
      eventId: ended,
      userId: (await findUserByEmail(api.db, 'frivillig@brobygger.test'))?.id as string,
    });

    // The clean-up is recurring; an hour on, a period of it that has not run yet is due.
    const runner = createApiJobRunner({
      db: api.db,
      logger: api.deps.logger,
      now: () => new Date(Date.now() + hour),
    });
    await runner.drain();
    const rows = await api.db
      .selectFrom('event_registrations')
      .select(['id', 'guest_name', 'guest_email', 'guest_token_hash', 'status', 'attended_at', 'user_id'])
      .where('id', 'in', [attended, cancelledLongAgo, cancelledToday, stillComing, member])
      .orderBy('id')
      .execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const id of [attended, cancelledLongAgo]) {
      expect(byId.get(id)).toMatchObject({
        guest_name: 'Slettet gæst',
        guest_email: `gaest-${id}@glemt.invalid`,
        guest_token_hash: null,
      });
    }
    // Attendance and status stay, so the event's counts are still true.
    expect(byId.get(attended)?.status).toBe('confirmed');
    expect(byId.get(attended)?.attended_at).not.toBeNull();
    expect(byId.get(cancelledToday)?.guest_email).toBe('idag@example.dk');
    expect(byId.get(stillComing)?.guest_email).toBe('kommer@example.dk');
    expect(byId.get(member)?.user_id).toBeTruthy();
    // Nothing is left to find by the old address.
    const left = await api.db
      .selectFrom('event_registrations')
      .select('id')
      .where('guest_email', 'in', ['gl@example.dk', 'fortrudt@example.dk'])
      .execute();
    expect(left).toHaveLength(0);
  });

  it('refuses bad input, unknown and closed events, forged links and cross-site forms — changing nothing', async () => {
    const eventId = await insertEvent(api.db);
    const draft = await insertEvent(api.db, { status: 'draft', published_at: null });
    const cancelled = await insertEvent(api.db, { status: 'cancelled', cancelled_at: new Date() });
    const closed = await insertEvent(api.db, { signup_deadline: new Date(Date.now() - hour) });
    const before = await api.db.selectFrom('event_registrations').select('id').execute();
    const path = `/api/events/${eventId}/guest-registrations`;
    for (const [json, fields] of [
      [{}, ['email', 'name']],
      [{ name: 5, email: true }, ['email', 'name']],
      [{ name: 'x'.repeat(101), email: 'a@example.dk' }, ['name']],
      [{ name: '   ', email: 'a@example.dk' }, ['name']],
      [{ name: 'A', email: 'ikke-en-adresse' }, ['email']],
      [{ name: 'A', email: `${'a'.repeat(250)}@example.dk` }, ['email']],
    ] as const) {
      const res = await call(api.app, 'POST', path, { json });
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(Object.keys(res.json.error.fields).sort()).toEqual(fields);
    }
    const extra = await call(api.app, 'POST', path, {
      json: { name: 'A', email: 'a@example.dk', admin: true },
    });
    expect(extra.status).toBe(422);
    expect(
      (await call(api.app, 'POST', path, { body: '{"name":', contentType: 'application/json' })).status,
    ).toBe(400);
    expect((await call(api.app, 'POST', path, { body: 'name=A', contentType: 'text/plain' })).status).toBe(
      415,
    );
    expect(
      (
        await call(api.app, 'POST', path, {
          body: 'name=A',
          contentType: 'text/plain',
          origin: 'https://evil.example',
        })
      ).status,
    ).toBe(403);
    const ok = { name: 'A', email: 'a@example.dk' };
    const okAs = (n: number) => ({ name: 'A', email: `a${n}@example.dk` });
    expect(
      (await call(api.app, 'POST', '/api/events/987654321/guest-registrations', { json: okAs(1) })).status,
    ).toBe(404);
    expect((await call(api.app, 'POST', '/api/events/abc/guest-registrations', { json: ok })).status).toBe(
      400,
    );
    expect(
      (await call(api.app, 'POST', `/api/events/${draft}/guest-registrations`, { json: okAs(2) })).status,
    ).toBe(404);
    const off = await call(api.app, 'POST', `/api/events/${cancelled}/guest-registrations`, {
      json: okAs(3),
    });
    expect(off.status).toBe(409);
    expect(off.json.error.message).toMatch(/aflyst/);
    const late = await call(api.app, 'POST', `/api/events/${closed}/guest-registrations`, { json: okAs(4) });
    expect(late.status).toBe(409);
    expect(late.json.error.message).toMatch(/lukket/);
    for (const token of ['c'.repeat(32), 'short', 'C'.repeat(32), 'c'.repeat(500)]) {
      const res = await call(api.app, 'GET', `/api/guest-registrations/${token}`);
      expect(res.status).toBe(400);
      expect((await call(api.app, 'POST', `/api/guest-registrations/${token}/confirm`)).status).toBe(400);
      expect((await call(api.app, 'POST', `/api/guest-registrations/${token}/cancel`)).status).toBe(400);
    }
    const after = await api.db.selectFrom('event_registrations').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('mails one address at most 3 times an hour (then 429 with Retry-After), whatever the event', async () => {
    const eventId = await insertEvent(api.db);
    const other = await insertEvent(api.db);
    const ask = (id: number) =>
      call(api.app, 'POST', `/api/events/${id}/guest-registrations`, {
        json: { name: 'Ella', email: 'ella@example.dk' },
        ip: '203.0.113.9',
      });
    expect((await ask(eventId)).status).toBe(202);
    expect((await ask(eventId)).status).toBe(202);
    expect((await ask(other)).status).toBe(202);
    const fourth = await ask(other);
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    const mails = await api.db
      .selectFrom('email_outbox')
      .select('id')
      .where('to_address', '=', 'ella@example.dk')
      .execute();
    expect(mails).toHaveLength(3);
  });

  it('a member and a guest with the same seats: a guest counts only once confirmed, never beyond capacity', async () => {
    const frida = (await findUserByEmail(api.db, 'frivillig@brobygger.test'))?.id as string;
    const eventId = await insertEvent(api.db, { capacity: 5 });
    await insertRegistration(api.db, { eventId, userId: frida });
    const emails = Array.from({ length: 24 }, (_, i) => `gaest${i}@example.dk`);
    for (const email of emails) await request(eventId, `Gæst ${email}`, email);
    const tokens = await Promise.all(emails.map(linkFor));
    const answers = await Promise.all(
      tokens.map((token) => call(api.app, 'POST', `/api/guest-registrations/${token}/confirm`)),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const rows = await seats(eventId);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(5);
    const waitlisted = answers.filter((a) => a.json.status === 'waitlisted').map((a) => a.json.position);
    expect(waitlisted.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Each confirmed guest has its own check-in code.
    const codes = rows.filter((r) => r.guest_email).map((r) => r.check_in_code);
    expect(new Set(codes).size).toBe(24);
  });
});
