import { z } from 'zod';
import { slugSchema } from './policy.ts';
import { zoneOffsetMs } from './wall-clock.ts';

// Events and sign-up (issue 9): the shapes the API accepts and the pure rules behind sign-up.

export const eventStatuses = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];
export const registrationStatuses = ['confirmed', 'waitlisted', 'pending_guest', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
/** What a sign-up answers. */
export type SignUpStatus = 'confirmed' | 'waitlisted';

export const accessibilityFacts = ['stepFree', 'hearingLoop', 'interpreter', 'childcare'] as const;
export type AccessibilityFact = (typeof accessibilityFacts)[number];

/** Shown in Europe/Copenhagen; stored in UTC. */
export const eventTimeZone = 'Europe/Copenhagen';

export const eventTitleMaxLength = 200;
export const eventDescriptionMaxLength = 20_000;
export const eventAddressMaxLength = 300;
export const eventUrlMaxLength = 500;
export const eventOrganiserMaxLength = 200;
export const eventCapacityMax = 100_000;
export const eventReminderHoursMax = 720;
export const eventListPageSize = 20;

/** ISO 639-1 codes: the languages an event can be held in. */
export const languageCodes = [
  'aa', 'ab', 'ae', 'af', 'ak', 'am', 'an', 'ar', 'as', 'av', 'ay', 'az', 'ba', 'be', 'bg', 'bi', 'bm',
  'bn', 'bo', 'br', 'bs', 'ca', 'ce', 'ch', 'co', 'cr', 'cs', 'cu', 'cv', 'cy', 'da', 'de', 'dv', 'dz',
  'ee', 'el', 'en', 'eo', 'es', 'et', 'eu', 'fa', 'ff', 'fi', 'fj', 'fo', 'fr', 'fy', 'ga', 'gd', 'gl',
  'gn', 'gu', 'gv', 'ha', 'he', 'hi', 'ho', 'hr', 'ht', 'hu', 'hy', 'hz', 'ia', 'id', 'ie', 'ig', 'ii',
  'ik', 'io', 'is', 'it', 'iu', 'ja', 'jv', 'ka', 'kg', 'ki', 'kj', 'kk', 'kl', 'km', 'kn', 'ko', 'kr',
  'ks', 'ku', 'kv', 'kw', 'ky', 'la', 'lb', 'lg', 'li', 'ln', 'lo', 'lt', 'lu', 'lv', 'mg', 'mh', 'mi',
  'mk', 'ml', 'mn', 'mr', 'ms', 'mt', 'my', 'na', 'nb', 'nd', 'ne', 'ng', 'nl', 'nn', 'no', 'nr', 'nv',
  'ny', 'oc', 'oj', 'om', 'or', 'os', 'pa', 'pi', 'pl', 'ps', 'pt', 'qu', 'rm', 'rn', 'ro', 'ru', 'rw',
  'sa', 'sc', 'sd', 'se', 'sg', 'si', 'sk', 'sl', 'sm', 'sn', 'so', 'sq', 'sr', 'ss', 'st', 'su', 'sv',
  'sw', 'ta', 'te', 'tg', 'th', 'ti', 'tk', 'tl', 'tn', 'to', 'tr', 'ts', 'tt', 'tw', 'ty', 'ug', 'uk',
  'ur', 'uz', 've', 'vi', 'vo', 'wa', 'wo', 'xh', 'yi', 'yo', 'za', 'zh', 'zu',
] as const; // biome-ignore format: a table
export type LanguageCode = (typeof languageCodes)[number];
const languageSet: ReadonlySet<string> = new Set(languageCodes);
export const isLanguageCode = (value: string): value is LanguageCode => languageSet.has(value);

/** The languages offered first in forms and filters (the ones most spoken among newcomers here). */
export const commonEventLanguages = [
  'da',
  'en',
  'ar',
  'uk',
  'fa',
  'ps',
  'ti',
  'so',
  'ku',
  'tr',
  'ru',
] as const;

export const languageCodeSchema = z
  .string({ error: 'Vælg et sprog' })
  .max(3, 'Ukendt sprogkode')
  .transform((value) => value.trim().toLowerCase())
  .refine(isLanguageCode, 'Ukendt sprogkode (brug ISO 639-1, fx da, en, ar)');

const isoDateTime = (missing: string) =>
  z.iso.datetime({ offset: true, error: missing }).transform((value) => new Date(value));

const nullableText = (max: number, tooLong: string) =>
  z
    .string()
    .max(max, tooLong)
    .transform((value) => value.trim())
    .transform((value) => (value === '' ? null : value))
    .nullish();

const onlineUrlSchema = z
  .string()
  .max(eventUrlMaxLength, `Linket må højst være ${eventUrlMaxLength} tegn`)
  .transform((value) => value.trim())
  .refine((value) => value === '' || (/^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value)), {
    message: 'Skriv et fuldt link, der begynder med https://',
  })
  .transform((value) => (value === '' ? null : value))
  .nullish();

