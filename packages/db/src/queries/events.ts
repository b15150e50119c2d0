import { generateCheckInCode } from '@brobygger/domain';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Database, EventRow, EventsTable, NewEvent, RegistrationStatusColumn } from '../schema.ts';

// Events and sign-up. Every change to an event's registrations runs in a transaction that first
// locks the event row (`lockEvent`), so counting seats and writing a registration cannot race.

export interface EventFilters {
  /** Events that have not ended by this instant (the default "upcoming"). */
  endsAfter?: Date;
  startsFrom?: Date;
  startsBefore?: Date;
  type?: string;
  focusArea?: string;
  language?: string;
  organiser?: string;
  q?: string;
  stepFree?: boolean;
  hearingLoop?: boolean;
  interpreter?: boolean;
  childcare?: boolean;
  /** Only drafts (staff), instead of the public list (published and cancelled). */
  drafts?: boolean;
  /** Associations and volunteers (issue 10): the events one association organises. */
  associationId?: number;
  limit: number;
  offset: number;
}

export interface EventSummaryRow {
  id: number;
  title: string;
  starts_at: Date;
  ends_at: Date;
  address: string | null;
  online_url: string | null;
  capacity: number | null;
  signup_deadline: Date | null;
  organiser_name: string;
  status: EventRow['status'];
  step_free: boolean;
  hearing_loop: boolean;
  interpreter: boolean;
  childcare: boolean;
  series_id: number | null;
  type_slug: string;
  type_name_da: string;
  type_name_en: string;
  confirmed: number;
  waitlisted: number;
  focus_areas: { slug: string; name: string }[];
  languages: string[];
}

