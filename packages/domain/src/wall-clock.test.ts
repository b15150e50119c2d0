import { describe, expect, it } from 'vitest';
import { zoneOffsetMs } from './wall-clock.ts';

/** The offset as Intl gives it for one instant, with a formatter of its own (no reuse, no memo). */
function offsetByIntl(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return (
    Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) -
    (instant - (instant % 1000))
  );
}

describe('zoneOffsetMs', () => {
  it('gives what Intl gives, minute by minute across daylight-saving changes, also in odd zones', () => {
    const changes: [string, string][] = [
      ['Europe/Copenhagen', '2026-03-29T01:00:00Z'],
      ['Europe/Copenhagen', '2026-10-25T01:00:00Z'],
      ['Australia/Lord_Howe', '2026-10-03T15:30:00Z'], // a half-hour change
      ['Asia/Kathmandu', '2026-06-01T00:00:00Z'], // +05:45
      ['America/St_Johns', '2026-03-08T05:30:00Z'], // −03:30, changes at 02:00 local
    ];
    for (const [zone, at] of changes) {
      const centre = Date.parse(at);
      for (
        let instant = centre - 3 * 3_600_000;
        instant <= centre + 3 * 3_600_000;
        instant += 60_000 + 7_000
      ) {
        expect(zoneOffsetMs(instant, zone), `${zone} ${new Date(instant).toISOString()}`).toBe(
          offsetByIntl(instant, zone),
        );
      }
    }
  });
});