export const eventRecurrenceFrequencies = ['weekly', 'every-other-week', 'monthly-weekday'] as const;
export type EventRecurrenceFrequency = (typeof eventRecurrenceFrequencies)[number];

/** A recurrence: an end (`until`, a date) is required — a series without an end is refused. */
export const eventRecurrenceSchema = z.strictObject({
  frequency: z.enum(eventRecurrenceFrequencies, { error: 'Vælg hvor ofte det gentages' }),
  until: z.iso.date({ error: 'Skriv en slutdato for gentagelsen (ÅÅÅÅ-MM-DD)' }),
  /** monthly-weekday: 1–4, or -1 for the last; taken from the first occurrence when left out. */
  weekOfMonth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]).optional(),
});
export type EventRecurrence = z.infer<typeof eventRecurrenceSchema>;

/** The fields of an event, each checked alone. Cross-field rules are in `eventShapeIssues`. */
export const eventFields = {
  typeId: z.number({ error: 'Vælg en type' }).int('Vælg en type').positive('Vælg en type').max(2_147_483_647),
  title: z
    .string({ error: 'Skriv en titel' })
    .max(eventTitleMaxLength, `Titlen må højst være ${eventTitleMaxLength} tegn`)
    .transform((value) => value.normalize('NFC').trim())
    .pipe(z.string().min(1, 'Skriv en titel')),
  description: z
    .string({ error: 'Beskrivelsen skal være tekst' })
    .max(eventDescriptionMaxLength, `Beskrivelsen må højst være ${eventDescriptionMaxLength} tegn`)
    .default(''),
  startsAt: isoDateTime('Skriv hvornår det begynder'),
  endsAt: isoDateTime('Skriv hvornår det slutter'),
  address: nullableText(eventAddressMaxLength, `Adressen må højst være ${eventAddressMaxLength} tegn`),
  onlineUrl: onlineUrlSchema,
  capacity: z
    .number({ error: 'Antal pladser skal være et tal' })
    .int('Antal pladser skal være et helt tal')
    .min(0, 'Antal pladser kan ikke være under 0')
    .max(eventCapacityMax, `Højst ${eventCapacityMax} pladser`)
    .nullish(),
  signupDeadline: z.iso
    .datetime({ offset: true, error: 'Tilmeldingsfristen skal være et tidspunkt' })
    .transform((value) => new Date(value))
    .nullish(),
  organiserName: z
    .string({ error: 'Skriv arrangøren' })
    .max(eventOrganiserMaxLength, `Arrangøren må højst være ${eventOrganiserMaxLength} tegn`)
    .transform((value) => value.normalize('NFC').trim())
    .pipe(z.string().min(1, 'Skriv arrangøren')),
  organiserUserId: z.uuid('Ukendt bruger').nullish(),
  focusAreas: z
    .array(slugSchema, { error: 'Fokusområder skal være en liste' })
    .max(20, 'Højst 20 fokusområder')
    .default([]),
  languages: z
    .array(languageCodeSchema, { error: 'Sprog skal være en liste' })
    .max(20, 'Højst 20 sprog')
    .default([]),
  stepFree: z.boolean({ error: 'Skal være sand eller falsk' }).default(false),
  hearingLoop: z.boolean({ error: 'Skal være sand eller falsk' }).default(false),
  interpreter: z.boolean({ error: 'Skal være sand eller falsk' }).default(false),
  childcare: z.boolean({ error: 'Skal være sand eller falsk' }).default(false),
  reminderHours: z
    .number({ error: 'Påmindelsen skal være et antal timer' })
    .int('Påmindelsen skal være et helt antal timer')
    .min(0, 'Påmindelsen kan ikke være negativ')
    .max(eventReminderHoursMax, `Højst ${eventReminderHoursMax} timer før`)
    .default(48),
};

