import { describe, expect, it } from 'vitest';
import { reportingPeriodFor } from './reporting-period.ts';

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
