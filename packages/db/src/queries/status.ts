import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

// Initiative tracking and status reports (issue 13): one function per query; the use cases in
// packages/api/src/services/status/ call them inside their transactions.

export interface FocusAreaRef {
  id: number;
  slug: string;
  name: string;
  position: number;
}

export async function findFocusAreaRef(
  db: Kysely<Database>,
  slug: string,
): Promise<FocusAreaRef | undefined> {
  return db
    .selectFrom('focus_areas')
    .select(['id', 'slug', 'name', 'position'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function listFocusAreaRefs(db: Kysely<Database>): Promise<FocusAreaRef[]> {
  return db
    .selectFrom('focus_areas')
    .select(['id', 'slug', 'name', 'position'])
    .orderBy('position')
    .execute();
}

/** Holds the area's row until the transaction ends: revisions of one area are numbered in turn. */
export async function lockFocusArea(db: Kysely<Database>, id: number): Promise<void> {
  await db.selectFrom('focus_areas').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

// ---- Description ----

export interface DescriptionRevisionRow {
  revision: number;
  content: unknown;
  authorName: string | null;
  createdAt: Date;
}

export async function listDescriptionRevisions(
  db: Kysely<Database>,
  focusAreaId: number,
): Promise<DescriptionRevisionRow[]> {
  return db
    .selectFrom('focus_area_descriptions as d')
    .leftJoin('users as u', 'u.id', 'd.author_id')
    .select(['d.revision', 'd.content', 'u.display_name as authorName', 'd.created_at as createdAt'])
    .where('d.focus_area_id', '=', focusAreaId)
    .orderBy('d.revision', 'desc')
    .execute();
}

export async function latestDescription(
  db: Kysely<Database>,
  focusAreaId: number,
): Promise<DescriptionRevisionRow | undefined> {
  return db
    .selectFrom('focus_area_descriptions as d')
    .leftJoin('users as u', 'u.id', 'd.author_id')
    .select(['d.revision', 'd.content', 'u.display_name as authorName', 'd.created_at as createdAt'])
    .where('d.focus_area_id', '=', focusAreaId)
    .orderBy('d.revision', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The latest description of every area, in one query. */
export async function latestDescriptions(db: Kysely<Database>): Promise<Map<number, unknown>> {
  const rows = await db
    .selectFrom('focus_area_descriptions as d')
    .select(['d.focus_area_id', 'd.content'])
    .distinctOn('d.focus_area_id')
    .orderBy('d.focus_area_id')
    .orderBy('d.revision', 'desc')
    .execute();
  return new Map(rows.map((row) => [row.focus_area_id, row.content]));
}

export async function insertDescriptionRevision(
  db: Kysely<Database>,
  values: { focusAreaId: number; content: unknown; authorId: string | null },
): Promise<number> {
  const row = await db
    .insertInto('focus_area_descriptions')
    .values((eb) => ({
      focus_area_id: values.focusAreaId,
      revision: eb
        .selectFrom('focus_area_descriptions')
        .select(sql<number>`coalesce(max(revision), 0) + 1`.as('next'))
        .where('focus_area_id', '=', values.focusAreaId),
      content: JSON.stringify(values.content),
      author_id: values.authorId,
    }))
    .returning('revision')
    .executeTakeFirstOrThrow();
  return row.revision;
}

// ---- Initiatives ----

export interface AreaInitiativeRow {
  id: number;
  slug: string;
  name: string;
  description: string | null;
  status: string;
  responsibleUnit: string;
  partners: string[];
  startsOn: string | null;
  endsOn: string | null;
  links: unknown;
  listedYear: number;
}

const dateText = (column: 'i.starts_on' | 'i.ends_on') =>
  sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export async function listAreaInitiatives(
  db: Kysely<Database>,
  focusAreaId: number,
): Promise<AreaInitiativeRow[]> {
  return db
    .selectFrom('focus_area_initiatives as fai')
    .innerJoin('initiatives as i', 'i.id', 'fai.initiative_id')
    .select([
      'i.id',
      'i.slug',
      'i.name',
      'i.description',
      'i.status',
      'i.responsible_unit as responsibleUnit',
      'i.partners',
      'i.links',
      'i.listed_year as listedYear',
    ])
    .select([dateText('i.starts_on').as('startsOn'), dateText('i.ends_on').as('endsOn')])
    .where('fai.focus_area_id', '=', focusAreaId)
    .orderBy('fai.position')
    .execute();
}

export interface InitiativeValues {
  name: string;
  description: string;
  status: string;
  responsibleUnit: string;
  partners: string[];
  startsOn: string | null;
  endsOn: string | null;
  links: unknown[];
}

export async function insertAreaInitiative(
  db: Kysely<Database>,
  focusAreaId: number,
  slug: string,
  values: InitiativeValues,
  listedYear: number,
): Promise<number> {
  const row = await db
    .insertInto('initiatives')
    .values({
      slug,
      name: values.name,
      description: values.description || null,
      listed_year: listedYear,
      status: values.status,
      responsible_unit: values.responsibleUnit,
      partners: values.partners,
      starts_on: values.startsOn,
      ends_on: values.endsOn,
      links: JSON.stringify(values.links),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('focus_area_initiatives')
    .values((eb) => ({
      focus_area_id: focusAreaId,
      initiative_id: row.id,
      position: eb
        .selectFrom('focus_area_initiatives')
        .select(sql<number>`coalesce(max(position), 0) + 1`.as('next'))
        .where('focus_area_id', '=', focusAreaId),
    }))
    .execute();
  return row.id;
}

export async function initiativeSlugTaken(db: Kysely<Database>, slug: string): Promise<boolean> {
  return (
    (await db.selectFrom('initiatives').select('id').where('slug', '=', slug).executeTakeFirst()) !==
    undefined
  );
}

/** Updates an initiative of the area; false when it is not one of the area's. */
export async function updateAreaInitiative(
  db: Kysely<Database>,
  focusAreaId: number,
  id: number,
  values: InitiativeValues,
): Promise<boolean> {
  const result = await db
    .updateTable('initiatives')
    .set({
      name: values.name,
      description: values.description || null,
      status: values.status,
      responsible_unit: values.responsibleUnit,
      partners: values.partners,
      starts_on: values.startsOn,
      ends_on: values.endsOn,
      links: JSON.stringify(values.links),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('focus_area_initiatives')
          .select('initiative_id')
          .where('focus_area_id', '=', focusAreaId)
          .whereRef('initiative_id', '=', 'initiatives.id'),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// ---- Reports ----

export interface ReportRow {
  id: number;
  focusAreaId: number;
  areaSlug: string;
  areaName: string;
  periodKey: string;
  state: string;
  overallStatus: string | null;
  content: unknown;
  revision: number;
  submittedAt: Date | null;
  acknowledgedAt: Date | null;
  returnedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

function reportBase(db: Kysely<Database>) {
  return db
    .selectFrom('status_reports as r')
    .innerJoin('focus_areas as fa', 'fa.id', 'r.focus_area_id')
    .select([
      'r.id',
      'r.focus_area_id as focusAreaId',
      'fa.slug as areaSlug',
      'fa.name as areaName',
      'r.period_key as periodKey',
      'r.state',
      'r.overall_status as overallStatus',
      'r.content',
      'r.revision',
      'r.submitted_at as submittedAt',
      'r.acknowledged_at as acknowledgedAt',
      'r.returned_at as returnedAt',
      'r.created_at as createdAt',
      'r.updated_at as updatedAt',
    ]);
}

export async function findReport(
  db: Kysely<Database>,
  id: number,
  { lock = false } = {},
): Promise<ReportRow | undefined> {
  let query = reportBase(db).where('r.id', '=', id);
  if (lock) query = query.forUpdate('r');
  return query.executeTakeFirst();
}

/** Every report of an area, oldest period first. */
export async function listAreaReports(db: Kysely<Database>, focusAreaId: number): Promise<ReportRow[]> {
  return reportBase(db).where('r.focus_area_id', '=', focusAreaId).orderBy('r.period_key').execute();
}

/** The reports of some periods, all areas, in one query (the steering group's overview). */
export async function listReportsOfPeriods(db: Kysely<Database>, periodKeys: string[]): Promise<ReportRow[]> {
  if (periodKeys.length === 0) return [];
  return reportBase(db).where('r.period_key', 'in', periodKeys).orderBy('fa.position').execute();
}

/** Reports in some states, every area and period (lists for staff, the export). */
export async function listReportsInStates(db: Kysely<Database>, states: string[]): Promise<ReportRow[]> {
  return reportBase(db)
    .where('r.state', 'in', states)
    .orderBy('r.period_key', 'desc')
    .orderBy('fa.position')
    .execute();
}

export async function insertReport(
  db: Kysely<Database>,
  values: {
    focusAreaId: number;
    periodKey: string;
    overallStatus: string | null;
    content: unknown;
    createdBy: string | null;
  },
): Promise<number | undefined> {
  const row = await db
    .insertInto('status_reports')
    .values({
      focus_area_id: values.focusAreaId,
      period_key: values.periodKey,
      overall_status: values.overallStatus,
      content: JSON.stringify(values.content),
      created_by: values.createdBy,
    })
    .onConflict((oc) => oc.columns(['focus_area_id', 'period_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function updateReportContent(
  db: Kysely<Database>,
  id: number,
  values: { overallStatus: string | null; content: unknown; revision: number },
): Promise<void> {
  await db
    .updateTable('status_reports')
    .set({
      overall_status: values.overallStatus,
      content: JSON.stringify(values.content),
      revision: values.revision,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function setReportState(
  db: Kysely<Database>,
  id: number,
  state: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('status_reports')
    .set({
      state,
      updated_at: at,
      ...(state === 'submitted' ? { submitted_at: at } : {}),
      ...(state === 'acknowledged' ? { acknowledged_at: at } : {}),
      ...(state === 'returned' ? { returned_at: at } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertReportRevision(
  db: Kysely<Database>,
  values: { reportId: number; revision: number; content: unknown; authorId: string | null },
): Promise<void> {
  await db
    .insertInto('status_report_revisions')
    .values({
      report_id: values.reportId,
      revision: values.revision,
      content: JSON.stringify(values.content),
      author_id: values.authorId,
    })
    .execute();
}

export async function insertReportTransition(
  db: Kysely<Database>,
  values: { reportId: number; from: string; to: string; actorId: string | null; comment: string | null },
): Promise<void> {
  await db
    .insertInto('status_report_transitions')
    .values({
      report_id: values.reportId,
      from_state: values.from,
      to_state: values.to,
      actor_id: values.actorId,
      comment: values.comment,
    })
    .execute();
}

export async function insertReportComment(
  db: Kysely<Database>,
  values: { reportId: number; authorId: string | null; body: string },
): Promise<number> {
  const row = await db
    .insertInto('status_report_comments')
    .values({ report_id: values.reportId, author_id: values.authorId, body: values.body })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listReportComments(db: Kysely<Database>, reportId: number) {
  return db
    .selectFrom('status_report_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.body', 'u.display_name as authorName', 'c.created_at as createdAt'])
    .where('c.report_id', '=', reportId)
    .orderBy('c.id')
    .execute();
}

export async function listReportTransitions(db: Kysely<Database>, reportId: number) {
  return db
    .selectFrom('status_report_transitions as t')
    .leftJoin('users as u', 'u.id', 't.actor_id')
    .select([
      't.from_state as from',
      't.to_state as to',
      't.comment',
      'u.display_name as actorName',
      't.created_at as createdAt',
    ])
    .where('t.report_id', '=', reportId)
    .orderBy('t.id')
    .execute();
}

export interface IndicatorValueRow {
  reportId: number;
  key: string;
  unit: string;
  value: number;
  comment: string;
}

export async function replaceIndicatorValues(
  db: Kysely<Database>,
  reportId: number,
  values: { key: string; unit: string; value: number; comment: string }[],
): Promise<void> {
  await db.deleteFrom('status_report_indicator_values').where('report_id', '=', reportId).execute();
  if (values.length === 0) return;
  await db
    .insertInto('status_report_indicator_values')
    .values(
      values.map((value) => ({
        report_id: reportId,
        indicator_key: value.key,
        unit: value.unit,
        value: value.value,
        comment: value.comment,
      })),
    )
    .execute();
}

export async function listIndicatorValues(
  db: Kysely<Database>,
  reportIds: number[],
): Promise<IndicatorValueRow[]> {
  if (reportIds.length === 0) return [];
  const rows = await db
    .selectFrom('status_report_indicator_values')
    .select(['report_id as reportId', 'indicator_key as key', 'unit', 'value', 'comment'])
    .where('report_id', 'in', reportIds)
    .orderBy('report_id')
    .orderBy('indicator_key')
    .execute();
  return rows.map((row) => ({ ...row, value: Number(row.value) }));
}

// ---- Attachments (files uploaded to a report; the bytes are in the file store) ----

export interface ReportAttachmentRow {
  id: number;
  reportId: number;
  storageKey: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}

function attachmentBase(db: Kysely<Database>) {
  return db
    .selectFrom('status_report_attachments')
    .select([
      'id',
      'report_id as reportId',
      'storage_key as storageKey',
      'file_name as fileName',
      'content_type as contentType',
      'size_bytes as sizeBytes',
      'created_at as createdAt',
    ]);
}

const withNumberSize = (row: Omit<ReportAttachmentRow, 'sizeBytes'> & { sizeBytes: string | number }) => ({
  ...row,
  sizeBytes: Number(row.sizeBytes),
});

export async function insertReportAttachment(
  db: Kysely<Database>,
  values: {
    reportId: number;
    storageKey: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    uploadedBy: string | null;
  },
): Promise<ReportAttachmentRow> {
  const row = await db
    .insertInto('status_report_attachments')
    .values({
      report_id: values.reportId,
      storage_key: values.storageKey,
      file_name: values.fileName,
      content_type: values.contentType,
      size_bytes: values.sizeBytes,
      uploaded_by: values.uploadedBy,
    })
    .returning([
      'id',
      'report_id as reportId',
      'storage_key as storageKey',
      'file_name as fileName',
      'content_type as contentType',
      'size_bytes as sizeBytes',
      'created_at as createdAt',
    ])
    .executeTakeFirstOrThrow();
  return withNumberSize(row);
}

/** The attachments of some reports, in the order they were uploaded (one query for a whole pack). */
export async function listReportAttachments(
  db: Kysely<Database>,
  reportIds: number[],
): Promise<ReportAttachmentRow[]> {
  if (reportIds.length === 0) return [];
  const rows = await attachmentBase(db).where('report_id', 'in', reportIds).orderBy('id').execute();
  return rows.map(withNumberSize);
}

export async function countReportAttachments(db: Kysely<Database>, reportId: number): Promise<number> {
  const row = await db
    .selectFrom('status_report_attachments')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('report_id', '=', reportId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One attachment of one report; undefined when the id is unknown or belongs to another report. */
export async function findReportAttachment(
  db: Kysely<Database>,
  reportId: number,
  id: number,
): Promise<ReportAttachmentRow | undefined> {
  const row = await attachmentBase(db)
    .where('id', '=', id)
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  return row ? withNumberSize(row) : undefined;
}

export async function deleteReportAttachment(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('status_report_attachments').where('id', '=', id).execute();
}

/**
 * Deletes a report; its revisions, transitions, comments, indicator values and attachment rows go
 * with it (on delete cascade). Answers the storage keys of its files, for the caller to delete
 * from the file store after the commit.
 */
export async function deleteReport(db: Kysely<Database>, id: number): Promise<string[]> {
  const keys = await db
    .selectFrom('status_report_attachments')
    .select('storage_key')
    .where('report_id', '=', id)
    .execute();
  await db.deleteFrom('status_reports').where('id', '=', id).execute();
  return keys.map((row) => row.storage_key);
}

// ---- Periods, people, notifications ----

export async function listPeriodClosures(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('reporting_period_closures').select('period_key').execute();
  return new Set(rows.map((row) => row.period_key));
}

export async function closeReportingPeriod(
  db: Kysely<Database>,
  periodKey: string,
  closedBy: string | null,
): Promise<boolean> {
  const row = await db
    .insertInto('reporting_period_closures')
    .values({ period_key: periodKey, closed_by: closedBy })
    .onConflict((oc) => oc.column('period_key').doNothing())
    .returning('period_key')
    .executeTakeFirst();
  return row !== undefined;
}

export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
  focusAreaId: number | null;
}

/** Active lead owners of the areas (all areas when no id is given). */
export async function listLeadOwners(db: Kysely<Database>, focusAreaId?: number): Promise<Recipient[]> {
  let query = db
    .selectFrom('user_roles as ur')
    .innerJoin('users as u', 'u.id', 'ur.user_id')
    .select(['u.id as userId', 'u.email', 'u.display_name as displayName', 'ur.focus_area_id as focusAreaId'])
    .where('ur.role', '=', 'lead_owner')
    .where('u.disabled_at', 'is', null)
    .orderBy('u.email');
  if (focusAreaId !== undefined) query = query.where('ur.focus_area_id', '=', focusAreaId);
  return query.execute();
}

export async function listSteeringGroup(db: Kysely<Database>): Promise<Recipient[]> {
  return db
    .selectFrom('user_roles as ur')
    .innerJoin('users as u', 'u.id', 'ur.user_id')
    .select(['u.id as userId', 'u.email', 'u.display_name as displayName', 'ur.focus_area_id as focusAreaId'])
    .where('ur.role', '=', 'steering_group')
    .where('u.disabled_at', 'is', null)
    .orderBy('u.email')
    .execute();
}

/** Records that a notification was sent; false when it had been already (then send nothing). */
export async function claimStatusNotification(db: Kysely<Database>, key: string): Promise<boolean> {
  const row = await db
    .insertInto('status_notifications')
    .values({ key })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * What one user wrote in the status reports, for the export of their data (GDPR art. 15): the
 * description revisions, report revisions, state changes (with their comments), comments and the
 * files they uploaded (names and sizes; the files themselves are the organisation's record).
 * The content itself stays when the account is deleted; only the link to the author goes.
 */
export async function listStatusWorkOf(db: Kysely<Database>, userId: string) {
  const [descriptions, revisions, transitions, comments, attachments] = await Promise.all([
    db
      .selectFrom('focus_area_descriptions as d')
      .innerJoin('focus_areas as a', 'a.id', 'd.focus_area_id')
      .select(['a.slug as focusArea', 'd.revision', 'd.created_at as createdAt'])
      .where('d.author_id', '=', userId)
      .orderBy('d.id')
      .execute(),
    db
      .selectFrom('status_report_revisions as v')
      .innerJoin('status_reports as r', 'r.id', 'v.report_id')
      .innerJoin('focus_areas as a', 'a.id', 'r.focus_area_id')
      .select([
        'r.id as reportId',
        'a.slug as focusArea',
        'r.period_key as period',
        'v.revision',
        'v.created_at as createdAt',
      ])
      .where('v.author_id', '=', userId)
      .orderBy('v.id')
      .execute(),
    db
      .selectFrom('status_report_transitions as t')
      .innerJoin('status_reports as r', 'r.id', 't.report_id')
      .innerJoin('focus_areas as a', 'a.id', 'r.focus_area_id')
      .select([
        'r.id as reportId',
        'a.slug as focusArea',
        'r.period_key as period',
        't.from_state as from',
        't.to_state as to',
        't.comment',
        't.created_at as createdAt',
      ])
      .where('t.actor_id', '=', userId)
      .orderBy('t.id')
      .execute(),
    db
      .selectFrom('status_report_comments as c')
      .innerJoin('status_reports as r', 'r.id', 'c.report_id')
      .innerJoin('focus_areas as a', 'a.id', 'r.focus_area_id')
      .select([
        'r.id as reportId',
        'a.slug as focusArea',
        'r.period_key as period',
        'c.body',
        'c.created_at as createdAt',
      ])
      .where('c.author_id', '=', userId)
      .orderBy('c.id')
      .execute(),
    db
      .selectFrom('status_report_attachments as f')
      .innerJoin('status_reports as r', 'r.id', 'f.report_id')
      .innerJoin('focus_areas as a', 'a.id', 'r.focus_area_id')
      .select([
        'r.id as reportId',
        'a.slug as focusArea',
        'r.period_key as period',
        'f.file_name as fileName',
        'f.content_type as contentType',
        'f.size_bytes as sizeBytes',
        'f.created_at as createdAt',
      ])
      .where('f.uploaded_by', '=', userId)
      .orderBy('f.id')
      .execute(),
  ]);
  return {
    descriptions,
    revisions,
    transitions,
    comments,
    attachments: attachments.map((row) => ({ ...row, sizeBytes: Number(row.sizeBytes) })),
  };
}

/** Of `keys`, those a status report's attachment still names (the file store's orphan sweep). */
export async function referencedReportAttachmentKeys(
  db: Kysely<Database>,
  keys: readonly string[],
): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('status_report_attachments')
    .select('storage_key')
    .where('storage_key', 'in', keys)
    .execute();
  return rows.map((row) => row.storage_key);
}
