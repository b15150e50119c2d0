import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

// Volunteers (issue 10): profiles, the staff search, matching to events by language, history.

export interface VolunteerLanguageRow {
  language: string;
  /** 0 basic … 3 native */
  level: number;
}

const languagesOf = sql<
  VolunteerLanguageRow[]
>`(select coalesce(json_agg(json_build_object('language', vl.language, 'level', vl.level) order by vl.level desc, vl.language), '[]'::json) from volunteer_languages vl where vl.user_id = p.user_id)`;
const interestsOf = sql<
  { slug: string; name: string }[]
>`(select coalesce(json_agg(json_build_object('slug', fa.slug, 'name', fa.name) order by fa.position), '[]'::json) from volunteer_interests vi join focus_areas fa on fa.id = vi.focus_area_id where vi.user_id = p.user_id)`;

export async function findVolunteerProfile(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('volunteer_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select([
      'p.user_id',
      'u.display_name',
      'u.email',
      'p.skills',
      'p.skills_other',
      'p.availability',
      'p.presentation',
      'p.consent_at',
      'p.created_at',
      'p.updated_at',
    ])
    .select(languagesOf.as('languages'))
    .select(interestsOf.as('interests'))
    .where('p.user_id', '=', userId)
    .executeTakeFirst();
}

export async function upsertVolunteerProfile(
  db: Kysely<Database>,
  userId: string,
  values: {
    skills: string[];
    skills_other: string;
    availability: string[];
    presentation: string;
    consent: boolean;
    languages: VolunteerLanguageRow[];
    interestIds: number[];
  },
) {
  const now = new Date();
  await db
    .insertInto('volunteer_profiles')
    .values({
      user_id: userId,
      skills: values.skills,
      skills_other: values.skills_other,
      availability: values.availability,
      presentation: values.presentation,
      consent_at: values.consent ? now : null,
    })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        skills: values.skills,
        skills_other: values.skills_other,
        availability: values.availability,
        presentation: values.presentation,
        // A consent keeps the time it was given; withdrawing clears it.
        consent_at: values.consent ? sql`coalesce(volunteer_profiles.consent_at, ${now})` : null,
        updated_at: now,
      }),
    )
    .execute();
  await db.deleteFrom('volunteer_languages').where('user_id', '=', userId).execute();
  if (values.languages.length > 0) {
    await db
      .insertInto('volunteer_languages')
      .values(values.languages.map((entry) => ({ user_id: userId, ...entry })))
      .execute();
  }
  await db.deleteFrom('volunteer_interests').where('user_id', '=', userId).execute();
  if (values.interestIds.length > 0) {
    await db
      .insertInto('volunteer_interests')
      .values(values.interestIds.map((focusAreaId) => ({ user_id: userId, focus_area_id: focusAreaId })))
      .execute();
  }
}

export async function deleteVolunteerProfile(db: Kysely<Database>, userId: string) {
  await db.deleteFrom('volunteer_languages').where('user_id', '=', userId).execute();
  await db.deleteFrom('volunteer_interests').where('user_id', '=', userId).execute();
  await db.deleteFrom('volunteer_profiles').where('user_id', '=', userId).execute();
}

export interface VolunteerSearchFilters {
  language?: string;
  minLevel?: number;
  skill?: string;
  availability?: string;
  interest?: string;
  limit: number;
  offset: number;
}

/** Volunteers who consented, matching every filter given, by name; one statement a page. */
export async function searchVolunteers(db: Kysely<Database>, filters: VolunteerSearchFilters) {
  let query = db
    .selectFrom('volunteer_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .where('p.consent_at', 'is not', null)
    .where('u.disabled_at', 'is', null);
  if (filters.language) {
    const language = filters.language;
    const minLevel = filters.minLevel ?? 0;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('volunteer_languages as vl')
          .select(sql`1`.as('one'))
          .whereRef('vl.user_id', '=', 'p.user_id')
          .where('vl.language', '=', language)
          .where('vl.level', '>=', minLevel),
      ),
    );
  }
  if (filters.skill) query = query.where(sql<boolean>`${filters.skill} = any(p.skills)`);
  if (filters.availability) query = query.where(sql<boolean>`${filters.availability} = any(p.availability)`);
  if (filters.interest) {
    const slug = filters.interest;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('volunteer_interests as vi')
          .innerJoin('focus_areas as fa', 'fa.id', 'vi.focus_area_id')
          .select(sql`1`.as('one'))
          .whereRef('vi.user_id', '=', 'p.user_id')
          .where('fa.slug', '=', slug),
      ),
    );
  }
  const rows = await query
    .select(['p.user_id', 'u.display_name', 'p.skills', 'p.availability'])
    .select(languagesOf.as('languages'))
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy(sql`lower(u.display_name)`)
    .orderBy('p.user_id')
    .limit(filters.limit)
    .offset(filters.offset)
    .execute();
  return {
    rows: rows.map(({ total: _total, ...row }) => row),
    total: rows.length > 0 ? Number(rows[0]?.total) : 0,
  };
}

