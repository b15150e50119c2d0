// Test data for the events extras (calendar, guests, reminders, participants): events and
// registrations written straight into the database, as route tests may.
import type { Database, NewEvent } from '@brobygger/db';
import type { Kysely } from 'kysely';

export const hour = 60 * 60 * 1000;
export const day = 24 * hour;

export async function insertEvent(db: Kysely<Database>, overrides: Partial<NewEvent> = {}): Promise<number> {
  const type = await db.selectFrom('event_types').select('id').orderBy('position').executeTakeFirstOrThrow();
  const startsAt = new Date(Date.now() + 10 * day);
  const row = await db
    .insertInto('events')
    .values({
      type_id: type.id,
      title: 'Koordineringsmøde',
      description: 'Vi mødes, planlægger og drikker kaffe.',
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 2 * hour),
      address: 'Adelgade 44, 8660 Skanderborg',
      organiser_name: 'Skanderborg Kommune',
      status: 'published',
      published_at: new Date(),
      ...overrides,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertRegistration(
  db: Kysely<Database>,
  values: {
    eventId: number;
    userId?: string;
    guest?: { name: string; email: string };
    status?: 'confirmed' | 'waitlisted' | 'pending_guest' | 'cancelled';
    checkInCode?: string | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('event_registrations')
    .values({
      event_id: values.eventId,
      user_id: values.userId ?? null,
      guest_name: values.guest?.name ?? null,
      guest_email: values.guest?.email ?? null,
      status: values.status ?? 'confirmed',
      check_in_code: values.checkInCode ?? null,
      confirmed_at: values.status === 'confirmed' || values.status === undefined ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
