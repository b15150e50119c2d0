/** One formatter per time zone: making an Intl.DateTimeFormat costs far more than using one. */
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** Formats an instant as the wall clock of a time zone, in parts (year … second, 24-hour). */
export function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

function measuredOffsetMs(instant: number, timeZone: string): number {
  const parts = wallClockFormat(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

const quarterHour = 15 * 60_000;
/** Offsets by time zone and quarter hour; bounded, dropped whole when full. */
const offsets = new Map<string, number>();

/**
 * The offset of a time zone from UTC at an instant, in milliseconds. Offsets change at most at
 * the quarter hour in today's zones; one quarter hour's offset is measured once (at its start and
 * end — when they differ, each instant is measured on its own) and then reused.
 */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const bucket = Math.floor(instant / quarterHour);
  const key = `${timeZone} ${bucket}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const start = measuredOffsetMs(bucket * quarterHour, timeZone);
  const end = measuredOffsetMs((bucket + 1) * quarterHour - 1000, timeZone);
  if (start !== end) return measuredOffsetMs(instant, timeZone);
  if (offsets.size >= 10_000) offsets.clear();
  offsets.set(key, start);
  return start;
}
