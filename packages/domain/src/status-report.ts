import { z } from 'zod';

/**
 * Initiative tracking and the half-yearly status report (issue 13): the task-and-goal
 * description of a focus area, its initiatives, and the report workflow as a pure state machine.
 */

// ---- Task-and-goal description (opgave- og målbeskrivelse) ----

export const indicatorUnits = ['count', 'percent', 'dkk', 'number'] as const;
export const indicatorUnitSchema = z.enum(indicatorUnits, { error: 'Ukendt enhed' });
export type IndicatorUnit = z.infer<typeof indicatorUnitSchema>;

const text = (max: number, required = 'Skal udfyldes') =>
  z.string({ error: 'Skal være tekst' }).trim().min(1, required).max(max, `Højst ${max} tegn`);
const optionalText = (max: number) =>
  z.string({ error: 'Skal være tekst' }).trim().max(max, `Højst ${max} tegn`).default('');
const isoDate = z.iso.date({ error: 'Skal være en dato (ÅÅÅÅ-MM-DD)' });
const finite = z.number({ error: 'Skal være et tal' }).finite('Skal være et tal');

/** Stable key of a goal or indicator across revisions: values over the periods follow it. */
export const itemKeySchema = z
  .string({ error: 'Skal være tekst' })
  .regex(/^[a-z0-9-]{1,40}$/, 'Ugyldig nøgle');

