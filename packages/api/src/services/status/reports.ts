import {
  findReport,
  insertReport,
  insertReportComment,
  insertReportRevision,
  insertReportTransition,
  latestDescription,
  listAreaReports,
  listIndicatorValues,
  listLeadOwners,
  listPeriodClosures,
  listReportAttachments,
  listReportComments,
  listReportsInStates,
  listReportTransitions,
  listSteeringGroup,
  type ReportRow,
  replaceIndicatorValues,
  setReportState,
  updateReportContent,
} from '@brobygger/db';
import {
  type Actor,
  can,
  type Description,
  datedPeriod,
  type IndicatorUnit,
  indicatorsOf,
  indicatorValueErrors,
  type Link,
  latePeriodFor,
  type OverallStatus,
  openPeriodFor,
  parsePeriodKey,
  periodAcceptsReports,
  previousPeriod,
  type ReportEvent,
  type ReportState,
  reportTransition,
  type StatusReportContent,
  submissionErrors,
  submittedStates,
} from '@brobygger/domain';
import { validationFailedMessage } from '../../errors.ts';
import { queueEmail } from '../../mail/send.ts';
import { reportReturnedMessage, reportSubmittedMessage } from '../../mail/status-messages.ts';
import { audit } from '../audit.ts';
import { type TransactionContext, transaction, type UseCaseContext } from '../context.ts';
import { conflict, invalidField, notFound, UseCaseError } from '../errors.ts';
import { attachmentView } from './attachment-view.ts';
import { readAreaInitiatives } from './initiatives.ts';
import { clock, ensure, iso, publicDataChanged, reportingRules, requireFocusArea } from './shared.ts';

type StoredContent = Omit<StatusReportContent, 'overallStatus' | 'indicatorValues'>;

const failed = (fields: Record<string, string[]>) =>
  new UseCaseError('validation_failed', validationFailedMessage, 422, fields);

/** The period open for reporting now, the one just passed, and whether that one is closed. */
export async function reportingPeriods(ctx: UseCaseContext) {
  const now = clock(ctx);
  const rules = reportingRules(ctx);
  const closed = await listPeriodClosures(ctx.deps.db);
  const open = openPeriodFor(now, rules);
  const late = latePeriodFor(now, rules);
  return {
    now,
    rules,
    closed,
    open: { key: open.key, deadline: open.deadline.toISOString() },
    late: { key: late.key, deadline: late.deadline.toISOString(), closed: closed.has(late.key) },
  };
}

/** The lead owner's workspace: description, initiatives, reports and the periods. */
export async function readAreaWorkspace(ctx: UseCaseContext, actor: Actor, slug: string) {
  const area = await requireFocusArea(ctx, slug);
  ensure(actor, 'status:read-area', area.slug);
  const [description, initiatives, reports, periods] = await Promise.all([
    latestDescription(ctx.deps.db, area.id),
    readAreaInitiatives(ctx, area.id),
    listAreaReports(ctx.deps.db, area.id),
    reportingPeriods(ctx),
  ]);
  return {
    focusArea: { slug: area.slug, name: area.name },
    canEdit: can(actor, 'status:edit', { focusArea: area.slug }),
    description: description
      ? {
          revision: description.revision,
          content: description.content as Description,
          authorName: description.authorName,
          createdAt: iso(description.createdAt) as string,
        }
      : null,
    initiatives,
    reports: reports
      .map((report) => ({
        id: report.id,
        period: report.periodKey,
        state: report.state as ReportState,
        overallStatus: report.overallStatus as OverallStatus | null,
        updatedAt: iso(report.updatedAt) as string,
      }))
      .reverse(),
    openPeriod: periods.open,
    latePeriod: periods.late,
  };
}

/** Checks content against the area: indicator values of its description's units, its initiatives. */
async function checkContent(ctx: UseCaseContext, focusAreaId: number, content: StatusReportContent) {
  const description = await latestDescription(ctx.deps.db, focusAreaId);
  const indicators = indicatorsOf(description?.content as Description | undefined);
  const fields = indicatorValueErrors(content.indicatorValues, indicators);
  const initiativeIds = new Set((await readAreaInitiatives(ctx, focusAreaId)).map((i) => i.id));
  content.initiatives.forEach((entry, i) => {
    if (!initiativeIds.has(entry.initiativeId)) {
      fields[`initiatives.${i}.initiativeId`] = ['Indsatsen hører ikke til fokusområdet'];
    }
  });
  if (Object.keys(fields).length > 0) throw failed(fields);
  const units = new Map(indicators.map((indicator) => [indicator.key, indicator.unit]));
  return content.indicatorValues.map((entry) => ({
    key: entry.key,
    unit: units.get(entry.key) as IndicatorUnit,
    value: entry.value as number,
    comment: entry.comment,
  }));
}

