import { z } from 'zod';
import { eventFields, eventShapeIssues, isLanguageCode, updateEventSchema } from './events.ts';
import { slugSchema } from './policy.ts';

// Associations and volunteers (issue 10): the shapes of associations, their members and
// invitations, their activities and the moderation of them.

export const associationNameMaxLength = 150;
export const associationDescriptionMaxLength = 5_000;
export const moderationReasonMaxLength = 1_000;
/** A verified association's first activities wait for staff; later ones publish at once. */
export const moderatedActivitiesOfVerified = 3;

/** The weights of the CVR number's modulus-11 check, digit by digit. */
const cvrWeights = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** A Danish CVR number: 8 digits, the first not 0, whose weighted sum is divisible by 11. */
export function isValidCvr(value: string): boolean {
  if (!/^[1-9]\d{7}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (cvrWeights[i] as number);
  return sum % 11 === 0;
}

const trimmed = (max: number, tooLong: string) =>
  z
    .string({ error: 'Skal være tekst' })
    .max(max, tooLong)
    .transform((value) => value.normalize('NFC').trim());

const optionalText = (max: number, tooLong: string) =>
  trimmed(max, tooLong)
    .transform((value) => (value === '' ? null : value))
    .nullish();

/** Spaces are allowed when typed ("12 34 56 78"); the number is stored as 8 digits. */
export const cvrSchema = z
  .string({ error: 'CVR-nummeret skal være tekst' })
  .max(20, 'CVR-nummeret har 8 cifre')
  .transform((value) => value.replace(/\s+/g, ''))
  .refine((value) => value === '' || /^\d{8}$/.test(value), 'CVR-nummeret har 8 cifre')
  .refine(
    (value) => value === '' || isValidCvr(value),
    'CVR-nummeret er ikke gyldigt (kontrolcifferet passer ikke)',
  )
  .transform((value) => (value === '' ? null : value))
  .nullish();

const emailSchema = z
  .string({ error: 'Skriv en e-mailadresse' })
  .max(254, 'E-mailadressen må højst være 254 tegn')
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.email('Skriv en gyldig e-mailadresse, fx navn@eksempel.dk'));

const optionalEmail = z
  .string({ error: 'Skriv en e-mailadresse' })
  .max(254, 'E-mailadressen må højst være 254 tegn')
  .transform((value) => value.trim().toLowerCase())
  .refine((value) => value === '' || z.email().safeParse(value).success, 'Skriv en gyldig e-mailadresse')
  .transform((value) => (value === '' ? null : value))
  .nullish();

const websiteSchema = z
  .string({ error: 'Hjemmesiden skal være tekst' })
  .max(300, 'Linket må højst være 300 tegn')
  .transform((value) => value.trim())
  .refine((value) => value === '' || (/^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value)), {
    message: 'Skriv et fuldt link, der begynder med https://',
  })
  .transform((value) => (value === '' ? null : value))
  .nullish();

const phoneSchema = z
  .string({ error: 'Telefonnummeret skal være tekst' })
  .max(30, 'Telefonnummeret må højst være 30 tegn')
  .transform((value) => value.trim())
  .refine((value) => value === '' || /^\+?[\d\s-]{6,}$/.test(value), 'Skriv et telefonnummer, fx 87 94 70 00')
  .transform((value) => (value === '' ? null : value))
  .nullish();

/** A language an association works in or a volunteer speaks: ISO 639-1, or 639-3 for a few. */
export const extraLanguageCodes = ['prs', 'ckb', 'kmr'] as const;
export const isSpokenLanguageCode = (value: string) =>
  isLanguageCode(value) || (extraLanguageCodes as readonly string[]).includes(value);
export const spokenLanguageCodeSchema = z
  .string({ error: 'Vælg et sprog' })
  .max(3, 'Ukendt sprogkode')
  .transform((value) => value.trim().toLowerCase())
  .refine(isSpokenLanguageCode, 'Ukendt sprogkode (brug ISO 639, fx da, ar, ti, prs)');

const associationFields = {
  name: trimmed(associationNameMaxLength, `Navnet må højst være ${associationNameMaxLength} tegn`).pipe(
    z.string().min(2, 'Skriv foreningens navn'),
  ),
  cvr: cvrSchema,
  description: trimmed(
    associationDescriptionMaxLength,
    `Beskrivelsen må højst være ${associationDescriptionMaxLength} tegn`,
  ).default(''),
  focusAreas: z
    .array(slugSchema, { error: 'Fokusområder skal være en liste' })
    .max(20, 'Højst 20')
    .default([]),
  contactName: optionalText(150, 'Navnet må højst være 150 tegn'),
  email: optionalEmail,
  phone: phoneSchema,
  website: websiteSchema,
  address: optionalText(300, 'Adressen må højst være 300 tegn'),
  languages: z
    .array(spokenLanguageCodeSchema, { error: 'Sprog skal være en liste' })
    .max(30, 'Højst 30 sprog')
    .default([]),
};

export const createAssociationSchema = z.strictObject(associationFields);
export type CreateAssociationInput = z.infer<typeof createAssociationSchema>;