export interface EventDetailRow extends EventSummaryRow {
  type_id: number;
  description: string;
  reminder_hours: number;
  organiser_user_id: string | null;
  association_id: number | null;
  created_by: string | null;
  published_at: Date | null;
  cancelled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** `%`, `_` and `\` taken literally in an ILIKE pattern. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

// The columns of a summary: the counts and the lists come from correlated subqueries over indexed
// columns, so one statement answers a whole page (no N+1).
function withSummary<O>(query: SelectQueryBuilder<Database, 'events' | 'event_types', O>) {
  return query.select([
    'events.id',
    'events.title',
    'events.starts_at',
    'events.ends_at',
    'events.address',
    'events.online_url',
    'events.capacity',
    'events.signup_deadline',
    'events.organiser_name',
    'events.status',
    'events.step_free',
    'events.hearing_loop',
    'events.interpreter',
    'events.childcare',
    'events.series_id',
    'event_types.slug as type_slug',
    'event_types.name_da as type_name_da',
    'event_types.name_en as type_name_en',
    sql<number>`(select count(*)::int from event_registrations r where r.event_id = events.id and r.status = 'confirmed')`.as(
      'confirmed',
    ),
    sql<number>`(select count(*)::int from event_registrations r where r.event_id = events.id and r.status = 'waitlisted')`.as(
      'waitlisted',
    ),
    sql<
      { slug: string; name: string }[]
    >`(select coalesce(json_agg(json_build_object('slug', fa.slug, 'name', fa.name) order by fa.position), '[]'::json) from event_focus_areas efa join focus_areas fa on fa.id = efa.focus_area_id where efa.event_id = events.id)`.as(
      'focus_areas',
    ),
    sql<
      string[]
    >`(select coalesce(json_agg(el.language order by el.language), '[]'::json) from event_languages el where el.event_id = events.id)`.as(
      'languages',
    ),
  ]);
}

/** A page of events matching the filters, in start order, with the total count. */
export async function listEvents(
  db: Kysely<Database>,
  filters: EventFilters,
): Promise<{ rows: EventSummaryRow[]; total: number }> {
  let query = db.selectFrom('events').innerJoin('event_types', 'event_types.id', 'events.type_id');
  query = filters.drafts
    ? query.where('events.status', '=', 'draft')
    : query.where('events.status', 'in', ['published', 'cancelled']);
  if (filters.endsAfter) query = query.where('events.ends_at', '>', filters.endsAfter);
  if (filters.startsFrom) query = query.where('events.starts_at', '>=', filters.startsFrom);
  if (filters.startsBefore) query = query.where('events.starts_at', '<', filters.startsBefore);
  if (filters.type) query = query.where('event_types.slug', '=', filters.type);
  if (filters.associationId) query = query.where('events.association_id', '=', filters.associationId);
  if (filters.stepFree) query = query.where('events.step_free', '=', true);
  if (filters.hearingLoop) query = query.where('events.hearing_loop', '=', true);
  if (filters.interpreter) query = query.where('events.interpreter', '=', true);
  if (filters.childcare) query = query.where('events.childcare', '=', true);
  if (filters.focusArea) {
    const slug = filters.focusArea;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('event_focus_areas as efa')
          .innerJoin('focus_areas as fa', 'fa.id', 'efa.focus_area_id')
          .select(sql`1`.as('one'))
          .whereRef('efa.event_id', '=', 'events.id')
          .where('fa.slug', '=', slug),
      ),
    );
  }
  if (filters.language) {
    const language = filters.language;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('event_languages as el')
          .select(sql`1`.as('one'))
          .whereRef('el.event_id', '=', 'events.id')
          .where('el.language', '=', language),
      ),
    );
  }
  if (filters.organiser) {
    query = query.where(
      sql<boolean>`events.organiser_name ilike ${`%${likeEscape(filters.organiser.trim())}%`}`,
    );
  }
  for (const word of (filters.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10)) {
    const pattern = `%${likeEscape(word)}%`;
    query = query.where(
      sql<boolean>`(events.title ilike ${pattern} or events.description ilike ${pattern} or events.organiser_name ilike ${pattern} or coalesce(events.address, '') ilike ${pattern} or event_types.name_da ilike ${pattern} or event_types.name_en ilike ${pattern})`,
    );
  }
  // The page first (ids and the total, from the indexes), then the summaries of just those rows:
  // the subqueries run for the 20 rows shown, not for every match the window count sees.
  const pageOfIds = query
    .select(['events.id as page_id', sql<number>`count(*) over ()`.as('total')])
    .orderBy('events.starts_at')
    .orderBy('events.id')
    .limit(filters.limit)
    .offset(filters.offset);
  const rows = await withSummary(
    db
      .selectFrom(pageOfIds.as('page'))
      .innerJoin('events', 'events.id', 'page.page_id')
      .innerJoin('event_types', 'event_types.id', 'events.type_id') as unknown as SelectQueryBuilder<
      Database,
      'events' | 'event_types',
      object
    >,
  )
    .select(sql<number>`page.total`.as('total'))
    .orderBy('events.starts_at')
    .orderBy('events.id')
    .execute();
  let total = rows.length > 0 ? Number(rows[0]?.total) : 0;
  // Past the last page: the window count is gone with the rows, so count once more.
  if (rows.length === 0 && filters.offset > 0) {
    const counted = await query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst();
    total = Number(counted?.n ?? 0);
  }
  return { rows: rows.map(({ total: _total, ...row }) => row as EventSummaryRow), total };
}

/** One event with everything a page shows. */
export async function getEventDetail(db: Kysely<Database>, id: number): Promise<EventDetailRow | undefined> {
  const row = await withSummary(
    db.selectFrom('events').innerJoin('event_types', 'event_types.id', 'events.type_id'),
  )
    .select([
      'events.type_id',
      'events.description',
      'events.reminder_hours',
      'events.organiser_user_id',
      'events.association_id',
      'events.created_by',
      'events.published_at',
      'events.cancelled_at',
      'events.created_at',
      'events.updated_at',
    ])
    .where('events.id', '=', id)
    .executeTakeFirst();
  return row as EventDetailRow | undefined;
}

export async function listEventTypes(db: Kysely<Database>) {
  return db.selectFrom('event_types').selectAll().orderBy('position').orderBy('id').execute();
}

export async function findEventType(db: Kysely<Database>, id: number) {
  return db.selectFrom('event_types').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The ids of focus areas by slug; unknown slugs are missing from the map. */
export async function focusAreaIdsBySlug(db: Kysely<Database>, slugs: readonly string[]) {
  if (slugs.length === 0) return new Map<string, number>();
  const rows = await db.selectFrom('focus_areas').select(['id', 'slug']).where('slug', 'in', slugs).execute();
  return new Map(rows.map((row) => [row.slug, row.id]));
}

export async function insertEvent(db: Kysely<Database>, values: NewEvent): Promise<number> {
  const row = await db.insertInto('events').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateEventRow(
  db: Kysely<Database>,
  id: number,
  values: Partial<{
    [K in keyof EventsTable]: EventsTable[K] extends { __update__: infer U } ? U : EventsTable[K];
  }>,
) {
  await db
    .updateTable('events')
    .set({ ...(values as object), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function setEventFocusAreas(db: Kysely<Database>, eventId: number, focusAreaIds: number[]) {
  await db.deleteFrom('event_focus_areas').where('event_id', '=', eventId).execute();
  if (focusAreaIds.length > 0) {
    await db
      .insertInto('event_focus_areas')
      .values(focusAreaIds.map((focus_area_id) => ({ event_id: eventId, focus_area_id })))
      .execute();
  }
}

export async function setEventLanguages(db: Kysely<Database>, eventId: number, languages: string[]) {
  await db.deleteFrom('event_languages').where('event_id', '=', eventId).execute();
  if (languages.length > 0) {
    await db
      .insertInto('event_languages')
      .values([...new Set(languages)].map((language) => ({ event_id: eventId, language })))
      .execute();
  }
}

/** The event row, locked until the transaction ends (`select … for update`). */
export async function lockEvent(db: Kysely<Database>, id: number): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findEvent(db: Kysely<Database>, id: number): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Confirmed and waitlisted registrations of an event. */
export async function countRegistrations(db: Kysely<Database>, eventId: number) {
  const row = await db
    .selectFrom('event_registrations')
    .select([
      sql<number>`count(*) filter (where status = 'confirmed')::int`.as('confirmed'),
      sql<number>`count(*) filter (where status = 'waitlisted')::int`.as('waitlisted'),
    ])
    .where('event_id', '=', eventId)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .executeTakeFirstOrThrow();
  return { confirmed: Number(row.confirmed), waitlisted: Number(row.waitlisted) };
}

/** A member's registration of an event that is not cancelled. */
export async function findActiveRegistration(db: Kysely<Database>, eventId: number, userId: string) {
  return db
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
}

export async function insertMemberRegistration(
  db: Kysely<Database>,
  values: { eventId: number; userId: string; status: 'confirmed' | 'waitlisted' },
) {
  return db
    .insertInto('event_registrations')
    .values({
      event_id: values.eventId,
      user_id: values.userId,
      status: values.status,
      confirmed_at: values.status === 'confirmed' ? new Date() : null,
      // events-extras: the code shown on the confirmation page and checked in at the door.
      check_in_code: generateCheckInCode(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** 1 for the first on the waitlist: the rank of `queueSeq` among the event's waitlisted. */
export async function waitlistPosition(db: Kysely<Database>, eventId: number, queueSeq: number) {
  const row = await db
    .selectFrom('event_registrations')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .where('queue_seq', '<=', queueSeq)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setRegistrationStatus(
  db: Kysely<Database>,
  id: number,
  status: RegistrationStatusColumn,
) {
  const now = new Date();
  await db
    .updateTable('event_registrations')
    .set({
      status,
      updated_at: now,
      ...(status === 'cancelled' ? { cancelled_at: now } : {}),
      ...(status === 'confirmed' ? { confirmed_at: now } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export interface RegistrationRecipient {
  id: number;
  status: RegistrationStatusColumn;
  email: string;
  name: string;
  locale: string;
  /** A guest (no account): reached through the link of their confirmation mail. */
  guest: boolean;
}

const recipientColumns = [
  'r.id',
  'r.status',
  sql<string>`coalesce(u.email, r.guest_email)`.as('email'),
  sql<string>`coalesce(u.display_name, r.guest_name)`.as('name'),
  sql<string>`coalesce(u.locale, 'da')`.as('locale'),
  sql<boolean>`r.user_id is null`.as('guest'),
] as const;

/** Moves the first `count` of the waitlist (by arrival) to confirmed; returns who they are. */
export async function promoteFromWaitlist(
  db: Kysely<Database>,
  eventId: number,
  count: number,
): Promise<RegistrationRecipient[]> {
  if (count <= 0) return [];
  const first = await db
    .selectFrom('event_registrations')
    .select('id')
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .orderBy('queue_seq')
    .limit(count)
    .execute();
  if (first.length === 0) return [];
  const now = new Date();
  await db
    .updateTable('event_registrations')
    .set({ status: 'confirmed', confirmed_at: now, updated_at: now })
    .where(
      'id',
      'in',
      first.map((row) => row.id),
    )
    .execute();
  return registrationRecipients(
    db,
    first.map((row) => row.id),
  );
}

export async function registrationRecipients(
  db: Kysely<Database>,
  ids: number[],
): Promise<RegistrationRecipient[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('event_registrations as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select(recipientColumns)
    .where('r.id', 'in', ids)
    .orderBy('r.queue_seq')
    .execute();
  return rows as RegistrationRecipient[];
}

/** Everyone signed up (confirmed or waitlisted) to an event: who is told of a change. */
export async function activeRegistrationRecipients(
  db: Kysely<Database>,
  eventId: number,
): Promise<RegistrationRecipient[]> {
  const rows = await db
    .selectFrom('event_registrations as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select(recipientColumns)
    .where('r.event_id', '=', eventId)
    .where('r.status', 'in', ['confirmed', 'waitlisted'])
    .orderBy('r.queue_seq')
    .execute();
  return rows as RegistrationRecipient[];
}

export interface MyRegistrationRow {
  registration_id: number;
  status: 'confirmed' | 'waitlisted';
  position: number | null;
  created_at: Date;
  event_id: number;
  title: string;
  starts_at: Date;
  ends_at: Date;
  address: string | null;
  online_url: string | null;
  event_status: EventRow['status'];
}

/** A member's sign-ups to events that have not ended, with waitlist positions. */
export async function listMyRegistrations(
  db: Kysely<Database>,
  userId: string,
  endsAfter: Date,
): Promise<MyRegistrationRow[]> {
  const rows = await db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select([
      'r.id as registration_id',
      'r.status',
      sql<
        number | null
      >`case when r.status = 'waitlisted' then (select count(*)::int from event_registrations w where w.event_id = r.event_id and w.status = 'waitlisted' and w.queue_seq <= r.queue_seq) end`.as(
        'position',
      ),
      'r.created_at',
      'e.id as event_id',
      'e.title',
      'e.starts_at',
      'e.ends_at',
      'e.address',
      'e.online_url',
      'e.status as event_status',
    ])
    .where('r.user_id', '=', userId)
    .where('r.status', 'in', ['confirmed', 'waitlisted'])
    .where('e.ends_at', '>', endsAfter)
    .orderBy('e.starts_at')
    .execute();
  return rows as MyRegistrationRow[];
}

/** Every registration a member has made, for the export of their data. */
export async function listAllRegistrationsOf(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select([
      'r.id',
      'r.status',
      'r.created_at',
      'r.confirmed_at',
      'r.cancelled_at',
      'r.attended_at',
      'r.check_in_code',
      'e.id as event_id',
      'e.title',
      'e.starts_at',
    ])
    .where('r.user_id', '=', userId)
    .orderBy('r.created_at')
    .execute();
}

/** The events a member is actively signed up to (the eraser cancels each, with promotion). */
export async function activeRegistrationEventIds(db: Kysely<Database>, userId: string) {
  const rows = await db
    .selectFrom('event_registrations')
    .select('event_id')
    .where('user_id', '=', userId)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .orderBy('event_id')
    .execute();
  return rows.map((row) => row.event_id);
}

/** Forgets a member's registrations (their account is being deleted). */
export async function deleteRegistrationsOf(db: Kysely<Database>, userId: string) {
  await db.deleteFrom('event_registrations').where('user_id', '=', userId).execute();
  await db.deleteFrom('calendar_feed_tokens').where('user_id', '=', userId).execute();
}

/** Events the member organises keep their organiser's name as written, without the link. */
export async function unlinkOrganiser(db: Kysely<Database>, userId: string) {
  await db
    .updateTable('events')
    .set({ organiser_user_id: null })
    .where('organiser_user_id', '=', userId)
    .execute();
}