export const indicatorSchema = z.strictObject({
  key: itemKeySchema,
  name: text(200),
  unit: indicatorUnitSchema,
  baseline: finite,
  baselineDate: isoDate,
  target: finite,
  targetDate: isoDate,
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const goalSchema = z.strictObject({
  key: itemKeySchema,
  title: text(300),
  indicators: z.array(indicatorSchema).max(10, 'Højst 10 indikatorer pr. mål').default([]),
});
export type Goal = z.infer<typeof goalSchema>;

export const partnerPartSchema = z.strictObject({
  name: text(200),
  part: optionalText(1000),
});

export const descriptionSchema = z
  .strictObject({
    purpose: text(5000),
    goals: z.array(goalSchema).max(20, 'Højst 20 mål').default([]),
    partners: z.array(partnerPartSchema).max(30, 'Højst 30 partnere').default([]),
  })
  .superRefine((description, ctx) => {
    const seen = new Set<string>();
    description.goals.forEach((goal, g) => {
      for (const [i, indicator] of goal.indicators.entries()) {
        if (seen.has(indicator.key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['goals', g, 'indicators', i, 'key'],
            message: 'Nøglen er brugt to gange',
          });
        }
        seen.add(indicator.key);
        const unitError = indicatorValueError(indicator.unit, indicator.baseline);
        if (unitError) {
          ctx.addIssue({
            code: 'custom',
            path: ['goals', g, 'indicators', i, 'baseline'],
            message: unitError,
          });
        }
        const targetError = indicatorValueError(indicator.unit, indicator.target);
        if (targetError) {
          ctx.addIssue({
            code: 'custom',
            path: ['goals', g, 'indicators', i, 'target'],
            message: targetError,
          });
        }
      }
    });
  });
export type Description = z.infer<typeof descriptionSchema>;

/** Every indicator of a description, with its goal. */
export function indicatorsOf(description: Description | null | undefined): (Indicator & { goal: string })[] {
  return (description?.goals ?? []).flatMap((goal) =>
    goal.indicators.map((indicator) => ({ ...indicator, goal: goal.title })),
  );
}

/** Why a value does not fit an indicator's unit, or null when it does. */
export function indicatorValueError(unit: IndicatorUnit, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'Skal være et tal';
  switch (unit) {
    case 'count':
      return Number.isInteger(value) && value >= 0 ? null : 'Et antal er et helt tal, 0 eller derover';
    case 'percent':
      return value >= 0 && value <= 100 ? null : 'En procentdel ligger mellem 0 og 100';
    case 'dkk':
      return value >= 0 ? null : 'Et beløb kan ikke være negativt';
    case 'number':
      return Math.abs(value) <= 1e12 ? null : 'Tallet er for stort';
  }
}

// ---- Initiatives ----

export const initiativeStatuses = ['planned', 'active', 'paused', 'completed', 'stopped'] as const;
export const initiativeStatusSchema = z.enum(initiativeStatuses, { error: 'Ukendt status' });
export type InitiativeStatus = z.infer<typeof initiativeStatusSchema>;

export const linkSchema = z.strictObject({
  title: text(200),
  url: z
    .string({ error: 'Skal være tekst' })
    .trim()
    .max(2000, 'Højst 2000 tegn')
    .refine((url) => /^(https?:\/\/|\/)/.test(url), 'Skal være en http(s)-adresse eller en sti på portalen'),
});
export type Link = z.infer<typeof linkSchema>;

export const initiativeInputSchema = z
  .strictObject({
    name: text(200),
    description: optionalText(5000),
    status: initiativeStatusSchema,
    responsibleUnit: optionalText(200),
    partners: z.array(text(200)).max(30, 'Højst 30 partnere').default([]),
    startsOn: isoDate.nullable().default(null),
    endsOn: isoDate.nullable().default(null),
    links: z.array(linkSchema).max(20, 'Højst 20 links').default([]),
  })
  .refine((input) => !input.startsOn || !input.endsOn || input.startsOn <= input.endsOn, {
    path: ['endsOn'],
    message: 'Slutdatoen ligger før startdatoen',
  });
export type InitiativeInput = z.infer<typeof initiativeInputSchema>;

// ---- The status report ----

export const overallStatuses = ['on_track', 'at_risk', 'off_track'] as const;
export const overallStatusSchema = z.enum(overallStatuses, { error: 'Ukendt status' });
export type OverallStatus = z.infer<typeof overallStatusSchema>;

export const reportStates = ['draft', 'submitted', 'acknowledged', 'returned'] as const;
export type ReportState = (typeof reportStates)[number];

export const statusReportContentSchema = z.strictObject({
  overallStatus: overallStatusSchema.nullable().default(null),
  summary: optionalText(10_000),
  initiatives: z
    .array(
      z.strictObject({
        initiativeId: z.number({ error: 'Skal være et tal' }).int().positive().max(2_147_483_647),
        status: overallStatusSchema,
        comment: optionalText(2000),
      }),
    )
    .max(100)
    .default([]),
  indicatorValues: z
    .array(
      z.strictObject({
        key: itemKeySchema,
        value: z.unknown(),
        comment: optionalText(1000),
      }),
    )
    .max(200)
    .default([]),
  risks: optionalText(5000),
  nextSteps: optionalText(5000),
  // Links to files elsewhere (kept as they were); uploaded files are rows of their own, at most
  // `maxReportFiles` per report (ADR 0015).
  attachments: z.array(linkSchema).max(20, 'Højst 20 bilag').default([]),
});

/** The most files one report may have uploaded (each at most the upload limit, 20 MiB). */
export const maxReportFiles = 20;
export type StatusReportContent = z.infer<typeof statusReportContentSchema>;
export type StatusReportInput = z.input<typeof statusReportContentSchema>;

export const createReportSchema = statusReportContentSchema.extend({
  period: z.string({ error: 'Skal være tekst' }).regex(/^\d{4}-\d{2}$/, 'En periode skrives ÅÅÅÅ-MM'),
});

export const reviewCommentSchema = z.strictObject({ comment: text(5000, 'Skriv en kommentar') });
export const acknowledgeSchema = z.strictObject({ comment: optionalText(5000) });

/**
 * Checks a report's indicator values against the indicators of the area's description: each key
 * must be an indicator, each value a number of its unit. Field paths point at the wrong value.
 */
export function indicatorValueErrors(
  values: StatusReportContent['indicatorValues'],
  indicators: readonly Pick<Indicator, 'key' | 'unit'>[],
): Record<string, string[]> {
  const byKey = new Map(indicators.map((indicator) => [indicator.key, indicator]));
  const fields: Record<string, string[]> = {};
  const seen = new Set<string>();
  values.forEach((entry, i) => {
    const indicator = byKey.get(entry.key);
    if (!indicator) fields[`indicatorValues.${i}.key`] = ['Indikatoren findes ikke i beskrivelsen'];
    else if (seen.has(entry.key)) fields[`indicatorValues.${i}.key`] = ['Indikatoren er med to gange'];
    else {
      const error = indicatorValueError(indicator.unit, entry.value);
      if (error) fields[`indicatorValues.${i}.value`] = [error];
    }
    seen.add(entry.key);
  });
  return fields;
}

/** Whether a report's content is complete enough to be submitted; field messages when not. */
export function submissionErrors(content: StatusReportContent): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  if (!content.overallStatus) fields.overallStatus = ['Vælg den samlede status'];
  if (!content.summary.trim()) fields.summary = ['Skriv et resumé'];
  return fields;
}

