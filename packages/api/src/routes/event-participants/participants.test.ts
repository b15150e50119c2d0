// On the day, through the API on PGlite and PostgreSQL: participant list, CSV, attendance,
// check-in by code, and the member's own code and QR.
import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEvent, insertRegistration } from '../../event-extras-test-support.ts';
import { call, createTestApi } from '../../test-support.ts';

describe.each(testDatabaseKinds())('participants and check-in on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  const token: Record<string, string> = {};
  let eventId: number;

  beforeAll(async () => {
    api = await createTestApi(kind);
    await seedDemoAccounts(api.db);
    for (const name of ['frivillig', 'medarbejder', 'admin', 'tovholder', 'forening']) {
      const user = await findUserByEmail(api.db, `${name}@brobygger.test`);
      if (!user) throw new Error(name);
      token[name] = (await createSession(api.db, user.id)).token;
    }
    eventId = await insertEvent(api.db, { capacity: 2, title: 'Koordineringsmøde; "forår"' });
    // Two members through the real sign-up (the second seat), one guest waitlisted.
    expect(
      (await call(api.app, 'POST', `/api/events/${eventId}/registrations`, { token: token.frivillig })).json
        .status,
    ).toBe('confirmed');
    expect(
      (await call(api.app, 'POST', `/api/events/${eventId}/registrations`, { token: token.tovholder })).json
        .status,
    ).toBe('confirmed');
    await insertRegistration(api.db, {
      eventId,
      guest: { name: '=HYPERLINK("x");Ødegård', email: 'gaest@example.dk' },
      status: 'waitlisted',
      checkInCode: 'WA1TAB12',
    });
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  it('the sign-up confirmation carries the .ics and the member sees their code and QR', async () => {
    const mail = await api.db
      .selectFrom('email_outbox')
      .select(['kind', 'attachments'])
      .where('to_address', '=', 'frivillig@brobygger.test')
      .where('kind', '=', 'event-signed-up')
      .executeTakeFirstOrThrow();
    expect(mail.attachments?.[0]?.content).toContain(`UID:event-${eventId}@localhost`);
    const mine = await call(api.app, 'GET', `/api/events/${eventId}/registrations/me/check-in`, {
      token: token.frivillig,
    });
    expect(mine.status).toBe(200);
    expect(mine.json.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(mine.json.qrSvg).toMatch(/^<svg role="img" aria-label="QR-kode til indtjekning, kode /);
    // Stable: the same code next time.
    const again = await call(api.app, 'GET', `/api/events/${eventId}/registrations/me/check-in`, {
      token: token.frivillig,
    });
    expect(again.json.code).toBe(mine.json.code);
    // Not signed up: 404; unknown event: 404; bad id: 400; anonymous: 401.
    expect(
      (await call(api.app, 'GET', `/api/events/${eventId}/registrations/me/check-in`, { token: token.admin }))
        .status,
    ).toBe(404);
    expect(
      (await call(api.app, 'GET', '/api/events/987654/registrations/me/check-in', { token: token.frivillig }))
        .status,
    ).toBe(404);
    expect(
      (await call(api.app, 'GET', '/api/events/x/registrations/me/check-in', { token: token.frivillig }))
        .status,
    ).toBe(400);
    expect((await call(api.app, 'GET', `/api/events/${eventId}/registrations/me/check-in`)).status).toBe(401);
  });

  it('staff list the participants: confirmed first, then the waitlist with positions', async () => {
    const res = await call(api.app, 'GET', `/api/events/${eventId}/participants`, {
      token: token.medarbejder,
    });
    expect(res.status).toBe(200);
    expect(res.json.event).toMatchObject({ id: eventId, capacity: 2 });
    expect(
      res.json.participants.map((p: { email: string; status: string; position: number | null }) => [
        p.email,
        p.status,
        p.position,
      ]),
    ).toEqual([
      ['frivillig@brobygger.test', 'confirmed', null],
      ['tovholder@brobygger.test', 'confirmed', null],
      ['gaest@example.dk', 'waitlisted', 1],
    ]);
    expect(res.json.participants[2].guest).toBe(true);
    for (const name of ['frivillig', 'tovholder', 'forening']) {
      expect(
        (await call(api.app, 'GET', `/api/events/${eventId}/participants`, { token: token[name] })).status,
      ).toBe(403);
    }
    expect((await call(api.app, 'GET', `/api/events/${eventId}/participants`)).status).toBe(401);
    expect(
      (await call(api.app, 'GET', '/api/events/987654/participants', { token: token.admin })).status,
    ).toBe(404);
  });

  it('exports a CSV that Danish Excel opens: BOM, semicolons, quoting, no formulas', async () => {
    const res = await call(api.app, 'GET', `/api/events/${eventId}/participants.csv`, {
      token: token.medarbejder,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="deltagere-${eventId}.csv"`);
    const raw = new Uint8Array(
      await (
        await api.app.request(`/api/events/${eventId}/participants.csv`, {
          headers: { authorization: `Bearer ${token.medarbejder}` },
        })
      ).arrayBuffer(),
    );
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Navn;E-mail;Type;Status;Plads på venteliste;Kode;Mødt;Tilmeldt');
    expect(lines).toHaveLength(5); // header, three people, and the final CRLF
    expect(lines[1]).toMatch(
      /^Frida Frivillig;frivillig@brobygger\.test;Bruger;Bekræftet;;[0-9A-Z]{4}-[0-9A-Z]{4};;/,
    );
    // A name that would be a formula is defused and quoted (it holds ; and ").
    expect(lines[3]).toMatch(
      /^"'=HYPERLINK\(""x""\);Ødegård";gaest@example\.dk;Gæst;Venteliste;1;WA1T-AB12;;/,
    );
    expect(
      (await call(api.app, 'GET', `/api/events/${eventId}/participants.csv`, { token: token.frivillig }))
        .status,
    ).toBe(403);
  });

  it('checks in by code (any case, with or without the dash), once; marks and unmarks attendance', async () => {
    const mine = await call(api.app, 'GET', `/api/events/${eventId}/registrations/me/check-in`, {
      token: token.frivillig,
    });
    const code = (mine.json.code as string).toLowerCase().replace('-', ' ');
    const first = await call(api.app, 'POST', `/api/events/${eventId}/check-in`, {
      token: token.medarbejder,
      json: { code },
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ name: 'Frida Frivillig', alreadyCheckedIn: false });
    const second = await call(api.app, 'POST', `/api/events/${eventId}/check-in`, {
      token: token.medarbejder,
      json: { code: mine.json.code },
    });
    expect(second.json.alreadyCheckedIn).toBe(true);
    const waitlisted = await call(api.app, 'POST', `/api/events/${eventId}/check-in`, {
      token: token.medarbejder,
      json: { code: 'wa1t-ab12' },
    });
    expect(waitlisted.status).toBe(409);
    expect(waitlisted.json.error.message).toMatch(/ventelisten/);
    const unknown = await call(api.app, 'POST', `/api/events/${eventId}/check-in`, {
      token: token.medarbejder,
      json: { code: 'ZZZZ-ZZZZ' },
    });
    expect(unknown.status).toBe(404);
    // The code of one event does not check in at another.
    const other = await insertEvent(api.db);
    expect(
      (
        await call(api.app, 'POST', `/api/events/${other}/check-in`, {
          token: token.medarbejder,
          json: { code: mine.json.code },
        })
      ).status,
    ).toBe(404);
    for (const json of [
      {},
      { code: 12345678 },
      { code: 'x'.repeat(33) },
      { code: 'ABC' },
      { code: 'AAAA-AAAA', more: 1 },
    ]) {
      const bad = await call(api.app, 'POST', `/api/events/${eventId}/check-in`, {
        token: token.medarbejder,
        json,
      });
      expect(bad.status, JSON.stringify(json)).toBe(422);
      expect(bad.json.error.fields).toBeTruthy();
    }
    expect(
      (
        await call(api.app, 'POST', `/api/events/${eventId}/check-in`, {
          token: token.frivillig,
          json: { code },
        })
      ).status,
    ).toBe(403);

    const list = await call(api.app, 'GET', `/api/events/${eventId}/participants`, { token: token.admin });
    const tovholder = list.json.participants.find(
      (p: { email: string }) => p.email === 'tovholder@brobygger.test',
    );
    expect(list.json.participants[0].attendedAt).not.toBeNull();
    const path = `/api/events/${eventId}/participants/${tovholder.registrationId}/attendance`;
    expect(
      (await call(api.app, 'POST', path, { token: token.medarbejder, json: { attended: true } })).json,
    ).toEqual({ attended: true });
    expect(
      (await call(api.app, 'POST', path, { token: token.medarbejder, json: { attended: false } })).json,
    ).toEqual({ attended: false });
    expect(
      (await call(api.app, 'POST', path, { token: token.medarbejder, json: { attended: 'ja' } })).status,
    ).toBe(422);
    expect((await call(api.app, 'POST', path, { token: token.medarbejder, json: {} })).status).toBe(422);
    expect(
      (
        await call(
          api.app,
          'POST',
          `/api/events/${other}/participants/${tovholder.registrationId}/attendance`,
          { token: token.medarbejder, json: { attended: true } },
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await call(api.app, 'POST', `/api/events/${eventId}/participants/abc/attendance`, {
          token: token.medarbejder,
          json: { attended: true },
        })
      ).status,
    ).toBe(400);
    const session = (
      await createSession(api.db, (await findUserByEmail(api.db, 'medarbejder@brobygger.test'))?.id as string)
    ).token;
    const crossSite = await call(api.app, 'POST', path, {
      cookie: `brobygger_session=${session}`,
      origin: 'https://evil.example',
      json: { attended: true },
    });
    expect(crossSite.status).toBe(403);
    const after = await call(api.app, 'GET', `/api/events/${eventId}/participants`, { token: token.admin });
    expect(
      after.json.participants.find((p: { email: string }) => p.email === 'tovholder@brobygger.test')
        .attendedAt,
    ).toBeNull();
  });
});