const stored = (content: StatusReportContent): StoredContent => ({
  summary: content.summary,
  initiatives: content.initiatives,
  risks: content.risks,
  nextSteps: content.nextSteps,
  attachments: content.attachments,
});

async function saveRevision(
  tx: TransactionContext,
  reportId: number,
  revision: number,
  content: StatusReportContent,
) {
  await insertReportRevision(tx.deps.db, { reportId, revision, content, authorId: tx.actorId });
}

/** Starts the area's report for a period (open, or the one just passed while not closed). */
export async function createReport(
  ctx: UseCaseContext,
  actor: Actor,
  slug: string,
  input: StatusReportContent & { period: string },
) {
  const area = await requireFocusArea(ctx, slug);
  ensure(actor, 'status:edit', area.slug, 'Kun fokusområdets tovholder kan skrive dets statusrapport.');
  const { period, ...content } = input;
  const { now, rules, closed } = await reportingPeriods(ctx);
  const accepts = periodAcceptsReports(period, now, closed, rules);
  if (accepts === 'unknown')
    throw invalidField('period', 'Perioden findes ikke (marts eller september, ÅÅÅÅ-MM)');
  if (accepts !== 'open' && accepts !== 'late') {
    throw invalidField('period', `Perioden ${period} er ikke åben for rapporter`);
  }
  const values = await checkContent(ctx, area.id, content);
  const id = await transaction(ctx, async (tx, db) => {
    const id = await insertReport(db, {
      focusAreaId: area.id,
      periodKey: period,
      overallStatus: content.overallStatus,
      content: stored(content),
      createdBy: ctx.actorId,
    });
    if (id === undefined) throw conflict(`${area.name} har allerede en statusrapport for ${period}`);
    await replaceIndicatorValues(db, id, values);
    await saveRevision(tx, id, 1, content);
    await audit(tx, {
      action: 'status-report.created',
      targetType: 'status_report',
      targetId: String(id),
      details: { focusArea: area.slug, period },
    });
    return id;
  });
  publicDataChanged(ctx);
  return readReport(ctx, actor, id);
}

async function lockedReport(db: TransactionContext['deps']['db'], id: number): Promise<ReportRow> {
  const report = await findReport(db, id, { lock: true });
  if (!report) throw notFound('Statusrapporten findes ikke');
  return report;
}

function step(report: ReportRow, event: ReportEvent) {
  const result = reportTransition(report.state as ReportState, event);
  if (!result.ok) throw conflict(result.message);
  return result;
}

/** Saves a draft or a returned report (a new revision). */
export async function updateReport(
  ctx: UseCaseContext,
  actor: Actor,
  id: number,
  content: StatusReportContent,
) {
  await transaction(ctx, async (tx, db) => {
    const report = await lockedReport(db, id);
    ensure(actor, 'status:edit', report.areaSlug, 'Kun fokusområdets tovholder kan ændre rapporten.');
    step(report, { type: 'edit' });
    const values = await checkContent(tx, report.focusAreaId, content);
    const revision = report.revision + 1;
    await updateReportContent(db, id, {
      overallStatus: content.overallStatus,
      content: stored(content),
      revision,
    });
    await replaceIndicatorValues(db, id, values);
    await saveRevision(tx, id, revision, content);
    await audit(tx, {
      action: 'status-report.updated',
      targetType: 'status_report',
      targetId: String(id),
      details: { revision },
    });
  });
  publicDataChanged(ctx);
  return readReport(ctx, actor, id);
}

function reportLink(ctx: UseCaseContext, id: number) {
  return `${ctx.deps.config.publicUrl}/styregruppe/rapporter/${id}`;
}

/** Files the report with the steering group, who are told by mail (in the same transaction). */
export async function submitReport(ctx: UseCaseContext, actor: Actor, id: number) {
  await transaction(ctx, async (tx, db) => {
    const report = await lockedReport(db, id);
    ensure(actor, 'status:edit', report.areaSlug, 'Kun fokusområdets tovholder kan indsende rapporten.');
    const result = step(report, { type: 'submit' });
    const { now, rules, closed } = await reportingPeriods(tx);
    const accepts = periodAcceptsReports(report.periodKey, now, closed, rules);
    if (accepts === 'closed') throw conflict(`Perioden ${report.periodKey} er lukket af styregruppen`);
    const content = report.content as StoredContent;
    const missing = submissionErrors({
      ...content,
      overallStatus: report.overallStatus as OverallStatus | null,
      indicatorValues: [],
    });
    if (Object.keys(missing).length > 0) throw failed(missing);
    await setReportState(db, id, 'submitted', now);
    await insertReportTransition(db, {
      reportId: id,
      from: report.state,
      to: 'submitted',
      actorId: ctx.actorId,
      comment: null,
    });
    for (const member of await listSteeringGroup(db)) {
      await queueEmail(
        tx.deps,
        reportSubmittedMessage(member.email, {
          areaName: report.areaName,
          periodKey: report.periodKey,
          resubmission: result.resubmission,
          link: reportLink(ctx, id),
        }),
      );
    }
    await audit(tx, {
      action: 'status-report.submitted',
      targetType: 'status_report',
      targetId: String(id),
      details: { focusArea: report.areaSlug, period: report.periodKey, resubmission: result.resubmission },
    });
  });
  publicDataChanged(ctx);
  return readReport(ctx, actor, id);
}

