/**
 * Recurring events (issue 9: coordination meetings repeat). A rule says how an event repeats —
 * weekly, every other week, or monthly on a weekday ("2nd Tuesday", "last Thursday") — and until
 * which local date; a rule without an end is refused. expandRecurrence() turns the first
 * occurrence and the rule into every occurrence, each with its start and end in UTC, keeping the
 * local wall-clock time in Europe/Copenhagen across daylight-saving changes: a meeting at 19:00
 * in January is at 19:00 in June too (18:00 and 17:00 UTC).
 *
 * The wall-clock arithmetic is done on calendar dates; @date-fns/tz (TZDate) converts between a
 * local date-time in the zone and an instant using the platform's time-zone database.
 */
import { TZDate } from '@date-fns/tz';
import { type EventRecurrence, eventTimeZone } from './events.ts';

/** At most this many occurrences from one rule (two years of weekly meetings). */
export const maxOccurrences = 104;
/** The rule's end may lie at most this many days after the first occurrence. */
export const maxRecurrenceDays = 2 * 366;

/** "1st" … "4th" week of the month, or the last one (-1). */
export type MonthlyWeek = 1 | 2 | 3 | 4 | -1;

export interface Occurrence {
  /** 0 for the first occurrence (the event itself), then 1, 2, … */
  index: number;
  start: Date;
  end: Date;
}

/** A rule that cannot be expanded from this start: the message is for the person entering it. */
export class RecurrenceError extends Error {
  constructor(
    readonly field: 'until' | 'weekOfMonth' | 'start' | 'end',
    message: string,
  ) {
    super(message);
    this.name = 'RecurrenceError';
  }
}

interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

/** The local wall-clock reading of an instant in the zone. */
export function toLocal(instant: Date, timeZone = eventTimeZone): LocalDateTime {
  const local = new TZDate(instant.getTime(), timeZone);
  return {
    year: local.getFullYear(),
    month: local.getMonth() + 1,
    day: local.getDate(),
    hour: local.getHours(),
    minute: local.getMinutes(),
    second: local.getSeconds(),
  };
}

/**
 * The instant at which the zone's clocks show this local date-time. A time that does not exist
 * (skipped when clocks go forward) moves forward by the gap; an ambiguous one (repeated when
 * clocks go back) takes the earlier, summer-time instant.
 */
export function fromLocal(local: LocalDateTime, timeZone = eventTimeZone): Date {
  const zoned = new TZDate(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
    timeZone,
  );
  const instant = zoned.getTime();
  // The zone library takes the later instant of a repeated hour; RFC 5545 (3.3.5) takes the
  // first, and so do we.
  const anHourEarlier = toLocal(new Date(instant - 3_600_000), timeZone);
  const same =
    anHourEarlier.year === local.year &&
    anHourEarlier.month === local.month &&
    anHourEarlier.day === local.day &&
    anHourEarlier.hour === local.hour &&
    anHourEarlier.minute === local.minute &&
    anHourEarlier.second === local.second;
  return new Date(same ? instant - 3_600_000 : instant);
}

/** Days since 1970-01-01 of a calendar date (no zone involved). */
function dayNumber(date: LocalDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);
}

