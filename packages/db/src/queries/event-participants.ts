import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

// On the day (issue 9): the participant list of an event, attendance and check-in by code.

export interface ParticipantRow {
  id: number;
  status: 'confirmed' | 'waitlisted' | 'pending_guest' | 'cancelled';
  name: string;
  email: string;
  is_guest: boolean;
  position: number | null;
  check_in_code: string | null;
  attended_at: Date | null;
  created_at: Date;
}

/** Confirmed then waitlisted (in queue order) registrations of an event, with who they are. */
export async function listParticipants(db: Kysely<Database>, eventId: number): Promise<ParticipantRow[]> {
  const rows = await db
    .selectFrom('event_registrations as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select([
      'r.id',
      'r.status',
      sql<string>`coalesce(u.display_name, r.guest_name)`.as('name'),
      sql<string>`coalesce(u.email, r.guest_email)`.as('email'),
      sql<boolean>`r.user_id is null`.as('is_guest'),
      sql<
        number | null
      >`case when r.status = 'waitlisted' then (row_number() over (partition by r.status order by r.queue_seq))::int end`.as(
        'position',
      ),
      'r.check_in_code',
      'r.attended_at',
      'r.created_at',
    ])
    .where('r.event_id', '=', eventId)
    .where('r.status', 'in', ['confirmed', 'waitlisted'])
    .orderBy(sql`case when r.status = 'confirmed' then 0 else 1 end`)
    .orderBy('r.queue_seq')
    .execute();
  return rows as ParticipantRow[];
}

/** Marks (or unmarks) a registration of the event as attended; false if it is not one of its own. */
export async function setAttendance(
  db: Kysely<Database>,
  eventId: number,
  registrationId: number,
  attendedAt: Date | null,
): Promise<boolean> {
  const result = await db
    .updateTable('event_registrations')
    .set({ attended_at: attendedAt, updated_at: new Date() })
    .where('id', '=', registrationId)
    .where('event_id', '=', eventId)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The registration of an event with this check-in code (not cancelled). */
export async function findByCheckInCode(db: Kysely<Database>, eventId: number, code: string) {
  return db
    .selectFrom('event_registrations as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select([
      'r.id',
      'r.status',
      'r.attended_at',
      sql<string>`coalesce(u.display_name, r.guest_name)`.as('name'),
    ])
    .where('r.event_id', '=', eventId)
    .where('r.check_in_code', '=', code)
    .where('r.status', '<>', 'cancelled')
    .executeTakeFirst();
}

/** Gives a registration a check-in code if it has none; answers the code it has. */
export async function ensureCheckInCode(
  db: Kysely<Database>,
  registrationId: number,
  fresh: string,
): Promise<string | null> {
  await db
    .updateTable('event_registrations')
    .set({ check_in_code: fresh })
    .where('id', '=', registrationId)
    .where('check_in_code', 'is', null)
    .execute();
  const row = await db
    .selectFrom('event_registrations')
    .select('check_in_code')
    .where('id', '=', registrationId)
    .executeTakeFirst();
  return row?.check_in_code ?? null;
}
