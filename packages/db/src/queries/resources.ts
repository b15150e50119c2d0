import { reservedResourceSlugs } from '@brobygger/domain';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type {
  Database,
  ResourceAttachmentRow,
  ResourceAudienceColumn,
  ResourceKindColumn,
  ResourceRevisionRow,
  ResourceRow,
  ResourcesTable,
} from '../schema.ts';

// The resource library (issue 11): one function per query. Every read that lists or counts takes
// the audiences the reader may see, so what they may not see never leaves the database.

export interface ResourceFilters {
  audiences: readonly ResourceAudienceColumn[];
  kind?: ResourceKindColumn;
  focusArea?: string;
  tag?: string;
  q?: string;
  limit: number;
  offset: number;
}

export interface ResourceSummaryRow {
  id: number;
  slug: string;
  kind: ResourceKindColumn;
  title: string;
  summary: string;
  audience: ResourceAudienceColumn;
  revision: number;
  last_reviewed_at: Date | null;
  updated_at: Date;
  tags: string[];
  focus_areas: { slug: string; name: string }[];
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

function withLists<O>(query: SelectQueryBuilder<Database, 'resources', O>) {
  return query.select([
    sql<
      string[]
    >`coalesce((select array_agg(t.tag order by t.tag) from resource_tags t where t.resource_id = resources.id), '{}')`.as(
      'tags',
    ),
    sql<
      { slug: string; name: string }[]
    >`coalesce((select json_agg(json_build_object('slug', f.slug, 'name', f.name) order by f.position) from resource_focus_areas rf join focus_areas f on f.id = rf.focus_area_id where rf.resource_id = resources.id), '[]'::json)`.as(
      'focus_areas',
    ),
  ]);
}

function filtered(db: Kysely<Database>, filters: Omit<ResourceFilters, 'limit' | 'offset'>) {
  let query = db.selectFrom('resources').where('resources.audience', 'in', [...filters.audiences]);
  if (filters.kind) query = query.where('resources.kind', '=', filters.kind);
  if (filters.tag) {
    const tag = filters.tag;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('resource_tags')
          .select('resource_tags.tag')
          .whereRef('resource_tags.resource_id', '=', 'resources.id')
          .where('resource_tags.tag', '=', tag),
      ),
    );
  }
  if (filters.focusArea) {
    const slug = filters.focusArea;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('resource_focus_areas')
          .innerJoin('focus_areas', 'focus_areas.id', 'resource_focus_areas.focus_area_id')
          .select('resource_focus_areas.resource_id')
          .whereRef('resource_focus_areas.resource_id', '=', 'resources.id')
          .where('focus_areas.slug', '=', slug),
      ),
    );
  }
  const q = filters.q?.trim();
  if (q) {
    const pattern = `%${likeEscape(q)}%`;
    query = query.where((eb) =>
      eb.or([eb('resources.title', 'ilike', pattern), eb('resources.summary', 'ilike', pattern)]),
    );
  }
  return query;
}

