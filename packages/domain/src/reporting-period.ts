/**
 * Lead owners report to the steering group every March and September. A reporting period is
 * named by its year and month, e.g. 2026-03; reportingPeriodFor(date) gives the next period
 * whose report is due on or after the date (the current one while its month is running).
 */
export interface ReportingPeriod {
  year: number;
  month: number;
  /** "2026-03" */
  key: string;
}

export const statusReportMonths = [3, 9] as const;

export function reportingPeriodFor(
  date: Date,
  months: readonly number[] = statusReportMonths,
): ReportingPeriod {
  const sorted = [...months].sort((a, b) => a - b);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const due = sorted.find((m) => m >= month);
  const period = due === undefined ? { year: year + 1, month: sorted[0] ?? 3 } : { year, month: due };
  return { ...period, key: `${period.year}-${String(period.month).padStart(2, '0')}` };
}
