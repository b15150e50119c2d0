import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

// Guest sign-up (issue 9): someone without an account holds a place by name and email, confirmed
// by an emailed link whose secret is stored only as its SHA-256. A pending hold holds no seat.

/** A guest's registration by the hash of its link's secret, with what the guest page shows. */
export async function findGuestRegistration(db: Kysely<Database>, tokenHash: Uint8Array) {
  return db
    .selectFrom('event_registrations')
    .innerJoin('events', 'events.id', 'event_registrations.event_id')
    .select([
      'event_registrations.id',
      'event_registrations.event_id',
      'event_registrations.status',
      'event_registrations.guest_name',
      'event_registrations.guest_email',
      'event_registrations.guest_expires_at',
      'event_registrations.queue_seq',
      'event_registrations.check_in_code',
      'events.title',
      'events.starts_at',
      'events.ends_at',
      'events.address',
      'events.online_url',
      'events.status as event_status',
    ])
    .where('event_registrations.guest_token_hash', '=', tokenHash)
    .where('event_registrations.user_id', 'is', null)
    .executeTakeFirst();
}

/** A guest's registration of an event by address that is not cancelled (case-insensitive). */
export async function findActiveGuestRegistration(db: Kysely<Database>, eventId: number, email: string) {
  return db
    .selectFrom('event_registrations')
    .select(['id', 'status', 'guest_expires_at'])
    .where('event_id', '=', eventId)
    .where(sql`lower(guest_email)`, '=', email.toLowerCase())
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
}

export async function insertGuestHold(
  db: Kysely<Database>,
  values: { eventId: number; name: string; email: string; tokenHash: Uint8Array; expiresAt: Date },
): Promise<number> {
  const row = await db
    .insertInto('event_registrations')
    .values({
      event_id: values.eventId,
      guest_name: values.name,
      guest_email: values.email,
      status: 'pending_guest',
      guest_token_hash: values.tokenHash,
      guest_expires_at: values.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A new link for an existing guest registration (the old link stops working). */
export async function replaceGuestToken(
  db: Kysely<Database>,
  id: number,
  tokenHash: Uint8Array,
  expiresAt: Date | null,
): Promise<void> {
  await db
    .updateTable('event_registrations')
    .set({
      guest_token_hash: tokenHash,
      updated_at: new Date(),
      ...(expiresAt ? { guest_expires_at: expiresAt } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * A pending hold becomes a confirmed or waitlisted registration, queued from now (a fresh
 * `queue_seq`, taken under the event's row lock, so the waitlist keeps arrival order).
 */
export async function confirmGuestHold(
  db: Kysely<Database>,
  id: number,
  status: 'confirmed' | 'waitlisted',
  checkInCode: string,
  now: Date,
) {
  return db
    .updateTable('event_registrations')
    .set({
      status,
      queue_seq: sql`nextval('event_registration_queue_seq')`,
      confirmed_at: status === 'confirmed' ? now : null,
      guest_expires_at: null,
      check_in_code: checkInCode,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending_guest')
    .returning(['id', 'status', 'queue_seq'])
    .executeTakeFirst();
}

/**
 * Forgets unconfirmed guest holds whose time ran out: they held no seat, and a person who never
 * confirmed is not kept. Answers how many.
 */
export async function deleteExpiredGuestHolds(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('event_registrations')
    .where('status', '=', 'pending_guest')
    .where('guest_expires_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The address a forgotten guest's registration keeps (the table needs one; it reaches nobody). */
export const forgottenGuestDomain = 'glemt.invalid';

/**
 * Forgets guests whose registration is done with: the event ended, or they cancelled, before
 * `cutoff`. Name, address and link go; the registration stays (with its status and attendance)
 * so the event's counts stay true. Answers how many were forgotten.
 */
export async function forgetFinishedGuests(db: Kysely<Database>, cutoff: Date): Promise<number> {
  const result = await db
    .updateTable('event_registrations')
    .set((eb) => ({
      guest_name: 'Slettet gæst',
      guest_email: sql<string>`'gaest-' || ${eb.ref('id')} || '@${sql.raw(forgottenGuestDomain)}'`,
      guest_token_hash: null,
      updated_at: new Date(),
    }))
    .where('user_id', 'is', null)
    .where('guest_email', 'not like', `%@${forgottenGuestDomain}`)
    .where((eb) =>
      eb.or([
        eb('event_id', 'in', eb.selectFrom('events').select('id').where('ends_at', '<=', cutoff)),
        eb.and([eb('status', '=', 'cancelled'), eb('cancelled_at', '<=', cutoff)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