/** The steering group acknowledges a submitted report (it is frozen from then on). */
export async function acknowledgeReport(ctx: UseCaseContext, actor: Actor, id: number, comment: string) {
  await transaction(ctx, async (tx, db) => {
    const report = await lockedReport(db, id);
    step(report, { type: 'acknowledge' });
    await setReportState(db, id, 'acknowledged', clock(ctx));
    await insertReportTransition(db, {
      reportId: id,
      from: report.state,
      to: 'acknowledged',
      actorId: ctx.actorId,
      comment: comment || null,
    });
    if (comment) await insertReportComment(db, { reportId: id, authorId: ctx.actorId, body: comment });
    await audit(tx, {
      action: 'status-report.acknowledged',
      targetType: 'status_report',
      targetId: String(id),
      details: { focusArea: report.areaSlug, period: report.periodKey },
    });
  });
  publicDataChanged(ctx);
  return readReport(ctx, actor, id);
}

/** The steering group returns a submitted report with a comment; the lead owners are told. */
export async function returnReport(ctx: UseCaseContext, actor: Actor, id: number, comment: string) {
  await transaction(ctx, async (tx, db) => {
    const report = await lockedReport(db, id);
    step(report, { type: 'return', comment });
    await setReportState(db, id, 'returned', clock(ctx));
    await insertReportTransition(db, {
      reportId: id,
      from: report.state,
      to: 'returned',
      actorId: ctx.actorId,
      comment,
    });
    await insertReportComment(db, { reportId: id, authorId: ctx.actorId, body: comment });
    for (const lead of await listLeadOwners(db, report.focusAreaId)) {
      await queueEmail(
        tx.deps,
        reportReturnedMessage(lead.email, {
          areaName: report.areaName,
          periodKey: report.periodKey,
          comment,
          link: `${ctx.deps.config.publicUrl}/tovholder/${report.areaSlug}/rapporter/${id}`,
        }),
      );
    }
    await audit(tx, {
      action: 'status-report.returned',
      targetType: 'status_report',
      targetId: String(id),
      details: { focusArea: report.areaSlug, period: report.periodKey },
    });
  });
  publicDataChanged(ctx);
  return readReport(ctx, actor, id);
}

/** A comment on a report, by the steering group or the area's lead owner. */
export async function commentOnReport(ctx: UseCaseContext, actor: Actor, id: number, body: string) {
  await transaction(ctx, async (tx, db) => {
    const report = await lockedReport(db, id);
    ensure(actor, 'status:read-area', report.areaSlug);
    const commentId = await insertReportComment(db, { reportId: id, authorId: ctx.actorId, body });
    await audit(tx, {
      action: 'status-report.commented',
      targetType: 'status_report',
      targetId: String(id),
      details: { commentId },
    });
  });
  return readReport(ctx, actor, id);
}

/** Who may read a report: its area and the reviewers always; staff once it is submitted. */
function mayRead(actor: Actor, report: ReportRow): boolean {
  if (can(actor, 'status:read-area', { focusArea: report.areaSlug })) return true;
  return can(actor, 'status:read-submitted') && submittedStates.includes(report.state as ReportState);
}

/**
 * Who may have a report's uploaded files: its area and the reviewers always, staff once it is
 * submitted; unlike its text, not a lead owner of another area (`status:read-files`).
 */
export function mayReadFiles(actor: Actor, report: ReportRow): boolean {
  const area = { focusArea: report.areaSlug };
  if (!can(actor, 'status:read-files', area)) return false;
  return can(actor, 'status:read-area', area) || submittedStates.includes(report.state as ReportState);
}

/**
 * One report with what changed since the previous period (statuses and indicator values side by
 * side) and each indicator's values over every period, for the report page.
 */
