import { describe, expect, it } from 'vitest';
import { eventRecurrenceSchema } from './events.ts';
import {
  expandRecurrence,
  fromLocal,
  maxOccurrences,
  RecurrenceError,
  shiftFollowing,
  toLocal,
} from './recurrence.ts';

const iso = (dates: { start: Date; end: Date }[]) =>
  dates.map((d) => [d.start.toISOString(), d.end.toISOString()]);

describe('expandRecurrence', () => {
  it('weekly at 19:00 keeps 19:00 local across the spring change of 2026 (29 March)', () => {
    const occurrences = expandRecurrence(
      new Date('2026-03-12T18:00:00Z'), // Thursday 19:00 CET
      new Date('2026-03-12T20:00:00Z'),
      { frequency: 'weekly', until: '2026-04-09' },
    );
    expect(iso(occurrences)).toEqual([
      ['2026-03-12T18:00:00.000Z', '2026-03-12T20:00:00.000Z'],
      ['2026-03-19T18:00:00.000Z', '2026-03-19T20:00:00.000Z'],
      ['2026-03-26T18:00:00.000Z', '2026-03-26T20:00:00.000Z'],
      ['2026-04-02T17:00:00.000Z', '2026-04-02T19:00:00.000Z'], // 19:00 CEST
      ['2026-04-09T17:00:00.000Z', '2026-04-09T19:00:00.000Z'], // until is inclusive
    ]);
    expect(occurrences.map((o) => o.index)).toEqual([0, 1, 2, 3, 4]);
    for (const o of occurrences) expect(toLocal(o.start).hour).toBe(19);
  });

  it('every other week keeps 17:00 local across the autumn change of 2026 (25 October)', () => {
    const occurrences = expandRecurrence(
      new Date('2026-10-13T15:00:00Z'), // Tuesday 17:00 CEST
      new Date('2026-10-13T16:30:00Z'),
      { frequency: 'every-other-week', until: '2026-11-23' },
    );
    expect(iso(occurrences)).toEqual([
      ['2026-10-13T15:00:00.000Z', '2026-10-13T16:30:00.000Z'],
      ['2026-10-27T16:00:00.000Z', '2026-10-27T17:30:00.000Z'],
      ['2026-11-10T16:00:00.000Z', '2026-11-10T17:30:00.000Z'],
    ]);
  });

  it('monthly on the 2nd Tuesday runs over the year end and into summer time 2027', () => {
    const occurrences = expandRecurrence(
      new Date('2026-11-10T18:00:00Z'), // 2nd Tuesday of November 2026, 19:00 CET
      new Date('2026-11-10T20:00:00Z'),
      { frequency: 'monthly-weekday', until: '2027-04-30' },
    );
    expect(occurrences.map((o) => o.start.toISOString())).toEqual([
      '2026-11-10T18:00:00.000Z',
      '2026-12-08T18:00:00.000Z',
      '2027-01-12T18:00:00.000Z',
      '2027-02-09T18:00:00.000Z',
      '2027-03-09T18:00:00.000Z',
      '2027-04-13T17:00:00.000Z', // after 28 March 2027: 19:00 CEST
    ]);
    for (const o of occurrences) {
      const local = toLocal(o.start);
      expect(new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay()).toBe(2);
      expect(Math.ceil(local.day / 7)).toBe(2);
      expect(local.hour).toBe(19);
    }
  });

  it('monthly on the last Thursday, through December 31st and the autumn change of 2027', () => {
    const start = new Date('2026-10-29T17:00:00Z'); // Thursday 29 Oct 2026, 18:00 CET
    const end = new Date('2026-10-29T19:00:00Z');
    // The 29th is in the month's fifth week: without a choice it is refused, not guessed.
    expect(() => expandRecurrence(start, end, { frequency: 'monthly-weekday', until: '2027-01-31' })).toThrow(
      RecurrenceError,
    );
    const occurrences = expandRecurrence(start, end, {
      frequency: 'monthly-weekday',
      until: '2027-01-31',
      weekOfMonth: -1,
    });
    expect(occurrences.map((o) => o.start.toISOString())).toEqual([
      '2026-10-29T17:00:00.000Z',
      '2026-11-26T17:00:00.000Z',
      '2026-12-31T17:00:00.000Z',
      '2027-01-28T17:00:00.000Z',
    ]);
    const autumn = expandRecurrence(
      new Date('2027-09-30T16:00:00Z'), // last Thursday of September 2027, 18:00 CEST
      new Date('2027-09-30T18:00:00Z'),
      { frequency: 'monthly-weekday', until: '2027-11-30', weekOfMonth: -1 },
    );
    expect(autumn.map((o) => o.start.toISOString())).toEqual([
      '2027-09-30T16:00:00.000Z',
      '2027-10-28T16:00:00.000Z', // still CEST (change on 31 October 2027)
      '2027-11-25T17:00:00.000Z',
    ]);
  });

  it('an evening that runs past midnight keeps its local end on the next day', () => {
    const occurrences = expandRecurrence(
      new Date('2027-10-23T20:00:00Z'), // Saturday 22:00 CEST
      new Date('2027-10-24T00:30:00Z'), // Sunday 02:30 CEST
      { frequency: 'weekly', until: '2027-11-06' },
    );
    expect(iso(occurrences)).toEqual([
      ['2027-10-23T20:00:00.000Z', '2027-10-24T00:30:00.000Z'],
      // clocks go back that night: 02:30 happens twice, the earlier (summer-time) one is taken
      ['2027-10-30T20:00:00.000Z', '2027-10-31T00:30:00.000Z'],
      ['2027-11-06T21:00:00.000Z', '2027-11-07T01:30:00.000Z'],
    ]);
  });

  it('a weekly time skipped by the spring change moves forward by the gap on that day only', () => {
    const occurrences = expandRecurrence(
      new Date('2027-03-21T01:30:00Z'), // Sunday 02:30 CET
      new Date('2027-03-21T03:00:00Z'), // 04:00 CET
      { frequency: 'weekly', until: '2027-04-04' },
    );
    const local = occurrences.map((o) => toLocal(o.start));
    expect(local.map((l) => `${l.day} ${l.hour}:${l.minute}`)).toEqual(['21 2:30', '28 3:30', '4 2:30']);
    expect(occurrences[1]?.start.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(occurrences[2]?.start.toISOString()).toBe('2027-04-04T00:30:00.000Z');
  });

  it('refuses an end before the start, an until before the start and too many occurrences', () => {
    const start = new Date('2026-06-02T16:00:00Z');
    const end = new Date('2026-06-02T18:00:00Z');
    expect(() => expandRecurrence(end, start, { frequency: 'weekly', until: '2026-07-01' })).toThrow(
      /slutte efter/,
    );
    try {
      expandRecurrence(start, end, { frequency: 'weekly', until: '2026-06-01' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RecurrenceError);
      expect((error as RecurrenceError).field).toBe('until');
    }
    expect(() => expandRecurrence(start, end, { frequency: 'weekly', until: '2028-06-30' })).toThrow(
      RecurrenceError,
    );
    expect(expandRecurrence(start, end, { frequency: 'weekly', until: '2026-06-02' })).toHaveLength(1);
    const twoYears = expandRecurrence(start, end, { frequency: 'weekly', until: '2028-05-29' });
    expect(twoYears.length).toBeLessThanOrEqual(maxOccurrences);
    expect(() =>
      expandRecurrence(start, end, { frequency: 'monthly-weekday', until: '2026-12-31', weekOfMonth: 3 }),
    ).toThrow(/passer ikke/);
  });
});

describe('eventRecurrenceSchema (the core rule the expansion takes)', () => {
  it('refuses a recurrence without an end', () => {
    expect(eventRecurrenceSchema.safeParse({ frequency: 'weekly' }).success).toBe(false);
  });
});

describe('fromLocal / toLocal', () => {
  it('round-trips local times in winter and summer', () => {
    const winter = fromLocal({ year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 0 });
    expect(winter.toISOString()).toBe('2026-12-31T22:59:00.000Z');
    const summer = fromLocal({ year: 2027, month: 7, day: 1, hour: 0, minute: 0, second: 0 });
    expect(summer.toISOString()).toBe('2027-06-30T22:00:00.000Z');
    expect(toLocal(summer)).toEqual({ year: 2027, month: 7, day: 1, hour: 0, minute: 0, second: 0 });
  });
});

describe('shiftFollowing', () => {
  it('moves later occurrences to the new wall-clock time and weekday, across a DST change', () => {
    const occurrences = expandRecurrence(
      new Date('2026-10-06T16:00:00Z'), // Tuesday 18:00 CEST
      new Date('2026-10-06T18:00:00Z'),
      { frequency: 'weekly', until: '2026-11-03' },
    );
    const following = occurrences.slice(2); // 20 Oct, 27 Oct, 3 Nov
    const moved = shiftFollowing(following, {
      oldStart: following[0]!.start,
      newStart: new Date('2026-10-21T17:00:00Z'), // Wednesday 19:00 CEST
      newEnd: new Date('2026-10-21T18:30:00Z'),
    });
    expect(iso(moved)).toEqual([
      ['2026-10-21T17:00:00.000Z', '2026-10-21T18:30:00.000Z'],
      ['2026-10-28T18:00:00.000Z', '2026-10-28T19:30:00.000Z'], // 19:00 CET
      ['2026-11-04T18:00:00.000Z', '2026-11-04T19:30:00.000Z'],
    ]);
  });
});
