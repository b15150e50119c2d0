import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail } from '@brobygger/db';
import { testDatabaseKinds } from '@brobygger/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApi } from '../../test-support.ts';

/**
 * No overbooking, ever: many sign-ups and cancellations at the same moment, through the API, on
 * PGlite and PostgreSQL. The event row is locked in each sign-up's transaction, so the counts and
 * the waitlist order must come out exact.
 */
describe.each(testDatabaseKinds())('concurrent sign-ups on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let staff: string;
  let typeId: number;
  let made = 0;

  const members = async (count: number) => {
    const rows = await api.db
      .insertInto('users')
      .values(
        Array.from({ length: count }, () => {
          made += 1;
          return { email: `c${made}@example.dk`, password_hash: 'x', display_name: `Deltager ${made}` };
        }),
      )
      .returning(['id', 'email'])
      .execute();
    return Promise.all(
      rows.map(async (row) => ({ ...row, token: (await createSession(api.db, row.id)).token })),
    );
  };
  const createEvent = async (capacity: number) => {
    const start = new Date(Date.now() + 5 * 24 * 3600_000);
    const res = await call(api.app, 'POST', '/api/events', {
      token: staff,
      json: {
        typeId,
        title: `Koordineringsmøde ${capacity}`,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
        address: 'Rådhuset, Skanderborg',
        organiserName: 'Integrationsteamet',
        capacity,
        status: 'published',
      },
    });
    expect(res.status, res.text).toBe(201);
    return res.json.event.id as number;
  };
  const registrations = (eventId: number) =>
    api.db
      .selectFrom('event_registrations')
      .select(['id', 'user_id', 'status', 'queue_seq'])
      .where('event_id', '=', eventId)
      .orderBy('queue_seq')
      .execute();

  /** The invariants after any mix: no overbooking, a full house before a waitlist, FIFO order. */
  async function expectInvariants(eventId: number, capacity: number) {
    const rows = await registrations(eventId);
    const active = rows.filter((row) => row.status === 'confirmed' || row.status === 'waitlisted');
    const confirmed = active.filter((row) => row.status === 'confirmed');
    const waitlisted = active.filter((row) => row.status === 'waitlisted');
    expect(confirmed.length).toBeLessThanOrEqual(capacity);
    if (waitlisted.length > 0) expect(confirmed.length).toBe(capacity);
    // No one twice.
    expect(new Set(active.map((row) => row.user_id)).size).toBe(active.length);
    // Everyone confirmed arrived before everyone still waiting.
    if (confirmed.length > 0 && waitlisted.length > 0) {
      expect(Math.max(...confirmed.map((row) => Number(row.queue_seq)))).toBeLessThan(
        Math.min(...waitlisted.map((row) => Number(row.queue_seq))),
      );
    }
    return { confirmed, waitlisted };
  }

  beforeAll(async () => {
    api = await createTestApi(kind);
    await seedDemoAccounts(api.db);
    const user = await findUserByEmail(api.db, 'medarbejder@brobygger.test');
    staff = (await createSession(api.db, user?.id as string)).token;
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

  it('gives 200 people at once exactly 20 seats and waitlist places 1–180 in arrival order', async () => {
    const eventId = await createEvent(20);
    const people = await members(200);
    const answers = await Promise.all(
      people.map((person) =>
        call(api.app, 'POST', `/api/events/${eventId}/registrations`, { token: person.token }).then(
          (res) => ({
            person,
            res,
          }),
        ),
      ),
    );
    for (const { res } of answers) expect(res.status, res.text).toBe(201);
    const confirmedAnswers = answers.filter(({ res }) => res.json.status === 'confirmed');
    const waitlistedAnswers = answers.filter(({ res }) => res.json.status === 'waitlisted');
    expect(confirmedAnswers).toHaveLength(20);
    expect(waitlistedAnswers).toHaveLength(180);
    expect(waitlistedAnswers.map(({ res }) => res.json.position).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 180 }, (_, index) => index + 1),
    );

    const rows = await registrations(eventId);
    expect(rows).toHaveLength(200); // nothing lost, nothing twice
    const { confirmed, waitlisted } = await expectInvariants(eventId, 20);
    expect(confirmed).toHaveLength(20);
    // Each answered position is that person's place in arrival order (the queue sequence).
    const positionOf = new Map(waitlisted.map((row, index) => [row.user_id, index + 1]));
    for (const { person, res } of waitlistedAnswers)
      expect(res.json.position).toBe(positionOf.get(person.id));
    const confirmedIds = new Set(confirmed.map((row) => row.user_id));
    for (const { person } of confirmedAnswers) expect(confirmedIds.has(person.id)).toBe(true);

    const detail = await call(api.app, 'GET', `/api/events/${eventId}`);
    expect(detail.json.event).toMatchObject({ confirmed: 20, waitlisted: 180, seatsLeft: 0 });
    const mail = await api.db
      .selectFrom('email_outbox')
      .select(['kind', api.db.fn.countAll().as('n')])
      .where('to_address', 'like', 'c%@example.dk')
      .groupBy('kind')
      .orderBy('kind')
      .execute();
    expect(mail.map((row) => [row.kind, Number(row.n)])).toEqual([
      ['event-signed-up', 20],
      ['event-waitlisted', 180],
    ]);
  }, 180_000);

  it('keeps the invariants when cancellations and sign-ups race', async () => {
    const eventId = await createEvent(10);
    const first = await members(40);
    for (const person of first) {
      await call(api.app, 'POST', `/api/events/${eventId}/registrations`, { token: person.token });
    }
    const newcomers = await members(40);
    // 8 confirmed and 8 waitlisted cancel while 40 newcomers sign up, all at once.
    const leaving = [...first.slice(0, 8), ...first.slice(20, 28)];
    const results = await Promise.all([
      ...leaving.map((person) =>
        call(api.app, 'DELETE', `/api/events/${eventId}/registrations/me`, { token: person.token }),
      ),
      ...newcomers.map((person) =>
        call(api.app, 'POST', `/api/events/${eventId}/registrations`, { token: person.token }),
      ),
    ]);
    expect(results.slice(0, leaving.length).map((res) => res.status)).toEqual(leaving.map(() => 204));
    for (const res of results.slice(leaving.length)) expect(res.json.status).toBe('waitlisted');

    const { confirmed, waitlisted } = await expectInvariants(eventId, 10);
    expect(confirmed).toHaveLength(10);
    expect(confirmed.length + waitlisted.length).toBe(40 - leaving.length + 40);
    const leftIds = new Set(leaving.map((person) => person.id));
    for (const row of [...confirmed, ...waitlisted]) expect(leftIds.has(row.user_id as string)).toBe(false);
    // The 8 freed seats went to the first 8 still waiting from the first wave (arrival 11–18).
    const expectedConfirmed = first.filter((person) => !leftIds.has(person.id)).slice(0, 10);
    expect(new Set(confirmed.map((row) => row.user_id))).toEqual(
      new Set(expectedConfirmed.map((person) => person.id)),
    );
    const promotedMail = await api.db
      .selectFrom('email_outbox')
      .select('to_address')
      .where('kind', '=', 'event-promoted')
      .where(
        'to_address',
        'in',
        first.map((person) => person.email),
      )
      .execute();
    expect(promotedMail).toHaveLength(8);
    // Positions in my list are 1…n without gaps, in arrival order.
    const positions = await Promise.all(
      [...first, ...newcomers]
        .filter((person) => waitlisted.some((row) => row.user_id === person.id))
        .map(async (person) => {
          const mine = await call(api.app, 'GET', '/api/me/events', { token: person.token });
          return [person.id, mine.json.registrations[0].position] as const;
        }),
    );
    const byPosition = new Map(positions.map(([id, position]) => [position, id]));
    expect([...byPosition.keys()].sort((a, b) => a - b)).toEqual(waitlisted.map((_, index) => index + 1));
    for (const [index, row] of waitlisted.entries()) expect(byPosition.get(index + 1)).toBe(row.user_id);
  }, 180_000);
});
