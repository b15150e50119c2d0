import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

// Reminders before an event (issue 9): which confirmed registrations are due one, and marking a
// reminder as sent exactly once.

/** `starts_at - reminder_hours` as SQL: when the event's reminders are due. */
const dueAt = sql<Date>`events.starts_at - (events.reminder_hours * interval '1 hour')`;

/**
 * Confirmed registrations of published events whose reminder is due at `now` and not yet sent,
 * and whose event has not begun (optionally of one event), oldest due first.
 */
export async function listDueReminders(
  db: Kysely<Database>,
  now: Date,
  options: { limit: number; eventId?: number },
): Promise<{ id: number; starts_at: Date }[]> {
  let query = db
    .selectFrom('event_registrations')
    .innerJoin('events', 'events.id', 'event_registrations.event_id')
    .select(['event_registrations.id', 'events.starts_at'])
    .where('events.status', '=', 'published')
    .where('event_registrations.status', '=', 'confirmed')
    .where('event_registrations.reminded_at', 'is', null)
    .where('events.reminder_hours', '>', 0)
    .where('events.starts_at', '>', now)
    .where(dueAt, '<=', now);
  if (options.eventId !== undefined) query = query.where('events.id', '=', options.eventId);
  return query.orderBy('events.starts_at').orderBy('event_registrations.id').limit(options.limit).execute();
}

/** What a reminder needs, read fresh when it is sent. */
export async function findReminder(db: Kysely<Database>, registrationId: number) {
  return db
    .selectFrom('event_registrations')
    .innerJoin('events', 'events.id', 'event_registrations.event_id')
    .leftJoin('users', 'users.id', 'event_registrations.user_id')
    .select([
      'event_registrations.id',
      'event_registrations.status',
      'event_registrations.reminded_at',
      'event_registrations.guest_name',
      'event_registrations.guest_email',
      'event_registrations.check_in_code',
      'users.email as user_email',
      'users.display_name as user_name',
      'events.id as event_id',
      'events.title',
      'events.description',
      'events.starts_at',
      'events.ends_at',
      'events.address',
      'events.online_url',
      'events.status as event_status',
      'events.published_at',
      'events.updated_at',
      'events.organiser_name',
      'events.reminder_hours',
    ])
    .where('event_registrations.id', '=', registrationId)
    .executeTakeFirst();
}

/** When an event's reminders are due (null: no such event, or reminders are off). */
export async function findEventReminderTiming(
  db: Kysely<Database>,
  eventId: number,
): Promise<{ status: string; starts_at: Date; due_at: Date | null } | undefined> {
  const row = await db
    .selectFrom('events')
    .select(['status', 'starts_at', 'reminder_hours'])
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    status: row.status,
    starts_at: row.starts_at,
    due_at:
      row.reminder_hours > 0 ? new Date(row.starts_at.getTime() - row.reminder_hours * 3_600_000) : null,
  };
}

/**
 * Marks a confirmed registration's reminder as sent, if it was not: true only for the one caller
 * that made the change (so two workers cannot both send it).
 */
export async function markReminded(
  db: Kysely<Database>,
  registrationId: number,
  now: Date,
): Promise<boolean> {
  const row = await db
    .updateTable('event_registrations')
    .set({ reminded_at: now })
    .where('id', '=', registrationId)
    .where('status', '=', 'confirmed')
    .where('reminded_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
