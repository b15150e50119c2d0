import { latestDescription, listAreaReports, listIndicatorValues } from '@brobygger/db';
import type { Description, OverallStatus } from '@brobygger/domain';
import { indicatorsOf } from '@brobygger/domain';
import type { UseCaseContext } from '../context.ts';
import { iso, requireFocusArea } from './shared.ts';

/**
 * What the public sees of an area's status: its latest acknowledged report's overall status and
 * summary, and each indicator's acknowledged values. Drafts, submitted-but-unacknowledged and
 * returned reports and every comment stay out (the answer is the same for every caller: cached).
 */
export async function readPublicStatus(ctx: UseCaseContext, slug: string) {
  const area = await requireFocusArea(ctx, slug);
  const db = ctx.deps.db;
  const [reports, description] = await Promise.all([
    listAreaReports(db, area.id),
    latestDescription(db, area.id),
  ]);
  const acknowledged = reports.filter((report) => report.state === 'acknowledged');
  const latest = acknowledged.at(-1);
  const values = await listIndicatorValues(
    db,
    acknowledged.map((report) => report.id),
  );
  const periodOf = new Map(acknowledged.map((report) => [report.id, report.periodKey]));
  return {
    focusArea: { slug: area.slug, name: area.name },
    latest: latest
      ? {
          period: latest.periodKey,
          overallStatus: latest.overallStatus as OverallStatus | null,
          summary: ((latest.content as { summary?: string }).summary ?? '') as string,
          acknowledgedAt: iso(latest.acknowledgedAt),
        }
      : null,
    indicators: indicatorsOf(description?.content as Description | undefined).map((indicator) => ({
      key: indicator.key,
      name: indicator.name,
      goal: indicator.goal,
      unit: indicator.unit,
      baseline: indicator.baseline,
      baselineDate: indicator.baselineDate,
      target: indicator.target,
      targetDate: indicator.targetDate,
      history: values
        .filter((value) => value.key === indicator.key)
        .map((value) => ({ period: periodOf.get(value.reportId) as string, value: value.value }))
        .sort((a, b) => a.period.localeCompare(b.period)),
    })),
  };
}