// ---- The workflow ----

export type ReportEvent =
  | { type: 'edit' }
  | { type: 'submit' }
  | { type: 'acknowledge' }
  | { type: 'return'; comment: string };

export type TransitionResult =
  | { ok: true; state: ReportState; resubmission: boolean }
  | { ok: false; message: string };

/**
 * The report's workflow: draft → submitted → acknowledged | returned (with a comment) →
 * submitted again … An acknowledged report is frozen; a submitted one waits for the steering group.
 */
export function reportTransition(state: ReportState, event: ReportEvent): TransitionResult {
  switch (event.type) {
    case 'edit':
      if (state === 'draft' || state === 'returned') return { ok: true, state, resubmission: false };
      return {
        ok: false,
        message:
          state === 'acknowledged'
            ? 'Rapporten er kvitteret og kan ikke ændres'
            : 'Rapporten er indsendt og kan ikke ændres, før styregruppen sender den retur',
      };
    case 'submit':
      if (state === 'draft') return { ok: true, state: 'submitted', resubmission: false };
      if (state === 'returned') return { ok: true, state: 'submitted', resubmission: true };
      return {
        ok: false,
        message: state === 'acknowledged' ? 'Rapporten er kvitteret' : 'Rapporten er allerede indsendt',
      };
    case 'acknowledge':
      if (state === 'submitted') return { ok: true, state: 'acknowledged', resubmission: false };
      return { ok: false, message: notSubmittedMessage(state) };
    case 'return':
      if (!event.comment.trim())
        return { ok: false, message: 'Skriv en kommentar, når rapporten sendes retur' };
      if (state === 'submitted') return { ok: true, state: 'returned', resubmission: false };
      return { ok: false, message: notSubmittedMessage(state) };
  }
}

function notSubmittedMessage(state: ReportState): string {
  if (state === 'acknowledged') return 'Rapporten er allerede kvitteret';
  if (state === 'returned') return 'Rapporten er sendt retur og venter på tovholderen';
  return 'Rapporten er en kladde og er ikke indsendt endnu';
}

/** Who may see a report in a state: drafts and returned reports only the area and reviewers. */
export const submittedStates: readonly ReportState[] = ['submitted', 'acknowledged'];

// ---- CSV for Danish Excel ----

export type CsvCell = string | number | null | undefined;

/** A number as Danish Excel reads it: decimal comma, no thousands separator. */
export function danishNumber(value: number): string {
  return String(value).replace('.', ',');
}

function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return danishNumber(cell);
  // A text that Excel would run as a formula is kept as text.
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV that opens correctly in Danish Excel: UTF-8 with a byte-order mark (so æøå survive),
 * semicolons between fields (the comma is the decimal sign), CRLF line ends, decimal commas.
 */
export function danishCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
