import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './open-database.ts';
import { openTestDatabase, testDatabaseKinds } from './testing/index.ts';

describe.each(testDatabaseKinds())('the events migration on %s', (kind) => {
  let handle: DatabaseHandle;
  let eventId: number;
  let userId: string;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    const { db } = handle;
    userId = (
      await db
        .insertInto('users')
        .values({ email: 'a@example.dk', password_hash: 'x', display_name: 'A' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const type = await db
      .selectFrom('event_types')
      .select('id')
      .where('slug', '=', 'activity')
      .executeTakeFirstOrThrow();
    eventId = (
      await db
        .insertInto('events')
        .values({
          type_id: type.id,
          title: 'T',
          starts_at: '2030-01-01T10:00:00Z',
          ends_at: '2030-01-01T12:00:00Z',
          address: 'Adelgade 1',
          organiser_name: 'O',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }, 180_000);
  afterAll(async () => {
    await handle?.close();
  });

  it('seeds the four event types in Danish and English', async () => {
    const types = await handle.db
      .selectFrom('event_types')
      .select(['slug', 'name_da', 'name_en'])
      .orderBy('position')
      .execute();
    expect(types.map((type) => type.slug)).toEqual([
      'coordination-meeting',
      'inspiration-meeting',
      'dialogue-meeting',
      'activity',
    ]);
    expect(types[0]).toMatchObject({ name_da: 'Koordineringsmøde', name_en: 'Coordination meeting' });
  });

  it('refuses an end before the start, a place-less event and a deadline after the start', async () => {
    const base = { type_id: 1, title: 'T', organiser_name: 'O', address: 'A' };
    const insert = (values: Record<string, unknown>) =>
      handle.db
        .insertInto('events')
        .values({
          ...base,
          starts_at: '2030-01-01T10:00:00Z',
          ends_at: '2030-01-01T12:00:00Z',
          ...values,
        } as never)
        .execute();
    await expect(insert({ ends_at: '2030-01-01T09:00:00Z' })).rejects.toThrow();
    await expect(insert({ address: null })).rejects.toThrow();
    await expect(insert({ signup_deadline: '2030-01-01T11:00:00Z' })).rejects.toThrow();
    await expect(insert({ capacity: -1 })).rejects.toThrow();
  });

  it('allows one active registration per member and event, in arrival order', async () => {
    const { db } = handle;
    const first = await db
      .insertInto('event_registrations')
      .values({ event_id: eventId, user_id: userId, status: 'confirmed' })
      .returning(['id', 'queue_seq'])
      .executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto('event_registrations')
        .values({ event_id: eventId, user_id: userId, status: 'waitlisted' })
        .execute(),
    ).rejects.toThrow();
    await db
      .updateTable('event_registrations')
      .set({ status: 'cancelled' })
      .where('id', '=', first.id)
      .execute();
    const again = await db
      .insertInto('event_registrations')
      .values({ event_id: eventId, user_id: userId, status: 'confirmed' })
      .returning(['queue_seq'])
      .executeTakeFirstOrThrow();
    expect(Number(again.queue_seq)).toBeGreaterThan(Number(first.queue_seq));
    // A guest needs a name and an address; a member has neither.
    await expect(
      db
        .insertInto('event_registrations')
        .values({ event_id: eventId, guest_email: 'g@example.dk', status: 'pending_guest' })
        .execute(),
    ).rejects.toThrow();
    await db
      .insertInto('event_registrations')
      .values({ event_id: eventId, guest_email: 'g@example.dk', guest_name: 'G', status: 'pending_guest' })
      .execute();
    await expect(
      db
        .insertInto('event_registrations')
        .values({ event_id: eventId, guest_email: 'G@example.dk', guest_name: 'G', status: 'pending_guest' })
        .execute(),
    ).rejects.toThrow();
    const count = await sql<{ n: number }>`select count(*)::int as n from event_registrations`.execute(db);
    expect(count.rows[0]?.n).toBe(3);
  });
});
