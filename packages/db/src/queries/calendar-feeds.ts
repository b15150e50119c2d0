import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

// Calendar files and feeds of events (issue 9): the events a file or a feed shows, and the
// personal feed tokens (only the SHA-256 of each secret is stored).

export interface CalendarEventRow {
  id: number;
  title: string;
  description: string;
  starts_at: Date;
  ends_at: Date;
  address: string | null;
  online_url: string | null;
  status: 'draft' | 'published' | 'cancelled';
  published_at: Date | null;
  updated_at: Date;
  organiser_name: string;
}

const calendarColumns = [
  'events.id',
  'events.title',
  'events.description',
  'events.starts_at',
  'events.ends_at',
  'events.address',
  'events.online_url',
  'events.status',
  'events.published_at',
  'events.updated_at',
  'events.organiser_name',
] as const;

export async function findCalendarEvent(
  db: Kysely<Database>,
  id: number,
): Promise<CalendarEventRow | undefined> {
  return db.selectFrom('events').select(calendarColumns).where('events.id', '=', id).executeTakeFirst();
}

/**
 * The public feed: published events, and cancelled ones that had been published (so calendars
 * that hold them see STATUS:CANCELLED), ending after `since`, in order of start.
 */
export async function listPublicCalendarEvents(
  db: Kysely<Database>,
  since: Date,
  limit: number,
): Promise<CalendarEventRow[]> {
  return db
    .selectFrom('events')
    .select(calendarColumns)
    .where((eb) =>
      eb.or([
        eb('events.status', '=', 'published'),
        eb.and([eb('events.status', '=', 'cancelled'), eb('events.published_at', 'is not', null)]),
      ]),
    )
    .where('events.ends_at', '>', since)
    .orderBy('events.starts_at')
    .orderBy('events.id')
    .limit(limit)
    .execute();
}

/** A person's feed: the events they hold a confirmed or waitlisted place at, ending after `since`. */
export async function listUserCalendarEvents(
  db: Kysely<Database>,
  userId: string,
  since: Date,
  limit: number,
): Promise<(CalendarEventRow & { registration_status: 'confirmed' | 'waitlisted' })[]> {
  const rows = await db
    .selectFrom('event_registrations')
    .innerJoin('events', 'events.id', 'event_registrations.event_id')
    .select(calendarColumns)
    .select('event_registrations.status as registration_status')
    .where('event_registrations.user_id', '=', userId)
    .where('event_registrations.status', 'in', ['confirmed', 'waitlisted'])
    .where('events.status', 'in', ['published', 'cancelled'])
    .where('events.ends_at', '>', since)
    .orderBy('events.starts_at')
    .orderBy('events.id')
    .limit(limit)
    .execute();
  return rows as (CalendarEventRow & { registration_status: 'confirmed' | 'waitlisted' })[];
}

export async function findActiveCalendarFeed(
  db: Kysely<Database>,
  userId: string,
): Promise<{ id: number; created_at: Date } | undefined> {
  return db
    .selectFrom('calendar_feed_tokens')
    .select(['id', 'created_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** The owner of a live feed token, by the hash of its secret. */
export async function findCalendarFeedOwner(
  db: Kysely<Database>,
  tokenHash: Uint8Array,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('calendar_feed_tokens')
    .select('user_id')
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row?.user_id;
}

/** Ends every live feed token of a user; answers how many there were. */
export async function revokeCalendarFeeds(db: Kysely<Database>, userId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('calendar_feed_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertCalendarFeed(
  db: Kysely<Database>,
  userId: string,
  tokenHash: Uint8Array,
  now: Date,
): Promise<{ id: number; created_at: Date }> {
  return db
    .insertInto('calendar_feed_tokens')
    .values({ user_id: userId, token_hash: tokenHash, created_at: now })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}