export interface EventShape {
  startsAt: Date;
  endsAt: Date;
  address: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  signupDeadline: Date | null;
}

/** Cross-field rules of an event: end after start, deadline no later than the start, a place. */
export function eventShapeIssues(event: EventShape): Record<string, string> {
  const issues: Record<string, string> = {};
  if (event.endsAt.getTime() <= event.startsAt.getTime())
    issues.endsAt = 'Slutningen skal ligge efter starten';
  if (event.signupDeadline && event.signupDeadline.getTime() > event.startsAt.getTime()) {
    issues.signupDeadline = 'Tilmeldingsfristen skal ligge før arrangementet begynder';
  }
  if (!event.address && !event.onlineUrl) issues.address = 'Skriv en adresse eller et link til et onlinemøde';
  return issues;
}

/** A new event cannot begin in the past. */
export function newEventTimingIssues(startsAt: Date, now: Date): Record<string, string> {
  return startsAt.getTime() <= now.getTime()
    ? { startsAt: 'Et nyt arrangement kan ikke begynde i fortiden' }
    : {};
}

export const createEventSchema = z
  .strictObject({
    ...eventFields,
    /** Publish at once, or keep it as a draft (the default). */
    status: z
      .enum(['draft', 'published'], { error: 'Status er kladde eller offentliggjort' })
      .default('draft'),
    recurrence: eventRecurrenceSchema.nullish(),
  })
  .superRefine((event, ctx) => {
    // zod runs this even when a field failed; the fields' own messages are enough then.
    if (!(event.startsAt instanceof Date) || !(event.endsAt instanceof Date)) return;
    const issues = eventShapeIssues({
      ...event,
      address: event.address ?? null,
      onlineUrl: event.onlineUrl ?? null,
      capacity: event.capacity ?? null,
      signupDeadline: event.signupDeadline ?? null,
    });
    for (const [path, message] of Object.entries(issues))
      ctx.addIssue({ code: 'custom', path: [path], message });
  });
export type CreateEventInput = z.infer<typeof createEventSchema>;

/**
 * An edit: any of the fields; the merged result is checked with `eventShapeIssues`.
 * `scope` is for an occurrence of a series: this one (default) or this and the following ones.
 */
export const updateEventSchema = z.strictObject({
  typeId: eventFields.typeId.optional(),
  title: eventFields.title.optional(),
  description: z
    .string({ error: 'Beskrivelsen skal være tekst' })
    .max(eventDescriptionMaxLength, `Beskrivelsen må højst være ${eventDescriptionMaxLength} tegn`)
    .optional(),
  startsAt: eventFields.startsAt.optional(),
  endsAt: eventFields.endsAt.optional(),
  address: eventFields.address,
  onlineUrl: eventFields.onlineUrl,
  capacity: eventFields.capacity,
  signupDeadline: eventFields.signupDeadline,
  organiserName: eventFields.organiserName.optional(),
  organiserUserId: eventFields.organiserUserId,
  focusAreas: z
    .array(slugSchema, { error: 'Fokusområder skal være en liste' })
    .max(20, 'Højst 20 fokusområder')
    .optional(),
  languages: z
    .array(languageCodeSchema, { error: 'Sprog skal være en liste' })
    .max(20, 'Højst 20 sprog')
    .optional(),
  stepFree: z.boolean({ error: 'Skal være sand eller falsk' }).optional(),
  hearingLoop: z.boolean({ error: 'Skal være sand eller falsk' }).optional(),
  interpreter: z.boolean({ error: 'Skal være sand eller falsk' }).optional(),
  childcare: z.boolean({ error: 'Skal være sand eller falsk' }).optional(),
  reminderHours: z
    .number({ error: 'Påmindelsen skal være et antal timer' })
    .int('Påmindelsen skal være et helt antal timer')
    .min(0, 'Påmindelsen kan ikke være negativ')
    .max(eventReminderHoursMax, `Højst ${eventReminderHoursMax} timer før`)
    .optional(),
  scope: z.enum(['this', 'following'], { error: 'Vælg denne eller denne og de følgende' }).optional(),
});
export type UpdateEventInput = z.infer<typeof updateEventSchema>;