export async function listResources(
  db: Kysely<Database>,
  filters: ResourceFilters,
): Promise<{ rows: ResourceSummaryRow[]; total: number }> {
  const base = filtered(db, filters);
  const [rows, count] = await Promise.all([
    withLists(
      base.select([
        'resources.id',
        'resources.slug',
        'resources.kind',
        'resources.title',
        'resources.summary',
        'resources.audience',
        'resources.revision',
        'resources.last_reviewed_at',
        'resources.updated_at',
      ]),
    )
      .orderBy('resources.updated_at', 'desc')
      .orderBy('resources.id', 'desc')
      .limit(filters.limit)
      .offset(filters.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ResourceSummaryRow[], total: Number(count.n) };
}

/** The tags in use among the resources the reader may see, with their counts. */
export async function listResourceTags(
  db: Kysely<Database>,
  audiences: readonly ResourceAudienceColumn[],
): Promise<{ tag: string; count: number }[]> {
  const rows = await db
    .selectFrom('resource_tags')
    .innerJoin('resources', 'resources.id', 'resource_tags.resource_id')
    .where('resources.audience', 'in', [...audiences])
    .select(['resource_tags.tag', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('resource_tags.tag')
    .orderBy('resource_tags.tag')
    .execute();
  return rows.map((row) => ({ tag: row.tag, count: Number(row.n) }));
}

export type ResourceDetailRow = ResourceRow & {
  tags: string[];
  focus_areas: { slug: string; name: string }[];
};

export async function findResourceBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<ResourceDetailRow | undefined> {
  return (await withLists(db.selectFrom('resources').selectAll('resources'))
    .where('resources.slug', '=', slug)
    .executeTakeFirst()) as ResourceDetailRow | undefined;
}

export async function findResourceById(
  db: Kysely<Database>,
  id: number,
): Promise<ResourceDetailRow | undefined> {
  return (await withLists(db.selectFrom('resources').selectAll('resources'))
    .where('resources.id', '=', id)
    .executeTakeFirst()) as ResourceDetailRow | undefined;
}

/** Holds the resource's row until the transaction ends: revisions are numbered in turn. */
export async function lockResource(db: Kysely<Database>, slug: string): Promise<ResourceRow | undefined> {
  return db.selectFrom('resources').selectAll().where('slug', '=', slug).forUpdate().executeTakeFirst();
}

/** A slug is taken by a resource, or by one of the library's own pages. */
export async function resourceSlugTaken(db: Kysely<Database>, slug: string): Promise<boolean> {
  if (reservedResourceSlugs.has(slug)) return true;
  return (
    (await db.selectFrom('resources').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined
  );
}

export async function insertResource(
  db: Kysely<Database>,
  values: Omit<import('kysely').Insertable<ResourcesTable>, 'id'>,
): Promise<number> {
  const row = await db.insertInto('resources').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateResourceRow(
  db: Kysely<Database>,
  id: number,
  values: import('kysely').Updateable<ResourcesTable>,
): Promise<void> {
  await db
    .updateTable('resources')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function setResourceTags(db: Kysely<Database>, id: number, tags: readonly string[]) {
  await db.deleteFrom('resource_tags').where('resource_id', '=', id).execute();
  const unique = [...new Set(tags)];
  if (unique.length > 0) {
    await db
      .insertInto('resource_tags')
      .values(unique.map((tag) => ({ resource_id: id, tag })))
      .execute();
  }
}

export async function setResourceFocusAreas(
  db: Kysely<Database>,
  id: number,
  focusAreaIds: readonly number[],
) {
  await db.deleteFrom('resource_focus_areas').where('resource_id', '=', id).execute();
  const unique = [...new Set(focusAreaIds)];
  if (unique.length > 0) {
    await db
      .insertInto('resource_focus_areas')
      .values(unique.map((focus_area_id) => ({ resource_id: id, focus_area_id })))
      .execute();
  }
}

export async function insertResourceRevision(
  db: Kysely<Database>,
  values: Omit<import('kysely').Insertable<Database['resource_revisions']>, 'id'>,
): Promise<void> {
  await db.insertInto('resource_revisions').values(values).execute();
}

export interface RevisionListRow {
  id: number;
  number: number;
  title: string;
  note: string;
  author_id: string | null;
  author_name: string | null;
  created_at: Date;
}

export async function listResourceRevisions(
  db: Kysely<Database>,
  resourceId: number,
): Promise<RevisionListRow[]> {
  return db
    .selectFrom('resource_revisions')
    .leftJoin('users', 'users.id', 'resource_revisions.author_id')
    .select([
      'resource_revisions.id',
      'resource_revisions.number',
      'resource_revisions.title',
      'resource_revisions.note',
      'resource_revisions.author_id',
      'users.display_name as author_name',
      'resource_revisions.created_at',
    ])
    .where('resource_revisions.resource_id', '=', resourceId)
    .orderBy('resource_revisions.number', 'desc')
    .execute();
}

export async function findResourceRevision(
  db: Kysely<Database>,
  resourceId: number,
  number: number,
): Promise<ResourceRevisionRow | undefined> {
  return db
    .selectFrom('resource_revisions')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** Resources not reviewed since `before` (never reviewed first). */
export async function listResourcesDueForReview(
  db: Kysely<Database>,
  before: Date,
  limit = 200,
): Promise<Pick<ResourceRow, 'id' | 'slug' | 'title' | 'audience' | 'last_reviewed_at' | 'updated_at'>[]> {
  return db
    .selectFrom('resources')
    .select(['id', 'slug', 'title', 'audience', 'last_reviewed_at', 'updated_at'])
    .where((eb) => eb.or([eb('last_reviewed_at', 'is', null), eb('last_reviewed_at', '<', before)]))
    .orderBy(sql`last_reviewed_at nulls first`)
    .orderBy('id')
    .limit(limit)
    .execute();
}

// ---- Suggestions ----

export async function insertSuggestion(
  db: Kysely<Database>,
  values: Omit<import('kysely').Insertable<Database['resource_suggestions']>, 'id'>,
): Promise<number> {
  const row = await db
    .insertInto('resource_suggestions')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listSuggestions(
  db: Kysely<Database>,
  filters: { resourceId?: number; status?: 'pending' | 'accepted' | 'rejected' },
) {
  let query = db
    .selectFrom('resource_suggestions')
    .innerJoin('resources', 'resources.id', 'resource_suggestions.resource_id')
    .leftJoin('users', 'users.id', 'resource_suggestions.author_id')
    .select([
      'resource_suggestions.id',
      'resource_suggestions.resource_id',
      'resources.slug as resource_slug',
      'resources.title as resource_title',
      'resource_suggestions.base_revision',
      'resource_suggestions.title',
      'resource_suggestions.summary',
      'resource_suggestions.body',
      'resource_suggestions.note',
      'resource_suggestions.status',
      'resource_suggestions.decision_note',
      'resource_suggestions.decided_at',
      'resource_suggestions.created_at',
      'resource_suggestions.author_id',
      'users.display_name as author_name',
    ]);
  if (filters.resourceId !== undefined)
    query = query.where('resource_suggestions.resource_id', '=', filters.resourceId);
  if (filters.status) query = query.where('resource_suggestions.status', '=', filters.status);
  return query.orderBy('resource_suggestions.created_at', 'desc').limit(200).execute();
}

export async function lockSuggestion(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('resource_suggestions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function decideSuggestion(
  db: Kysely<Database>,
  id: number,
  values: { status: 'accepted' | 'rejected'; decided_by: string | null; decision_note: string },
) {
  await db
    .updateTable('resource_suggestions')
    .set({ ...values, decided_at: new Date() })
    .where('id', '=', id)
    .execute();
}

// ---- Attachments ----

export async function insertAttachment(
  db: Kysely<Database>,
  values: Omit<import('kysely').Insertable<Database['resource_attachments']>, 'id'>,
): Promise<number> {
  const row = await db
    .insertInto('resource_attachments')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type AttachmentSummaryRow = Pick<
  ResourceAttachmentRow,
  'id' | 'resource_id' | 'file_name' | 'content_type' | 'size_bytes' | 'created_at' | 'extracted_at'
>;

export async function listAttachments(
  db: Kysely<Database>,
  resourceId: number,
): Promise<AttachmentSummaryRow[]> {
  return db
    .selectFrom('resource_attachments')
    .select(['id', 'resource_id', 'file_name', 'content_type', 'size_bytes', 'created_at', 'extracted_at'])
    .where('resource_id', '=', resourceId)
    .orderBy('id')
    .execute();
}

export async function findAttachment(
  db: Kysely<Database>,
  id: number,
): Promise<(ResourceAttachmentRow & { audience: ResourceAudienceColumn; slug: string }) | undefined> {
  return db
    .selectFrom('resource_attachments')
    .innerJoin('resources', 'resources.id', 'resource_attachments.resource_id')
    .selectAll('resource_attachments')
    .select(['resources.audience', 'resources.slug'])
    .where('resource_attachments.id', '=', id)
    .executeTakeFirst();
}

export async function deleteAttachmentRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('resource_attachments').where('id', '=', id).execute();
}

/** Of `keys`, the file-store keys an attachment row still names (the orphan sweep asks). */
export async function referencedAttachmentKeys(
  db: Kysely<Database>,
  keys: readonly string[],
): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('resource_attachments')
    .select('storage_key')
    .where('storage_key', 'in', keys)
    .execute();
  return rows.map((row) => row.storage_key);
}

export async function setAttachmentText(db: Kysely<Database>, id: number, text: string): Promise<void> {
  await db
    .updateTable('resource_attachments')
    .set({ extracted_text: text, extracted_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function attachmentTexts(db: Kysely<Database>, resourceId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('resource_attachments')
    .select('extracted_text')
    .where('resource_id', '=', resourceId)
    .where('extracted_text', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.extracted_text ?? '');
}

export async function allResourceIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('resources').select('id').orderBy('id').execute();
  return rows.map((row) => String(row.id));
}

/** Resources named by slug that the reader may see: for turning mentions into links. */
export async function resourceTitlesBySlug(
  db: Kysely<Database>,
  slugs: readonly string[],
  audiences: readonly ResourceAudienceColumn[],
): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await db
    .selectFrom('resources')
    .select(['slug', 'title'])
    .where('slug', 'in', [...slugs])
    .where('audience', 'in', [...audiences])
    .execute();
  return new Map(rows.map((row) => [row.slug, row.title]));
}
