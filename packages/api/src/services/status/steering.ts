import {
  closeReportingPeriod,
  latestDescriptions,
  listFocusAreaRefs,
  listIndicatorValues,
  listLeadOwners,
  listReportsInStates,
  listReportsOfPeriods,
  type ReportRow,
} from '@brobygger/db';
import type { Actor } from '@brobygger/domain';
import {
  type Description,
  danishCsv,
  datedPeriod,
  type IndicatorUnit,
  indicatorsOf,
  type OverallStatus,
  openPeriodFor,
  parsePeriodKey,
  type ReportState,
  submittedStates,
} from '@brobygger/domain';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { conflict, invalidField } from '../errors.ts';
import { readReport, reportingPeriods } from './reports.ts';
import { clock, iso, publicDataChanged, reportingRules } from './shared.ts';

export interface OverviewCell {
  reportId: number | null;
  state: ReportState | 'missing';
  overallStatus: OverallStatus | null;
  submittedAt: string | null;
  acknowledgedAt: string | null;
  overdue: boolean;
}

function cell(report: ReportRow | undefined, deadlinePassed: boolean): OverviewCell {
  const state = (report?.state ?? 'missing') as OverviewCell['state'];
  return {
    reportId: report?.id ?? null,
    state,
    overallStatus: (report?.overallStatus ?? null) as OverallStatus | null,
    submittedAt: iso(report?.submittedAt),
    acknowledgedAt: iso(report?.acknowledgedAt),
    overdue: deadlinePassed && !submittedStates.includes(state as ReportState),
  };
}

export type SteeringOverview = Awaited<ReturnType<typeof loadSteeringOverview>>;

/** The overview last loaded, per API instance (its public read cache), and its JSON answer. */
const overviews = new WeakMap<object, { key: string; value: SteeringOverview; answer?: string }>();

/**
 * The steering overview, the same for every reader allowed it (the route checks who), so it is
 * kept until the public-data counter moves: every table it reads (focus areas, reports, lead
 * owners' roles, period closures) moves the counter in the transaction of a change (ADR 0015), so
 * another process's change is seen within the counter's check interval and this process's own at
 * once. The clock decides the open period and the overdue flags, and lead owners' names come from
 * their accounts (which do not move the counter): the key holds the period, whether its deadline
 * has passed, and the minute.
 */
export async function readSteeringOverview(ctx: UseCaseContext): Promise<SteeringOverview> {
  return (await currentOverview(ctx)).value;
}

/** `{ "overview": … }` as the route answers it, made once per overview (a shared read). */
export async function steeringOverviewAnswer(ctx: UseCaseContext): Promise<string> {
  const held = await currentOverview(ctx);
  held.answer ??= JSON.stringify({ overview: held.value });
  return held.answer;
}

async function currentOverview(
  ctx: UseCaseContext,
): Promise<{ key: string; value: SteeringOverview; answer?: string }> {
  const cache = ctx.deps.publicCache;
  if (!cache) return { key: '', value: await loadSteeringOverview(ctx) };
  const now = clock(ctx);
  const open = openPeriodFor(now, reportingRules(ctx));
  const generation = await cache.currentGeneration();
  const key = [generation, open.key, open.deadline <= now, Math.floor(now.getTime() / 60_000)].join('|');
  const held = overviews.get(cache);
  if (held?.key === key) return held;
  const loaded = { key, value: await loadSteeringOverview(ctx) };
  // Loaded across a change (the counter moved meanwhile): answer it, but do not keep it.
  if ((await cache.currentGeneration()) === generation) overviews.set(cache, loaded);
  return loaded;
}

/**
 * The six focus areas against the open period and the one before: four queries whatever the
 * number of areas and reports (areas, reports of both periods, lead owners, closures).
 */