/** A query-string flag: "true"/"1"/"on" (a ticked checkbox) is on, anything else off. */
const flag = z
  .string()
  .max(5)
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === 'on');
const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

/** `GET /api/events` and `/arrangementer`: the filters, all from the query string. */
export const eventListQuerySchema = z.object({
  from: z.preprocess(emptyToUndefined, z.iso.date({ error: 'Skriv en dato (ÅÅÅÅ-MM-DD)' }).optional()),
  to: z.preprocess(emptyToUndefined, z.iso.date({ error: 'Skriv en dato (ÅÅÅÅ-MM-DD)' }).optional()),
  type: z.preprocess(emptyToUndefined, slugSchema.optional()),
  focusArea: z.preprocess(emptyToUndefined, slugSchema.optional()),
  language: z.preprocess(emptyToUndefined, languageCodeSchema.optional()),
  organiser: z.preprocess(
    emptyToUndefined,
    z.string().max(eventOrganiserMaxLength, `Højst ${eventOrganiserMaxLength} tegn`).optional(),
  ),
  q: z.preprocess(emptyToUndefined, z.string().max(200, 'Søgningen må højst være 200 tegn').optional()),
  stepFree: flag,
  hearingLoop: flag,
  interpreter: flag,
  childcare: flag,
  page: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'Siden skal være et tal' })
      .int('Siden skal være et helt tal')
      .min(1, 'Siden skal være 1 eller mere')
      .max(10_000, 'Siden er for høj')
      .default(1),
  ),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

export const eventIdSchema = z.coerce
  .number({ error: 'Ukendt arrangement' })
  .int('Ukendt arrangement')
  .positive('Ukendt arrangement')
  .max(2_147_483_647, 'Ukendt arrangement');

/** A guest signs up with a name and an email address, confirmed by an emailed link. */
export const guestSignUpSchema = z.strictObject({
  name: z
    .string({ error: 'Skriv dit navn' })
    .max(100, 'Navnet må højst være 100 tegn')
    .transform((value) => value.normalize('NFC').trim())
    .pipe(z.string().min(1, 'Skriv dit navn')),
  email: z
    .string({ error: 'Skriv en e-mailadresse' })
    .max(254, 'E-mailadressen må højst være 254 tegn')
    .transform((value) => value.trim().toLowerCase())
    .pipe(z.email('Skriv en gyldig e-mailadresse, fx navn@eksempel.dk')),
});
export type GuestSignUpInput = z.infer<typeof guestSignUpSchema>;

// ── Rules ──────────────────────────────────────────────────────────────────────────────────────

/** Confirmed while a seat is free (`capacity` null = unlimited), waitlisted otherwise. */
export function registrationStatus(capacity: number | null, confirmed: number): SignUpStatus {
  return capacity === null || confirmed < capacity ? 'confirmed' : 'waitlisted';
}

/** Seats left: null when unlimited, never below 0. */
export function seatsLeft(capacity: number | null, confirmed: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - confirmed);
}

/** When sign-up closes: the deadline, or the start when there is none. */
export function signUpClosesAt(event: { startsAt: Date; signupDeadline: Date | null }): Date {
  return event.signupDeadline ?? event.startsAt;
}