function fromDayNumber(days: number): LocalDate {
  const date = new Date(days * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
function isoWeekday(date: LocalDate): number {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The day of month of the nth (1–4, or -1 = last) given ISO weekday in a month. */
function nthWeekdayOfMonth(year: number, month: number, weekday: number, week: MonthlyWeek): number {
  if (week === -1) {
    const last = daysInMonth(year, month);
    const lastWeekday = isoWeekday({ year, month, day: last });
    return last - ((lastWeekday - weekday + 7) % 7);
  }
  const firstWeekday = isoWeekday({ year, month, day: 1 });
  return 1 + ((weekday - firstWeekday + 7) % 7) + (week - 1) * 7;
}

/** Which week of its month a date falls in ("the 2nd Tuesday" → 2; days 29–31 → 5). */
export function weekOfMonth(date: LocalDate): number {
  return Math.ceil(date.day / 7);
}

/** True when the date is the last of its weekday in its month. */
function isLastWeekdayOfMonth(date: LocalDate): boolean {
  return date.day + 7 > daysInMonth(date.year, date.month);
}

/**
 * Every occurrence of an event that starts at `start` and ends at `end` (UTC instants) and
 * repeats by `rule`, the first occurrence included. Start and end keep their local wall-clock
 * times in the zone (so across a daylight-saving change an occurrence is an hour earlier or
 * later in UTC); an end on a later local day than the start stays that many days later.
 * Throws RecurrenceError when the rule does not fit the start.
 */
export function expandRecurrence(
  start: Date,
  end: Date,
  rule: EventRecurrence,
  timeZone = eventTimeZone,
): Occurrence[] {
  if (Number.isNaN(start.getTime())) throw new RecurrenceError('start', 'Starttidspunktet er ugyldigt.');
  if (Number.isNaN(end.getTime())) throw new RecurrenceError('end', 'Sluttidspunktet er ugyldigt.');
  if (end.getTime() <= start.getTime()) {
    throw new RecurrenceError('end', 'Arrangementet skal slutte efter det starter.');
  }
  const localStart = toLocal(start, timeZone);
  const localEnd = toLocal(end, timeZone);
  const startDay = dayNumber(localStart);
  const endDayOffset = dayNumber(localEnd) - startDay;
  const [uy, um, ud] = rule.until.split('-').map(Number) as [number, number, number];
  const untilDay = dayNumber({ year: uy, month: um, day: ud });
  if (untilDay < startDay) {
    throw new RecurrenceError('until', 'Slutdatoen for gentagelsen ligger før første gang.');
  }
  if (untilDay - startDay > maxRecurrenceDays) {
    throw new RecurrenceError('until', 'En gentagelse kan højst vare to år.');
  }

  const days: number[] = [];
  if (rule.frequency === 'weekly' || rule.frequency === 'every-other-week') {
    const step = rule.frequency === 'weekly' ? 7 : 14;
    for (let day = startDay; day <= untilDay; day += step) days.push(day);
  } else {
    const weekday = isoWeekday(localStart);
    let week: MonthlyWeek;
    if (rule.weekOfMonth === undefined) {
      const derived = weekOfMonth(localStart);
      if (derived === 5) {
        throw new RecurrenceError(
          'weekOfMonth',
          'Første gang ligger i månedens femte uge: vælg "den sidste" uge i måneden.',
        );
      }
      week = derived as MonthlyWeek;
    } else {
      week = rule.weekOfMonth;
      const fits = week === -1 ? isLastWeekdayOfMonth(localStart) : weekOfMonth(localStart) === week;
      if (!fits) {
        throw new RecurrenceError('weekOfMonth', 'Første gang passer ikke med den valgte uge i måneden.');
      }
    }
    let { year, month } = localStart;
    for (;;) {
      const day = dayNumber({ year, month, day: nthWeekdayOfMonth(year, month, weekday, week) });
      if (day > untilDay) break;
      days.push(day);
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
    }
  }
  if (days.length > maxOccurrences) {
    throw new RecurrenceError('until', `En gentagelse kan højst have ${maxOccurrences} gange.`);
  }

  return days.map((day, index) => {
    const date = fromDayNumber(day);
    const endDate = fromDayNumber(day + endDayOffset);
    return {
      index,
      start: fromLocal(
        { ...date, hour: localStart.hour, minute: localStart.minute, second: localStart.second },
        timeZone,
      ),
      end: fromLocal(
        { ...endDate, hour: localEnd.hour, minute: localEnd.minute, second: localEnd.second },
        timeZone,
      ),
    };
  });
}

/**
 * "This and following": the occurrences from `fromIndex` on, moved by the same local change as
 * the edited one. Given the edited occurrence's old and new start/end, it returns each later
 * occurrence's new start/end, keeping each on its own date shifted by the same number of days
 * and taking the new wall-clock times.
 */
export function shiftFollowing(
  occurrences: readonly { start: Date; end: Date }[],
  edited: { oldStart: Date; newStart: Date; newEnd: Date },
  timeZone = eventTimeZone,
): { start: Date; end: Date }[] {
  const oldLocal = toLocal(edited.oldStart, timeZone);
  const newLocal = toLocal(edited.newStart, timeZone);
  const newEndLocal = toLocal(edited.newEnd, timeZone);
  const dayShift = dayNumber(newLocal) - dayNumber(oldLocal);
  const endDayOffset = dayNumber(newEndLocal) - dayNumber(newLocal);
  return occurrences.map((occurrence) => {
    const day = dayNumber(toLocal(occurrence.start, timeZone)) + dayShift;
    const date = fromDayNumber(day);
    const endDate = fromDayNumber(day + endDayOffset);
    return {
      start: fromLocal(
        { ...date, hour: newLocal.hour, minute: newLocal.minute, second: newLocal.second },
        timeZone,
      ),
      end: fromLocal(
        { ...endDate, hour: newEndLocal.hour, minute: newEndLocal.minute, second: newEndLocal.second },
        timeZone,
      ),
    };
  });
}
