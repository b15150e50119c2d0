import type { Kysely } from 'kysely';
import type { Database, EventSeriesFrequency } from '../schema.ts';

// Recurring events (issue 9): a series row holds the rule; each occurrence is its own event.

export async function insertEventSeries(
  db: Kysely<Database>,
  values: {
    frequency: EventSeriesFrequency;
    weekOfMonth: number | null;
    until: string;
    createdBy: string | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('event_series')
    .values({
      frequency: values.frequency,
      week_of_month: values.weekOfMonth,
      until_date: values.until,
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The occurrences of a series after a start time that are not cancelled, in order. */
export async function listFollowingOccurrences(
  db: Kysely<Database>,
  seriesId: number,
  after: Date,
): Promise<{ id: number; starts_at: Date; ends_at: Date; signup_deadline: Date | null }[]> {
  return db
    .selectFrom('events')
    .select(['id', 'starts_at', 'ends_at', 'signup_deadline'])
    .where('series_id', '=', seriesId)
    .where('starts_at', '>', after)
    .where('status', '<>', 'cancelled')
    .orderBy('starts_at')
    .execute();
}
