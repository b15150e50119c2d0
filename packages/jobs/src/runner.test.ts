import { describe, expect, it } from 'vitest';
import { backoffDelay, periodStart, recurringKey } from './runner.ts';

describe('backoffDelay', () => {
  it('doubles per attempt, between half and all of the step, up to the cap', () => {
    const low = () => 0;
    const high = () => 0.999_999;
    const retry = { baseDelayMs: 1000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, retry, low))).toEqual([
      500, 1000, 2000, 4000, 5000, 5000,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, retry, high))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });

  it('spreads failures that happen together', () => {
    const delays = new Set([0.1, 0.5, 0.9].map((r) => backoffDelay(3, {}, () => r)));
    expect(delays.size).toBe(3);
  });
});

describe('periodStart', () => {
  it('finds the start of the period a time falls in, with an offset', () => {
    const day = 24 * 60 * 60_000;
    expect(periodStart(new Date('2026-11-27T13:45:00Z'), day).toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect(periodStart(new Date('2026-11-27T04:59:59Z'), day, 5 * 3600_000).toISOString()).toBe(
      '2026-11-26T05:00:00.000Z',
    );
    expect(periodStart(new Date('2026-11-27T05:00:00Z'), day, 5 * 3600_000).toISOString()).toBe(
      '2026-11-27T05:00:00.000Z',
    );
  });

  it('names each period of a recurring job by its own key', () => {
    const job = { type: 'digest', everyMs: 3600_000 };
    const a = recurringKey(job, periodStart(new Date('2026-11-27T10:10:00Z'), job.everyMs));
    const b = recurringKey(job, periodStart(new Date('2026-11-27T10:50:00Z'), job.everyMs));
    const c = recurringKey(job, periodStart(new Date('2026-11-27T11:00:00Z'), job.everyMs));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