async function loadSteeringOverview(ctx: UseCaseContext) {
  const db = ctx.deps.db;
  const periods = await reportingPeriods(ctx);
  const [areas, reports, leads] = await Promise.all([
    listFocusAreaRefs(db),
    listReportsOfPeriods(db, [periods.open.key, periods.late.key]),
    listLeadOwners(db),
  ]);
  const find = (areaId: number, key: string) =>
    reports.find((report) => report.focusAreaId === areaId && report.periodKey === key);
  const openPassed = new Date(periods.open.deadline) <= periods.now;
  return {
    current: periods.open,
    previous: periods.late,
    areas: areas.map((area) => ({
      slug: area.slug,
      name: area.name,
      leadOwners: leads.filter((lead) => lead.focusAreaId === area.id).map((lead) => lead.displayName),
      current: cell(find(area.id, periods.open.key), openPassed),
      previous: cell(find(area.id, periods.late.key), true),
    })),
  };
}

/** Every report of one period, in full, for the printable steering pack. */
export async function readSteeringPack(ctx: UseCaseContext, actor: Actor, periodKey: string) {
  const period = parsePeriodKey(periodKey);
  if (!period) throw invalidField('period', 'Perioden findes ikke (marts eller september, ÅÅÅÅ-MM)');
  const reports = await listReportsOfPeriods(ctx.deps.db, [period.key]);
  const areas = await listFocusAreaRefs(ctx.deps.db);
  const views = [];
  // One report view per area with a report: at most six, each a handful of queries.
  for (const report of reports) views.push(await readReport(ctx, actor, report.id));
  return {
    period: { key: period.key, deadline: datedPeriod(period).deadline.toISOString() },
    missing: areas
      .filter((area) => !reports.some((report) => report.focusAreaId === area.id))
      .map((area) => ({ slug: area.slug, name: area.name })),
    reports: views,
  };
}

const stateNames: Record<string, string> = {
  submitted: 'Indsendt',
  acknowledged: 'Kvitteret',
};
const statusNames: Record<string, string> = {
  on_track: 'På sporet',
  at_risk: 'I risiko',
  off_track: 'Af sporet',
};
const unitNames: Record<IndicatorUnit, string> = {
  count: 'antal',
  percent: 'procent',
  dkk: 'kr.',
  number: 'tal',
};

/** Statuses and indicator values of every submitted or acknowledged report, as Danish CSV. */
export async function exportSteeringCsv(ctx: UseCaseContext): Promise<string> {
  const db = ctx.deps.db;
  const reports = await listReportsInStates(db, [...submittedStates]);
  const [values, descriptions] = await Promise.all([
    listIndicatorValues(
      db,
      reports.map((report) => report.id),
    ),
    latestDescriptions(db),
  ]);
  const rows: (string | number | null)[][] = [];
  for (const report of [...reports].reverse()) {
    const indicators = new Map(
      indicatorsOf(descriptions.get(report.focusAreaId) as Description | undefined).map((i) => [i.key, i]),
    );
    const base = [
      report.periodKey,
      report.areaName,
      stateNames[report.state] ?? report.state,
      statusNames[report.overallStatus ?? ''] ?? '',
    ];
    const own = values.filter((value) => value.reportId === report.id);
    if (own.length === 0) rows.push([...base, null, null, null, null]);
    for (const value of own) {
      const indicator = indicators.get(value.key);
      rows.push([
        ...base,
        indicator?.name ?? value.key,
        unitNames[value.unit as IndicatorUnit] ?? value.unit,
        value.value,
        indicator?.target ?? null,
      ]);
    }
  }
  return danishCsv(
    ['Periode', 'Fokusområde', 'Rapport', 'Samlet status', 'Indikator', 'Enhed', 'Værdi', 'Mål'],
    rows,
  );
}

/** The steering group closes the period just passed: no late report after this. */
export async function closePeriod(ctx: UseCaseContext, periodKey: string) {
  const periods = await reportingPeriods(ctx);
  if (!parsePeriodKey(periodKey, periods.rules)) {
    throw invalidField('period', 'Perioden findes ikke (marts eller september, ÅÅÅÅ-MM)');
  }
  if (periodKey >= periods.open.key) throw conflict('Perioden er stadig åben for rapporter');
  await transaction(ctx, async (tx, db) => {
    if (!(await closeReportingPeriod(db, periodKey, ctx.actorId)))
      throw conflict('Perioden er allerede lukket');
    await audit(tx, {
      action: 'reporting-period.closed',
      targetType: 'reporting_period',
      targetId: periodKey,
    });
  });
  publicDataChanged(ctx);
  return { period: periodKey, closed: true };
}