export async function readReport(ctx: UseCaseContext, actor: Actor, id: number) {
  const db = ctx.deps.db;
  const report = await findReport(db, id);
  // A report the caller may not see is one they cannot tell from a missing one.
  if (!report || !mayRead(actor, report)) throw notFound('Statusrapporten findes ikke');
  const areaReader = can(actor, 'status:read-area', { focusArea: report.areaSlug });
  const [areaReports, description, initiatives, comments, transitions, files] = await Promise.all([
    listAreaReports(db, report.focusAreaId),
    latestDescription(db, report.focusAreaId),
    readAreaInitiatives(ctx, report.focusAreaId),
    areaReader ? listReportComments(db, id) : Promise.resolve([]),
    areaReader ? listReportTransitions(db, id) : Promise.resolve([]),
    mayReadFiles(actor, report) ? listReportAttachments(db, [id]) : Promise.resolve([]),
  ]);
  // Other periods count when submitted or acknowledged; this report counts as it is.
  const counted = areaReports.filter(
    (other) => other.id === id || submittedStates.includes(other.state as ReportState),
  );
  const values = await listIndicatorValues(
    db,
    counted.map((other) => other.id),
  );
  const rules = reportingRules(ctx);
  const period = parsePeriodKey(report.periodKey, rules);
  const previousKey = period ? previousPeriod(period, rules).key : null;
  const previous = counted.find((other) => other.periodKey === previousKey) ?? null;
  const initiativeNames = new Map(initiatives.map((initiative) => [initiative.id, initiative.name]));
  const content = report.content as StoredContent;
  const valuesOf = (reportId: number) => values.filter((value) => value.reportId === reportId);
  const indicators = indicatorsOf(description?.content as Description | undefined).map((indicator) => ({
    ...indicator,
    history: counted
      .map((other) => ({
        period: other.periodKey,
        value:
          values.find((value) => value.reportId === other.id && value.key === indicator.key)?.value ?? null,
      }))
      .filter((point): point is { period: string; value: number } => point.value !== null),
  }));
  return {
    id: report.id,
    focusArea: { slug: report.areaSlug, name: report.areaName },
    period: {
      key: report.periodKey,
      deadline: period ? datedPeriod(period, rules).deadline.toISOString() : null,
    },
    state: report.state as ReportState,
    overallStatus: report.overallStatus as OverallStatus | null,
    summary: content.summary ?? '',
    risks: content.risks ?? '',
    nextSteps: content.nextSteps ?? '',
    /** Links to files elsewhere, as the report's text has them (before uploads existed). */
    attachments: (content.attachments ?? []) as Link[],
    /** Files uploaded to the report, oldest first; each downloads from its `url`. */
    files: files.map(attachmentView),
    initiatives: (content.initiatives ?? []).map((entry) => ({
      ...entry,
      name: initiativeNames.get(entry.initiativeId) ?? '',
    })),
    indicatorValues: valuesOf(id).map(({ key, unit, value, comment }) => ({
      key,
      unit: unit as IndicatorUnit,
      value,
      comment,
    })),
    revision: report.revision,
    submittedAt: iso(report.submittedAt),
    acknowledgedAt: iso(report.acknowledgedAt),
    returnedAt: iso(report.returnedAt),
    updatedAt: iso(report.updatedAt) as string,
    previous: previous
      ? {
          id: previous.id,
          period: previous.periodKey,
          state: previous.state as ReportState,
          overallStatus: previous.overallStatus as OverallStatus | null,
          initiatives: ((previous.content as StoredContent).initiatives ?? []).map(
            ({ initiativeId, status }) => ({
              initiativeId,
              status,
            }),
          ),
          indicatorValues: valuesOf(previous.id).map(({ key, value }) => ({ key, value })),
        }
      : null,
    indicators,
    comments: comments.map((comment) => ({ ...comment, createdAt: iso(comment.createdAt) as string })),
    transitions: transitions.map((transition) => ({
      ...transition,
      createdAt: iso(transition.createdAt) as string,
    })),
    allowed: {
      edit:
        can(actor, 'status:edit', { focusArea: report.areaSlug }) &&
        reportTransition(report.state as ReportState, { type: 'edit' }).ok,
      /** Only a draft that never reached the steering group can be deleted (with its files). */
      delete: can(actor, 'status:edit', { focusArea: report.areaSlug }) && report.state === 'draft',
      review: can(actor, 'status:review') && report.state === 'submitted',
      comment: areaReader,
    },
  };
}

/** Submitted and acknowledged reports, for staff and everyone who reads them. */
export async function listSubmittedReports(ctx: UseCaseContext) {
  const reports = await listReportsInStates(ctx.deps.db, [...submittedStates]);
  return reports.map((report) => ({
    id: report.id,
    focusArea: { slug: report.areaSlug, name: report.areaName },
    period: report.periodKey,
    state: report.state as ReportState,
    overallStatus: report.overallStatus as OverallStatus | null,
    submittedAt: iso(report.submittedAt),
  }));
}
