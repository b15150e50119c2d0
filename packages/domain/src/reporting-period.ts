/**
 * Lead owners report to the steering group every March and September. A reporting period is
 * named by its year and month, e.g. 2026-03; reportingPeriodFor(date) gives the next period
 * whose report is due on or after the date (the current one while its month is running).
 *
 * The status-report rules (issue 13) build on it: every period has a deadline (the end of its
 * deadline day, by default the 15th, in Europe/Copenhagen); the period open for reporting is the
 * next one whose deadline has not passed; the period just passed still takes a late report until
 * the steering group closes it. The periods go on past the policy's 2022 — the structure is kept
 * when the policy is renewed. Everything here is pure: the clock is always an argument.
 */
import { zoneOffsetMs } from './wall-clock.ts';
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

// ---- Status reports: periods with deadlines (issue 13) ----

export interface ReportingRules {
  /** The months with a report (default March and September). */
  months: readonly number[];
  /** The day of the month whose end is the deadline (default 15). */
  deadlineDay: number;
  /** The time zone the deadline day is counted in. */
  timeZone: string;
}

export const defaultReportingRules: ReportingRules = {
  months: statusReportMonths,
  deadlineDay: 15,
  timeZone: 'Europe/Copenhagen',
};

/** A period with the exact instant of its deadline. */
export interface DatedReportingPeriod extends ReportingPeriod {
  /** The end of the deadline day in the rules' time zone: a report is late from this instant. */
  deadline: Date;
}

export const periodKeyPattern = /^(\d{4})-(\d{2})$/;

export function periodKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The period a key names, or undefined when the key is malformed or names no reporting month. */
export function parsePeriodKey(
  key: string,
  rules: ReportingRules = defaultReportingRules,
): ReportingPeriod | undefined {
  const match = periodKeyPattern.exec(key);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (year < 2000 || year > 2999 || !rules.months.includes(month)) return undefined;
  return { year, month, key: periodKey(year, month) };
}

/** The offset of a time zone from UTC at an instant, in minutes (Intl; no I/O). */
export function timeZoneOffsetMinutes(instant: Date, timeZone: string): number {
  return Math.round(zoneOffsetMs(instant.getTime(), timeZone) / 60_000);
}

/** The instant a wall-clock time (year, month, day, hour, minute) has in a time zone. */
export function zonedInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // Two rounds settle the offset on either side of a daylight-saving change.
  let instant = guess - timeZoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  instant = guess - timeZoneOffsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}

/** The period with its deadline: the end of the deadline day (midnight after it), local time. */
export function datedPeriod(
  period: Pick<ReportingPeriod, 'year' | 'month'>,
  rules: ReportingRules = defaultReportingRules,
): DatedReportingPeriod {
  const lastDay = new Date(Date.UTC(period.year, period.month, 0)).getUTCDate();
  const day = Math.min(rules.deadlineDay, lastDay);
  return {
    year: period.year,
    month: period.month,
    key: periodKey(period.year, period.month),
    deadline: zonedInstant(rules.timeZone, period.year, period.month, day + 1),
  };
}

function sortedMonths(rules: ReportingRules): number[] {
  return [...rules.months].sort((a, b) => a - b);
}

export function nextPeriod(
  period: Pick<ReportingPeriod, 'year' | 'month'>,
  rules: ReportingRules = defaultReportingRules,
): DatedReportingPeriod {
  const months = sortedMonths(rules);
  const later = months.find((m) => m > period.month);
  return later === undefined
    ? datedPeriod({ year: period.year + 1, month: months[0] ?? 3 }, rules)
    : datedPeriod({ year: period.year, month: later }, rules);
}

export function previousPeriod(
  period: Pick<ReportingPeriod, 'year' | 'month'>,
  rules: ReportingRules = defaultReportingRules,
): DatedReportingPeriod {
  const months = sortedMonths(rules);
  const earlier = [...months].reverse().find((m) => m < period.month);
  return earlier === undefined
    ? datedPeriod({ year: period.year - 1, month: months.at(-1) ?? 9 }, rules)
    : datedPeriod({ year: period.year, month: earlier }, rules);
}

/**
 * The period open for reporting at `now`: the next one whose deadline has not passed
 * (on 26 November 2026 that is March 2027; on 15 March 2027 at 23:59 Copenhagen time still March).
 */
export function openPeriodFor(
  now: Date,
  rules: ReportingRules = defaultReportingRules,
): DatedReportingPeriod {
  const months = sortedMonths(rules);
  // Start from the first reporting month of the local year before `now` and walk forward.
  let period = datedPeriod({ year: now.getUTCFullYear() - 1, month: months[0] ?? 3 }, rules);
  while (period.deadline.getTime() <= now.getTime()) period = nextPeriod(period, rules);
  return period;
}

/** The period whose deadline passed last: it still takes a late report until it is closed. */
export function latePeriodFor(
  now: Date,
  rules: ReportingRules = defaultReportingRules,
): DatedReportingPeriod {
  return previousPeriod(openPeriodFor(now, rules), rules);
}

/** Whether a report may be started or filed for the period at `now`. */
export function periodAcceptsReports(
  key: string,
  now: Date,
  closedPeriods: ReadonlySet<string> = new Set(),
  rules: ReportingRules = defaultReportingRules,
): 'open' | 'late' | 'closed' | 'future' | 'unknown' {
  const period = parsePeriodKey(key, rules);
  if (!period) return 'unknown';
  const open = openPeriodFor(now, rules);
  if (period.key === open.key) return 'open';
  if (period.key === latePeriodFor(now, rules).key) return closedPeriods.has(period.key) ? 'closed' : 'late';
  return period.key > open.key ? 'future' : 'closed';
}

export const reminderKinds = ['14-days', '3-days', 'overdue'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/**
 * When the lead owner is reminded: at 09:00 local time 14 and 3 days before the deadline day ends,
 * and at the deadline itself when it passes without a submitted report.
 */
export function reminderDates(
  period: Pick<ReportingPeriod, 'year' | 'month'>,
  rules: ReportingRules = defaultReportingRules,
): Record<ReminderKind, Date> {
  const dated = datedPeriod(period, rules);
  const lastDay = new Date(Date.UTC(period.year, period.month, 0)).getUTCDate();
  const deadlineDay = Math.min(rules.deadlineDay, lastDay);
  // Day arithmetic on the calendar (Date.UTC normalises negative days into the month before).
  const localDayBefore = (days: number) => {
    const day = new Date(Date.UTC(period.year, period.month - 1, deadlineDay - days));
    return zonedInstant(rules.timeZone, day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 9);
  };
  return { '14-days': localDayBefore(14), '3-days': localDayBefore(3), overdue: dated.deadline };
}

/** The periods from `first` to `last` inclusive, oldest first. */
export function periodsBetween(
  first: Pick<ReportingPeriod, 'year' | 'month'>,
  last: Pick<ReportingPeriod, 'year' | 'month'>,
  rules: ReportingRules = defaultReportingRules,
): DatedReportingPeriod[] {
  const out: DatedReportingPeriod[] = [];
  const lastKey = periodKey(last.year, last.month);
  let period = datedPeriod(first, rules);
  while (period.key <= lastKey && out.length < 200) {
    out.push(period);
    period = nextPeriod(period, rules);
  }
  return out;
}
