import { type Kysely, sql } from 'kysely';
import type { ActivityModerationState, Database } from '../schema.ts';

// Associations and volunteers (issue 10): associations, their members (role grants in
// user_roles), invitations and the moderation of their activities.

export type AssociationRow = Awaited<ReturnType<typeof findAssociationBySlug>>;

const associationColumns = [
  'a.id',
  'a.slug',
  'a.name',
  'a.cvr',
  'a.description',
  'a.contact_name',
  'a.email',
  'a.phone',
  'a.website',
  'a.address',
  'a.languages',
  'a.verified_at',
  'a.created_at',
  'a.updated_at',
] as const;

const focusAreasOf = sql<
  { slug: string; name: string }[]
>`(select coalesce(json_agg(json_build_object('slug', fa.slug, 'name', fa.name) order by fa.position), '[]'::json) from association_focus_areas afa join focus_areas fa on fa.id = afa.focus_area_id where afa.association_id = a.id)`;

/** By slug, or by id when given digits (the public contract names `/api/associations/:id`). */
export async function findAssociationBySlug(db: Kysely<Database>, slug: string) {
  return db
    .selectFrom('associations as a')
    .select(associationColumns)
    .select(focusAreasOf.as('focus_areas'))
    .where((eb) =>
      /^\d{1,9}$/.test(slug)
        ? eb.or([eb('a.slug', '=', slug), eb('a.id', '=', Number(slug))])
        : eb('a.slug', '=', slug),
    )
    .orderBy(sql`a.slug = ${slug}`, 'desc')
    .executeTakeFirst();
}

