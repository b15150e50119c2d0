import { describe, expect, it } from 'vitest';
import {
  datedPeriod,
  latePeriodFor,
  nextPeriod,
  openPeriodFor,
  parsePeriodKey,
  periodAcceptsReports,
  periodsBetween,
  previousPeriod,
  reminderDates,
  reportingPeriodFor,
  zonedInstant,
} from './reporting-period.ts';

describe('reportingPeriodFor', () => {
  it.each([
    ['2026-01-15', '2026-03'],
    ['2026-03-01', '2026-03'],
    ['2026-03-31', '2026-03'],
    ['2026-04-01', '2026-09'],
    ['2026-09-30', '2026-09'],
    ['2026-10-01', '2027-03'],
    ['2026-12-31', '2027-03'],
  ])('on %s the next report is due in %s', (day, key) => {
    expect(reportingPeriodFor(new Date(`${day}T12:00:00Z`)).key).toBe(key);
  });
});

describe('status-report periods (issue 13)', () => {
  it('puts the deadline at the end of the 15th in Copenhagen: CET in March, CEST in September', () => {
    expect(datedPeriod({ year: 2027, month: 3 }).deadline.toISOString()).toBe('2027-03-15T23:00:00.000Z');
    expect(datedPeriod({ year: 2026, month: 9 }).deadline.toISOString()).toBe('2026-09-15T22:00:00.000Z');
  });

  it('takes a configurable deadline day, clamped to the month', () => {
    const rules = { months: [3, 9], deadlineDay: 31, timeZone: 'Europe/Copenhagen' };
    expect(datedPeriod({ year: 2027, month: 9 }, rules).deadline.toISOString()).toBe(
      '2027-09-30T22:00:00.000Z',
    );
    // 31 March 2027: the day after is 1 April, already summer time (DST began 28 March).
    expect(datedPeriod({ year: 2027, month: 3 }, rules).deadline.toISOString()).toBe(
      '2027-03-31T22:00:00.000Z',
    );
    const firstOf = { ...rules, deadlineDay: 1 };
    expect(datedPeriod({ year: 2027, month: 3 }, firstOf).deadline.toISOString()).toBe(
      '2027-03-01T23:00:00.000Z',
    );
  });

  it.each([
    ['2026-11-26T12:00:00Z', '2027-03'],
    ['2026-12-31T23:30:00Z', '2027-03'], // already 1 January in Copenhagen
    ['2027-01-01T00:30:00Z', '2027-03'],
    ['2027-03-15T22:59:59Z', '2027-03'], // 23:59:59 on the 15th, Copenhagen
    ['2027-03-15T23:00:00Z', '2027-09'], // midnight: the deadline has passed
    ['2027-09-15T21:59:59Z', '2027-09'],
    ['2027-09-15T22:00:00Z', '2028-03'],
    ['2031-10-01T00:00:00Z', '2032-03'], // past the policy's 2022, on and on
    ['2022-03-10T08:00:00Z', '2022-03'],
  ])('on %s the open period is %s', (now, key) => {
    expect(openPeriodFor(new Date(now)).key).toBe(key);
  });

  it('counts the deadline in another time zone when told to', () => {
    const rules = { months: [3, 9], deadlineDay: 15, timeZone: 'America/New_York' };
    // Midnight after 15 March 2027 in New York (EDT since 14 March) is 04:00 UTC on the 16th.
    expect(datedPeriod({ year: 2027, month: 3 }, rules).deadline.toISOString()).toBe(
      '2027-03-16T04:00:00.000Z',
    );
    expect(openPeriodFor(new Date('2027-03-16T03:00:00Z'), rules).key).toBe('2027-03');
    expect(openPeriodFor(new Date('2027-03-16T03:00:00Z')).key).toBe('2027-09');
  });

  it('keeps the period just passed open for a late report until it is closed', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    expect(latePeriodFor(now).key).toBe('2026-09');
    expect(periodAcceptsReports('2027-03', now)).toBe('open');
    expect(periodAcceptsReports('2026-09', now)).toBe('late');
    expect(periodAcceptsReports('2026-09', now, new Set(['2026-09']))).toBe('closed');
    expect(periodAcceptsReports('2026-03', now)).toBe('closed');
    expect(periodAcceptsReports('2027-09', now)).toBe('future');
    expect(periodAcceptsReports('2027-04', now)).toBe('unknown');
    expect(periodAcceptsReports('27-03', now)).toBe('unknown');
  });

  it('walks across year ends both ways', () => {
    expect(nextPeriod({ year: 2026, month: 9 }).key).toBe('2027-03');
    expect(previousPeriod({ year: 2027, month: 3 }).key).toBe('2026-09');
    expect(previousPeriod({ year: 2027, month: 9 }).key).toBe('2027-03');
    expect(periodsBetween({ year: 2025, month: 9 }, { year: 2027, month: 3 }).map((p) => p.key)).toEqual([
      '2025-09',
      '2026-03',
      '2026-09',
      '2027-03',
    ]);
  });

  it('parses only keys of reporting months', () => {
    expect(parsePeriodKey('2027-03')).toMatchObject({ year: 2027, month: 3 });
    expect(parsePeriodKey('2027-04')).toBeUndefined();
    expect(parsePeriodKey('2027-3')).toBeUndefined();
    expect(parsePeriodKey('abcd-03')).toBeUndefined();
  });

  it('reminds 14 and 3 days before the deadline at 09:00 local time, and at the deadline', () => {
    const march = reminderDates({ year: 2027, month: 3 });
    expect(march['14-days'].toISOString()).toBe('2027-03-01T08:00:00.000Z');
    expect(march['3-days'].toISOString()).toBe('2027-03-12T08:00:00.000Z');
    expect(march.overdue.toISOString()).toBe('2027-03-15T23:00:00.000Z');
    const september = reminderDates({ year: 2027, month: 9 });
    expect(september['14-days'].toISOString()).toBe('2027-09-01T07:00:00.000Z');
    // A deadline on the 5th puts the first reminder in the month before (and across a year end).
    const early = reminderDates(
      { year: 2027, month: 1 },
      { months: [1, 7], deadlineDay: 5, timeZone: 'Europe/Copenhagen' },
    );
    expect(early['14-days'].toISOString()).toBe('2026-12-22T08:00:00.000Z');
  });

  it('finds wall-clock instants on both sides of a daylight-saving change', () => {
    expect(zonedInstant('Europe/Copenhagen', 2027, 3, 28, 1).toISOString()).toBe('2027-03-28T00:00:00.000Z');
    expect(zonedInstant('Europe/Copenhagen', 2027, 3, 28, 3).toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(zonedInstant('Europe/Copenhagen', 2027, 10, 31, 12).toISOString()).toBe(
      '2027-10-31T11:00:00.000Z',
    );
  });
});