export const updateAssociationSchema = z.strictObject({
  name: associationFields.name.optional(),
  cvr: associationFields.cvr,
  description: trimmed(
    associationDescriptionMaxLength,
    `Beskrivelsen må højst være ${associationDescriptionMaxLength} tegn`,
  ).optional(),
  focusAreas: z
    .array(slugSchema, { error: 'Fokusområder skal være en liste' })
    .max(20, 'Højst 20')
    .optional(),
  contactName: associationFields.contactName,
  email: associationFields.email,
  phone: associationFields.phone,
  website: associationFields.website,
  address: associationFields.address,
  languages: z
    .array(spokenLanguageCodeSchema, { error: 'Sprog skal være en liste' })
    .max(30, 'Højst 30 sprog')
    .optional(),
});
export type UpdateAssociationInput = z.infer<typeof updateAssociationSchema>;

export const associationRoles = ['admin', 'member'] as const;
export type AssociationRole = (typeof associationRoles)[number];
const associationRoleSchema = z.enum(associationRoles, { error: 'Rollen er admin eller member' });

export const invitationSchema = z.strictObject({
  email: emailSchema,
  role: associationRoleSchema.default('member'),
});
export type InvitationInput = z.infer<typeof invitationSchema>;

export const memberRoleSchema = z.strictObject({ role: associationRoleSchema });

export const associationSlugParams = z.object({ slug: slugSchema });
export const memberParams = z.object({
  slug: slugSchema,
  userId: z.uuid('Ukendt medlem'),
});
/** `<id>.<secret>` as the auth package issues it. */
export const invitationTokenSchema = z
  .string()
  .max(200, 'Linket er ugyldigt')
  .regex(/^[a-z2-7]{16,64}\.[a-z2-7]{16,64}$/, 'Linket er ugyldigt');

/** Whether an association keeps an admin after a change of roles. */
export function keepsAnAdmin(
  members: readonly { userId: string; role: AssociationRole }[],
  change: { userId: string; role: AssociationRole | null },
): boolean {
  return members.some((member) =>
    member.userId === change.userId ? change.role === 'admin' : member.role === 'admin',
  );
}

export const associationListQuerySchema = z.object({
  q: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().max(200, 'Søgningen må højst være 200 tegn').optional(),
  ),
  page: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce
      .number({ error: 'Siden skal være et tal' })
      .int('Siden skal være et helt tal')
      .min(1, 'Siden skal være 1 eller mere')
      .max(10_000, 'Siden er for høj')
      .default(1),
  ),
});
export type AssociationListQuery = z.infer<typeof associationListQuerySchema>;
export const associationListPageSize = 24;

// ── Activities ────────────────────────────────────────────────────────────────────────────────

/**
 * An activity an association posts: an event of the type "activity" with the association as the
 * organiser (the event's own fields and rules; the type, organiser and status are not the
 * poster's to choose).
 */
export const createActivitySchema = z
  .strictObject({
    title: eventFields.title,
    description: eventFields.description,
    startsAt: eventFields.startsAt,
    endsAt: eventFields.endsAt,
    address: eventFields.address,
    onlineUrl: eventFields.onlineUrl,
    capacity: eventFields.capacity,
    signupDeadline: eventFields.signupDeadline,
    focusAreas: eventFields.focusAreas,
    languages: eventFields.languages,
    stepFree: eventFields.stepFree,
    hearingLoop: eventFields.hearingLoop,
    interpreter: eventFields.interpreter,
    childcare: eventFields.childcare,
  })
  .superRefine((event, ctx) => {
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
export type CreateActivityInput = z.infer<typeof createActivitySchema>;

/** An association edits its activity: the event's own edit, without type, organiser or reminders. */
export const updateActivitySchema = updateEventSchema.pick({
  title: true,
  description: true,
  startsAt: true,
  endsAt: true,
  address: true,
  onlineUrl: true,
  capacity: true,
  signupDeadline: true,
  focusAreas: true,
  languages: true,
  stepFree: true,
  hearingLoop: true,
  interpreter: true,
  childcare: true,
});
export type UpdateActivityInput = z.infer<typeof updateActivitySchema>;

export type ModerationDecision = 'publish' | 'moderate';

/**
 * Whether a new activity publishes at once: only for a verified association whose first
 * `moderatedActivitiesOfVerified` activities have been approved.
 */
export function activityModeration(
  association: { verified: boolean },
  approvedBefore: number,
): ModerationDecision {
  return association.verified && approvedBefore >= moderatedActivitiesOfVerified ? 'publish' : 'moderate';
}

export const rejectActivitySchema = z.strictObject({
  reason: trimmed(
    moderationReasonMaxLength,
    `Begrundelsen må højst være ${moderationReasonMaxLength} tegn`,
  ).pipe(z.string().min(1, 'Skriv en begrundelse, som sendes til den, der oprettede aktiviteten')),
});
export const unpublishActivitySchema = z.strictObject({
  reason: trimmed(
    moderationReasonMaxLength,
    `Begrundelsen må højst være ${moderationReasonMaxLength} tegn`,
  ).default(''),
});