export async function findAssociationById(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('associations as a')
    .select(associationColumns)
    .select(focusAreasOf.as('focus_areas'))
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export async function lockAssociation(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('associations')
    .select(['id', 'verified_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function slugTaken(db: Kysely<Database>, slug: string) {
  const row = await db.selectFrom('associations').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

export async function cvrTaken(db: Kysely<Database>, cvr: string, exceptId?: number) {
  let query = db.selectFrom('associations').select('id').where('cvr', '=', cvr);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The verified associations by name, a page at a time, with the total. */
export async function listVerifiedAssociations(
  db: Kysely<Database>,
  filters: { q?: string; limit: number; offset: number },
) {
  let query = db.selectFrom('associations as a').where('a.verified_at', 'is not', null);
  for (const word of (filters.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10)) {
    const pattern = `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    query = query.where(sql<boolean>`(a.name ilike ${pattern} or a.description ilike ${pattern})`);
  }
  const rows = await query
    .select(['a.id', 'a.slug', 'a.name', 'a.description', 'a.languages', 'a.website'])
    .select(focusAreasOf.as('focus_areas'))
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy(sql`lower(a.name)`)
    .orderBy('a.id')
    .limit(filters.limit)
    .offset(filters.offset)
    .execute();
  return { rows, total: rows.length > 0 ? Number(rows[0]?.total) : 0 };
}

/** Associations waiting for staff to verify them, oldest first. */
export async function listPendingAssociations(db: Kysely<Database>) {
  return db
    .selectFrom('associations as a')
    .leftJoin('users as u', 'u.id', 'a.created_by')
    .select(['a.id', 'a.slug', 'a.name', 'a.cvr', 'a.created_at', 'u.display_name as created_by_name'])
    .where('a.verified_at', 'is', null)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

export async function insertAssociation(
  db: Kysely<Database>,
  values: {
    slug: string;
    name: string;
    cvr: string | null;
    description: string;
    contact_name: string | null;
    email: string | null;
    phone: string | null;
    website: string | null;
    address: string | null;
    languages: string[];
    created_by: string | null;
  },
): Promise<number> {
  const row = await db.insertInto('associations').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAssociationRow(
  db: Kysely<Database>,
  id: number,
  values: Partial<{
    name: string;
    cvr: string | null;
    description: string;
    contact_name: string | null;
    email: string | null;
    phone: string | null;
    website: string | null;
    address: string | null;
    languages: string[];
    verified_at: Date | null;
    verified_by: string | null;
  }>,
) {
  await db
    .updateTable('associations')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function deleteAssociationRow(db: Kysely<Database>, id: number) {
  await db.deleteFrom('associations').where('id', '=', id).execute();
}

export async function setAssociationFocusAreas(db: Kysely<Database>, id: number, focusAreaIds: number[]) {
  await db.deleteFrom('association_focus_areas').where('association_id', '=', id).execute();
  if (focusAreaIds.length === 0) return;
  await db
    .insertInto('association_focus_areas')
    .values(focusAreaIds.map((focusAreaId) => ({ association_id: id, focus_area_id: focusAreaId })))
    .execute();
}

// ── Members: the association roles of user_roles ─────────────────────────────────────────────

export interface MemberRow {
  user_id: string;
  display_name: string;
  email: string;
  role: 'admin' | 'member';
  since: Date;
}

/** Members with their strongest role (an admin is shown once, as admin), locked when asked. */
export async function listMembers(db: Kysely<Database>, associationId: number): Promise<MemberRow[]> {
  const rows = await db
    .selectFrom('user_roles as ur')
    .innerJoin('users as u', 'u.id', 'ur.user_id')
    .select([
      'ur.user_id',
      'u.display_name',
      'u.email',
      sql<
        'admin' | 'member'
      >`case when bool_or(ur.role = 'association_admin') then 'admin' else 'member' end`.as('role'),
      sql<Date>`min(ur.created_at)`.as('since'),
    ])
    .where('ur.association_id', '=', associationId)
    .where('ur.role', 'in', ['association_admin', 'association_member'])
    .groupBy(['ur.user_id', 'u.display_name', 'u.email'])
    .orderBy(sql`lower(u.display_name)`)
    .execute();
  return rows;
}

/** Sets a user's role in an association (null: not a member any more). */
export async function setMemberRole(
  db: Kysely<Database>,
  associationId: number,
  userId: string,
  role: 'admin' | 'member' | null,
  grantedBy: string | null,
) {
  await db
    .deleteFrom('user_roles')
    .where('association_id', '=', associationId)
    .where('user_id', '=', userId)
    .where('role', 'in', ['association_admin', 'association_member'])
    .execute();
  if (role === null) return;
  await db
    .insertInto('user_roles')
    .values({
      user_id: userId,
      role: role === 'admin' ? 'association_admin' : 'association_member',
      association_id: associationId,
      granted_by: grantedBy,
    })
    .execute();
}

/** The associations a user belongs to, with their role. */
export async function listMembershipsOf(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('user_roles as ur')
    .innerJoin('associations as a', 'a.id', 'ur.association_id')
    .select([
      'a.id',
      'a.slug',
      'a.name',
      'a.verified_at',
      sql<
        'admin' | 'member'
      >`case when bool_or(ur.role = 'association_admin') then 'admin' else 'member' end`.as('role'),
    ])
    .where('ur.user_id', '=', userId)
    .where('ur.role', 'in', ['association_admin', 'association_member'])
    .groupBy(['a.id', 'a.slug', 'a.name', 'a.verified_at'])
    .orderBy(sql`lower(a.name)`)
    .execute();
}

// ── Invitations ───────────────────────────────────────────────────────────────────────────────

export async function insertInvitation(
  db: Kysely<Database>,
  values: {
    id: string;
    association_id: number;
    email: string;
    role: 'admin' | 'member';
    secret_hash: Uint8Array;
    invited_by: string | null;
    expires_at: Date;
  },
) {
  await db.insertInto('association_invitations').values(values).execute();
}

export async function findInvitation(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('association_invitations as i')
    .innerJoin('associations as a', 'a.id', 'i.association_id')
    .select([
      'i.id',
      'i.association_id',
      'i.email',
      'i.role',
      'i.secret_hash',
      'i.expires_at',
      'i.used_at',
      'a.slug',
      'a.name',
    ])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

/** Marks the invitation used; answers false when another request used it first. */
export async function useInvitation(db: Kysely<Database>, id: string, userId: string, now: Date) {
  const result = await db
    .updateTable('association_invitations')
    .set({ used_at: now, used_by: userId })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listOpenInvitations(db: Kysely<Database>, associationId: number, now: Date) {
  return db
    .selectFrom('association_invitations')
    .select(['id', 'email', 'role', 'created_at', 'expires_at'])
    .where('association_id', '=', associationId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function deleteInvitationsTo(db: Kysely<Database>, email: string) {
  await db.deleteFrom('association_invitations').where('email', '=', email).execute();
}

// ── Activities and their moderation ──────────────────────────────────────────────────────────

export async function insertModeration(
  db: Kysely<Database>,
  values: {
    event_id: number;
    association_id: number | null;
    posted_by: string | null;
    state: ActivityModerationState;
  },
) {
  await db.insertInto('activity_moderation').values(values).execute();
}

export async function findModeration(db: Kysely<Database>, eventId: number) {
  return db
    .selectFrom('activity_moderation as m')
    .leftJoin('users as u', 'u.id', 'm.posted_by')
    .select([
      'm.event_id',
      'm.association_id',
      'm.posted_by',
      'm.state',
      'm.reason',
      'u.email as poster_email',
      'u.display_name as poster_name',
    ])
    .where('m.event_id', '=', eventId)
    .executeTakeFirst();
}

export async function decideModeration(
  db: Kysely<Database>,
  eventId: number,
  values: { state: ActivityModerationState; reason: string | null; decided_by: string | null },
) {
  await db
    .updateTable('activity_moderation')
    .set({ ...values, decided_at: new Date() })
    .where('event_id', '=', eventId)
    .execute();
}

/** How many of an association's activities staff have approved (or that published at once). */
export async function countApprovedActivities(db: Kysely<Database>, associationId: number) {
  const row = await db
    .selectFrom('activity_moderation')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('association_id', '=', associationId)
    .where('state', 'in', ['approved', 'auto'])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The moderation queue: pending activities, oldest first, with their association. */
export async function listPendingActivities(db: Kysely<Database>) {
  return db
    .selectFrom('activity_moderation as m')
    .innerJoin('events as e', 'e.id', 'm.event_id')
    .innerJoin('associations as a', 'a.id', 'm.association_id')
    .leftJoin('users as u', 'u.id', 'm.posted_by')
    .select([
      'e.id',
      'e.title',
      'e.starts_at',
      'e.ends_at',
      'e.address',
      'e.online_url',
      'e.description',
      'a.slug as association_slug',
      'a.name as association_name',
      'a.verified_at',
      'u.display_name as poster_name',
      'm.created_at',
    ])
    .where('m.state', '=', 'pending')
    .orderBy('m.created_at')
    .orderBy('e.id')
    .execute();
}

/** An association's activities with their moderation state, newest first (for its members). */
export async function listAssociationActivities(db: Kysely<Database>, associationId: number) {
  return db
    .selectFrom('activity_moderation as m')
    .innerJoin('events as e', 'e.id', 'm.event_id')
    .select(['e.id', 'e.title', 'e.starts_at', 'e.status', 'm.state', 'm.reason'])
    .where('m.association_id', '=', associationId)
    .orderBy('e.starts_at', 'desc')
    .limit(100)
    .execute();
}

/** An account is deleted: its posts and decisions keep no link to it. */
export async function unlinkModerationOf(db: Kysely<Database>, userId: string) {
  await db
    .updateTable('activity_moderation')
    .set({ posted_by: null })
    .where('posted_by', '=', userId)
    .execute();
}

/** Associations where the user is the only admin, with another member who could take over. */
export async function associationsOnlyAdminnedBy(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('user_roles as mine')
    .select('mine.association_id')
    .where('mine.user_id', '=', userId)
    .where('mine.role', '=', 'association_admin')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('user_roles as other')
            .select(sql`1`.as('one'))
            .whereRef('other.association_id', '=', 'mine.association_id')
            .where('other.role', '=', 'association_admin')
            .where('other.user_id', '<>', userId),
        ),
      ),
    )
    .execute();
}