/** Consenting volunteers who speak any of the languages, with what ranking needs. */
export async function volunteerCandidates(
  db: Kysely<Database>,
  eventId: number,
  languages: readonly string[],
) {
  if (languages.length === 0) return [];
  return db
    .selectFrom('volunteer_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.user_id', 'u.display_name', 'u.email'])
    .select(languagesOf.as('languages'))
    .select(
      sql<number>`(select count(*)::int from volunteer_interests vi join event_focus_areas efa on efa.focus_area_id = vi.focus_area_id where vi.user_id = p.user_id and efa.event_id = ${eventId})`.as(
        'shared_interests',
      ),
    )
    .select(
      sql<number>`(select count(*)::int from event_registrations r where r.user_id = p.user_id and r.attended_at is not null)`.as(
        'attended',
      ),
    )
    .select(
      sql<boolean>`exists (select 1 from volunteer_invitations vi where vi.user_id = p.user_id and vi.event_id = ${eventId})`.as(
        'invited',
      ),
    )
    .select(
      sql<boolean>`exists (select 1 from event_registrations r where r.user_id = p.user_id and r.event_id = ${eventId} and r.status <> 'cancelled')`.as(
        'signed_up',
      ),
    )
    .where('p.consent_at', 'is not', null)
    .where('u.disabled_at', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('volunteer_languages as vl')
          .select(sql`1`.as('one'))
          .whereRef('vl.user_id', '=', 'p.user_id')
          .where('vl.language', 'in', [...languages]),
      ),
    )
    .limit(500)
    .execute();
}

export async function eventVolunteerLanguages(db: Kysely<Database>, eventId: number) {
  const rows = await db
    .selectFrom('event_volunteer_languages')
    .select('language')
    .where('event_id', '=', eventId)
    .orderBy('language')
    .execute();
  return rows.map((row) => row.language);
}

export async function setEventVolunteerLanguages(db: Kysely<Database>, eventId: number, languages: string[]) {
  await db.deleteFrom('event_volunteer_languages').where('event_id', '=', eventId).execute();
  if (languages.length === 0) return;
  await db
    .insertInto('event_volunteer_languages')
    .values(languages.map((language) => ({ event_id: eventId, language })))
    .execute();
}

/** Records an invitation; answers false when the volunteer was invited to the event before. */
export async function insertVolunteerInvitation(
  db: Kysely<Database>,
  eventId: number,
  userId: string,
  invitedBy: string | null,
) {
  const result = await db
    .insertInto('volunteer_invitations')
    .values({ event_id: eventId, user_id: userId, invited_by: invitedBy })
    .onConflict((oc) => oc.columns(['event_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return result !== undefined;
}

/** A user's sign-ups (not cancelled ones) with the event's times, newest first. */
export async function volunteerHistory(db: Kysely<Database>, userId: string, onlyAttended = false) {
  let query = db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select([
      'e.id as event_id',
      'e.title',
      'e.starts_at',
      'e.ends_at',
      'e.organiser_name',
      'e.status as event_status',
      'r.status',
      'r.attended_at',
    ])
    .where('r.user_id', '=', userId)
    .where('r.status', '<>', 'cancelled');
  if (onlyAttended) query = query.where('r.attended_at', 'is not', null);
  return query.orderBy('e.starts_at', 'desc').limit(500).execute();
}

/** Before an account's registrations go: its attendance stays as a number per event. */
export async function keepAttendanceAsCount(db: Kysely<Database>, userId: string) {
  await sql`
    insert into event_erased_attendance (event_id, attended)
    select event_id, count(*)::int from event_registrations
    where user_id = ${userId} and attended_at is not null
    group by event_id
    on conflict (event_id) do update set attended = event_erased_attendance.attended + excluded.attended
  `.execute(db);
}

export async function erasedAttendance(db: Kysely<Database>, eventId: number) {
  const row = await db
    .selectFrom('event_erased_attendance')
    .select('attended')
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return row?.attended ?? 0;
}
