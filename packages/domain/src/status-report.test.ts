import { describe, expect, it } from 'vitest';
import {
  descriptionSchema,
  indicatorValueError,
  indicatorValueErrors,
  initiativeInputSchema,
  type ReportState,
  reportTransition,
  statusReportContentSchema,
  submissionErrors,
} from './status-report.ts';

describe('the report workflow', () => {
  it('goes draft → submitted → returned → submitted again → acknowledged', () => {
    let state: ReportState = 'draft';
    const step = (event: Parameters<typeof reportTransition>[1]) => {
      const result = reportTransition(state, event);
      if (!result.ok) throw new Error(result.message);
      state = result.state;
      return result;
    };
    expect(step({ type: 'edit' }).state).toBe('draft');
    expect(step({ type: 'submit' })).toEqual({ ok: true, state: 'submitted', resubmission: false });
    expect(step({ type: 'return', comment: 'Mangler tal for Q1' }).state).toBe('returned');
    expect(step({ type: 'edit' }).state).toBe('returned');
    expect(step({ type: 'submit' })).toEqual({ ok: true, state: 'submitted', resubmission: true });
    expect(step({ type: 'acknowledge' }).state).toBe('acknowledged');
  });

  it('freezes an acknowledged report', () => {
    for (const event of [
      { type: 'edit' },
      { type: 'submit' },
      { type: 'acknowledge' },
      { type: 'return', comment: 'x' },
    ] as const) {
      expect(reportTransition('acknowledged', event).ok, event.type).toBe(false);
    }
  });

  it('refuses to acknowledge or return a draft, to edit a submitted report, and a return without comment', () => {
    expect(reportTransition('draft', { type: 'acknowledge' })).toEqual({
      ok: false,
      message: 'Rapporten er en kladde og er ikke indsendt endnu',
    });
    expect(reportTransition('draft', { type: 'return', comment: 'nej' }).ok).toBe(false);
    expect(reportTransition('submitted', { type: 'edit' }).ok).toBe(false);
    expect(reportTransition('submitted', { type: 'submit' }).ok).toBe(false);
    expect(reportTransition('submitted', { type: 'return', comment: '   ' })).toEqual({
      ok: false,
      message: 'Skriv en kommentar, når rapporten sendes retur',
    });
  });
});

describe('indicator values by unit', () => {
  it.each([
    ['count', 3, null],
    ['count', 2.5, 'Et antal er et helt tal, 0 eller derover'],
    ['count', -1, 'Et antal er et helt tal, 0 eller derover'],
    ['percent', 100, null],
    ['percent', 101, 'En procentdel ligger mellem 0 og 100'],
    ['dkk', 12_500.5, null],
    ['dkk', -1, 'Et beløb kan ikke være negativt'],
    ['number', -4.2, null],
    ['number', '12', 'Skal være et tal'],
    ['count', null, 'Skal være et tal'],
    ['percent', Number.NaN, 'Skal være et tal'],
  ] as const)('%s %s → %s', (unit, value, message) => {
    expect(indicatorValueError(unit, value)).toBe(message);
  });

  it('points at the wrong value, an unknown indicator and a repeated one', () => {
    const indicators = [
      { key: 'deltagere', unit: 'count' as const },
      { key: 'andel', unit: 'percent' as const },
    ];
    expect(
      indicatorValueErrors(
        [
          { key: 'deltagere', value: 1.5, comment: '' },
          { key: 'findes-ikke', value: 1, comment: '' },
          { key: 'andel', value: 50, comment: '' },
          { key: 'andel', value: 60, comment: '' },
        ],
        indicators,
      ),
    ).toEqual({
      'indicatorValues.0.value': ['Et antal er et helt tal, 0 eller derover'],
      'indicatorValues.1.key': ['Indikatoren findes ikke i beskrivelsen'],
      'indicatorValues.3.key': ['Indikatoren er med to gange'],
    });
  });
});

describe('the schemas', () => {
  const indicator = {
    key: 'deltagere',
    name: 'Deltagere i forløb',
    unit: 'count',
    baseline: 10,
    baselineDate: '2026-01-01',
    target: 40,
    targetDate: '2027-12-31',
  };

  it('accepts a description and refuses a baseline of the wrong unit and a repeated key', () => {
    expect(
      descriptionSchema.safeParse({
        purpose: 'Formål',
        goals: [{ key: 'm1', title: 'Mål', indicators: [indicator] }],
      }).success,
    ).toBe(true);
    const bad = descriptionSchema.safeParse({
      purpose: 'Formål',
      goals: [{ key: 'm1', title: 'Mål', indicators: [{ ...indicator, baseline: 1.5 }, indicator] }],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(['goals.0.indicators.0.baseline', 'goals.0.indicators.1.key']);
  });

  it('refuses missing, too long and wrongly typed fields', () => {
    expect(descriptionSchema.safeParse({}).success).toBe(false);
    expect(descriptionSchema.safeParse({ purpose: 'x'.repeat(5001) }).success).toBe(false);
    expect(descriptionSchema.safeParse({ purpose: 7 }).success).toBe(false);
    expect(descriptionSchema.safeParse({ purpose: 'ok', extra: 1 }).success).toBe(false);
    expect(statusReportContentSchema.safeParse({ overallStatus: 'fine' }).success).toBe(false);
    expect(statusReportContentSchema.safeParse({ summary: 'x'.repeat(10_001) }).success).toBe(false);
    expect(
      initiativeInputSchema.safeParse({
        name: 'X',
        status: 'active',
        startsOn: '2027-02-01',
        endsOn: '2027-01-01',
      }).success,
    ).toBe(false);
    expect(
      initiativeInputSchema.safeParse({
        name: 'X',
        status: 'active',
        links: [{ title: 'x', url: 'javascript:alert(1)' }],
      }).success,
    ).toBe(false);
  });

  it('needs an overall status and a summary to submit', () => {
    const content = statusReportContentSchema.parse({});
    expect(Object.keys(submissionErrors(content)).sort()).toEqual(['overallStatus', 'summary']);
    expect(
      submissionErrors(statusReportContentSchema.parse({ overallStatus: 'at_risk', summary: 'Godt' })),
    ).toEqual({});
  });
});
