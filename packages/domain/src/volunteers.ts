import { z } from 'zod';
import { spokenLanguageCodeSchema } from './associations.ts';
import { slugSchema } from './policy.ts';

// Volunteers (issue 10): the profile, the staff search and the matching of volunteers to events
// by the languages they speak.

/** The shared list of skills (slugs; the portal's catalogue names them in Danish and English). */
export const volunteerSkills = [
  'interpreting',
  'homework-help',
  'language-cafe',
  'mentoring',
  'sports',
  'cooking',
  'childcare',
  'transport',
  'it-help',
  'job-search',
  'paperwork',
  'culture',
] as const;
export type VolunteerSkill = (typeof volunteerSkills)[number];

/** Levels, lowest first; a search for a level finds that level and the ones above it. */
export const languageLevels = ['basic', 'good', 'fluent', 'native'] as const;
export type LanguageLevel = (typeof languageLevels)[number];
export const languageLevelRank = (level: LanguageLevel) => languageLevels.indexOf(level);

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
export const partsOfDay = ['morning', 'afternoon', 'evening'] as const;
export type PartOfDay = (typeof partsOfDay)[number];
/** An availability slot: a weekday and a part of the day, e.g. `tue-evening`. */
export const availabilitySlots = weekdays.flatMap((day) =>
  partsOfDay.map((part) => `${day}-${part}` as const),
);
export type AvailabilitySlot = (typeof availabilitySlots)[number];

/** The languages offered first in the volunteer form (Dari is ISO 639-3 `prs`). */
export const commonVolunteerLanguages = ['da', 'en', 'ar', 'ti', 'so', 'prs', 'fa', 'ku', 'uk'] as const;

export const volunteerPresentationMaxLength = 2_000;
export const volunteerSkillsOtherMaxLength = 500;

const languageEntrySchema = z.strictObject({
  language: spokenLanguageCodeSchema,
  level: z.enum(languageLevels, { error: 'Niveauet er basic, good, fluent eller native' }),
});

export const volunteerProfileSchema = z
  .strictObject({
    skills: z
      .array(z.enum(volunteerSkills, { error: 'Ukendt færdighed' }), {
        error: 'Færdigheder skal være en liste',
      })
      .max(volunteerSkills.length, 'For mange færdigheder')
      .default([]),
    skillsOther: z
      .string({ error: 'Skal være tekst' })
      .max(volunteerSkillsOtherMaxLength, `Højst ${volunteerSkillsOtherMaxLength} tegn`)
      .transform((value) => value.normalize('NFC').trim())
      .default(''),
    languages: z
      .array(languageEntrySchema, { error: 'Sprog skal være en liste' })
      .max(30, 'Højst 30 sprog')
      .default([]),
    availability: z
      .array(z.enum(availabilitySlots, { error: 'Ukendt tidspunkt' }), { error: 'Tider skal være en liste' })
      .max(availabilitySlots.length, 'For mange tidspunkter')
      .default([]),
    interests: z
      .array(slugSchema, { error: 'Interesser skal være en liste' })
      .max(20, 'Højst 20 fokusområder')
      .default([]),
    presentation: z
      .string({ error: 'Skal være tekst' })
      .max(
        volunteerPresentationMaxLength,
        `Præsentationen må højst være ${volunteerPresentationMaxLength} tegn`,
      )
      .transform((value) => value.normalize('NFC').trim())
      .default(''),
    /** The explicit consent that staff may contact them; without it staff do not see the profile. */
    consent: z.boolean({ error: 'Samtykket skal være sandt eller falsk' }).default(false),
  })
  .superRefine((profile, ctx) => {
    const seen = new Set<string>();
    profile.languages.forEach((entry, index) => {
      if (seen.has(entry.language)) {
        ctx.addIssue({
          code: 'custom',
          path: ['languages', index, 'language'],
          message: 'Sproget står to gange',
        });
      }
      seen.add(entry.language);
    });
  });
export type VolunteerProfileInput = z.infer<typeof volunteerProfileSchema>;

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

/** `GET /api/volunteers` and `/frivillige`: every filter from the query string. */
export const volunteerSearchQuerySchema = z.object({
  language: z.preprocess(emptyToUndefined, spokenLanguageCodeSchema.optional()),
  level: z.preprocess(
    emptyToUndefined,
    z.enum(languageLevels, { error: 'Niveauet er basic, good, fluent eller native' }).optional(),
  ),
  skill: z.preprocess(emptyToUndefined, z.enum(volunteerSkills, { error: 'Ukendt færdighed' }).optional()),
  availability: z.preprocess(
    emptyToUndefined,
    z.enum(availabilitySlots, { error: 'Ukendt tidspunkt' }).optional(),
  ),
  interest: z.preprocess(emptyToUndefined, slugSchema.optional()),
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
export type VolunteerSearchQuery = z.infer<typeof volunteerSearchQuerySchema>;
export const volunteerListPageSize = 25;

export const volunteerIdParams = z.object({ userId: z.uuid('Ukendt frivillig') });

export const eventVolunteerLanguagesSchema = z.strictObject({
  languages: z
    .array(spokenLanguageCodeSchema, { error: 'Sprog skal være en liste' })
    .max(10, 'Højst 10 sprog')
    .transform((codes) => [...new Set(codes)]),
});

export const volunteerInvitationSchema = z.strictObject({
  userIds: z
    .array(z.uuid('Ukendt frivillig'), { error: 'Vælg frivillige' })
    .min(1, 'Vælg mindst én frivillig')
    .max(100, 'Højst 100 ad gangen'),
});

/**
 * How well a volunteer fits an event that asks for languages: the best level in each asked-for
 * language counts (native 4 … basic 1), a covered language counts 10 more, so covering two
 * languages beats speaking one natively; ties go to who shares the event's focus areas, and then
 * who has done more.
 */
export function volunteerMatchScore(
  asked: readonly string[],
  spoken: readonly { language: string; level: LanguageLevel }[],
  sharedInterests: number,
  attended: number,
): number {
  let score = 0;
  for (const language of asked) {
    const entry = spoken.find((item) => item.language === language);
    if (entry) score += 10 + languageLevelRank(entry.level) + 1;
  }
  if (score === 0) return 0;
  return score * 100 + Math.min(sharedInterests, 9) * 10 + Math.min(attended, 9);
}

/** Hours of an event between its start and end, rounded to the quarter hour. */
export function eventHours(startsAt: Date, endsAt: Date): number {
  const hours = (endsAt.getTime() - startsAt.getTime()) / 3_600_000;
  return Math.max(0, Math.round(hours * 4) / 4);
}