export type SignUpRefusal = 'not-published' | 'cancelled' | 'past' | 'closed';

export const signUpRefusalMessages: Record<SignUpRefusal, string> = {
  'not-published': 'Arrangementet er ikke offentliggjort endnu',
  cancelled: 'Arrangementet er aflyst',
  past: 'Arrangementet er allerede begyndt eller slut',
  closed: 'Tilmeldingen er lukket (fristen er overskredet)',
};

/** Why a sign-up is refused now, or null when it is open. */
export function signUpRefusal(
  event: { status: EventStatus; startsAt: Date; signupDeadline: Date | null },
  now: Date,
): SignUpRefusal | null {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status !== 'published') return 'not-published';
  if (event.startsAt.getTime() <= now.getTime()) return 'past';
  if (signUpClosesAt(event).getTime() <= now.getTime()) return 'closed';
  return null;
}

/** A capacity change: refused below the confirmed count; otherwise how many to promote. */
export function capacityChange(
  newCapacity: number | null,
  confirmed: number,
  waitlisted: number,
): { ok: false; message: string } | { ok: true; promote: number } {
  if (newCapacity !== null && newCapacity < confirmed) {
    return {
      ok: false,
      message: `Der er allerede ${confirmed} bekræftede tilmeldinger; antal pladser kan ikke sættes lavere`,
    };
  }
  const free = newCapacity === null ? waitlisted : newCapacity - confirmed;
  return { ok: true, promote: Math.max(0, Math.min(free, waitlisted)) };
}

/** Whether an edit moves the event in time or place — those signed up are then told. */
export function timeOrPlaceChanged(
  before: { startsAt: Date; endsAt: Date; address: string | null; onlineUrl: string | null },
  after: { startsAt: Date; endsAt: Date; address: string | null; onlineUrl: string | null },
): boolean {
  return (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    (before.address ?? null) !== (after.address ?? null) ||
    (before.onlineUrl ?? null) !== (after.onlineUrl ?? null)
  );
}

/** A link that opens the address in a map (OpenStreetMap's search). */
export function mapLink(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}

// ── Time in Europe/Copenhagen ──────────────────────────────────────────────────────────────────

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A wall-clock time in Copenhagen ("2026-03-29T02:30", as an <input type="datetime-local"> sends
 * it) → the UTC instant. A time skipped by the spring change is moved forward an hour; a time
 * that happens twice in the autumn is the first (summer time). Null when it is not such a time.
 */
export function copenhagenToUtc(local: string, timeZone: string = eventTimeZone): Date | null {
  const match = localPattern.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map((part) => Number(part ?? 0)) as number[];
  const wall = Date.UTC(
    year as number,
    (month as number) - 1,
    day as number,
    hour as number,
    minute as number,
    second ?? 0,
  );
  const check = new Date(wall);
  if (check.getUTCMonth() !== (month as number) - 1 || check.getUTCDate() !== day || (hour as number) > 23)
    return null;
  const before = zoneOffsetMs(wall - 2 * 3_600_000, timeZone);
  const after = zoneOffsetMs(wall + 2 * 3_600_000, timeZone);
  // The earlier instant first: in the autumn overlap both fit and the first is meant.
  const fitting = [Math.max(before, after), Math.min(before, after)]
    .map((offset) => wall - offset)
    .filter((candidate) => wall - zoneOffsetMs(candidate, timeZone) === candidate);
  // None fits in the spring gap: the time is moved forward (read with the offset before the change).
  return new Date(fitting[0] ?? wall - before);
}

/** The UTC instant → Copenhagen wall-clock time "YYYY-MM-DDTHH:mm" (for a datetime-local input). */
export function utcToCopenhagenLocal(instant: Date, timeZone: string = eventTimeZone): string {
  const local = new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}

/** The start of a Copenhagen day ("YYYY-MM-DD") as a UTC instant. */
export function copenhagenDayStart(date: string, timeZone: string = eventTimeZone): Date | null {
  return copenhagenToUtc(`${date}T00:00`, timeZone);
}
