import { z } from 'zod';
import type { Actor } from './permissions.ts';
import { slugSchema } from './policy.ts';

// Knowledge (issue 11): the resource library and the forum — the shapes the API accepts and the
// pure rules behind them (who reads which audience, what a mention looks like).

export const resourceKinds = ['guide', 'document', 'link', 'contact', 'template'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

/** Who may read a resource, from the widest to the narrowest. */
export const resourceAudiences = ['public', 'volunteers', 'associations', 'staff'] as const;
export type ResourceAudience = (typeof resourceAudiences)[number];

export const threadKinds = ['question', 'discussion'] as const;
export type ThreadKind = (typeof threadKinds)[number];

export const flagReasons = ['spam', 'offensive', 'personal-data', 'off-topic', 'other'] as const;
export type FlagReason = (typeof flagReasons)[number];

/** Slugs the library's own pages use (/viden/ny, /viden/forslag, /viden/gennemsyn). */
export const reservedResourceSlugs: ReadonlySet<string> = new Set(['ny', 'forslag', 'gennemsyn']);

/** The forum's category for what belongs to no focus area. */
export const generalCategorySlug = 'generelt';

export const resourceTitleMaxLength = 200;
export const resourceSummaryMaxLength = 500;
export const resourceBodyMaxLength = 50_000;
export const resourceUrlMaxLength = 500;
export const resourceTagMaxLength = 40;
export const resourceTagsMax = 20;
export const revisionNoteMaxLength = 300;
export const threadTitleMaxLength = 200;
export const postBodyMaxLength = 20_000;
export const moderationNoteMaxLength = 1_000;
export const resourceListPageSize = 20;
export const threadListPageSize = 20;
/** A resource not reviewed for this long is listed for staff. */
export const reviewIntervalDays = 365;

const roleNames = (actor: Actor) => new Set(actor?.grants.map((grant) => grant.role) ?? []);

/**
 * The audiences an actor may read. Staff (and admins) read everything; volunteers read what is
 * for volunteers; association members and admins what is for associations; everyone the public.
 * The same rule as the search index's reader keys (`audienceReaderKeys`).
 */
export function readableAudiences(actor: Actor): ResourceAudience[] {
  const roles = roleNames(actor);
  if (roles.has('staff') || roles.has('admin')) return [...resourceAudiences];
  const audiences: ResourceAudience[] = ['public'];
  if (roles.has('volunteer')) audiences.push('volunteers');
  if (roles.has('association_member') || roles.has('association_admin')) audiences.push('associations');
  return audiences;
}

export const canReadAudience = (actor: Actor, audience: ResourceAudience) =>
  readableAudiences(actor).includes(audience);

/** The search index's reader keys of an audience (packages/search `readerKeys`). */
export function audienceReaderKeys(audience: ResourceAudience): string[] {
  switch (audience) {
    case 'public':
      return ['public'];
    case 'volunteers':
      return ['role:volunteer', 'role:staff'];
    case 'associations':
      return ['role:association_member', 'role:association_admin', 'role:staff'];
    case 'staff':
      return ['role:staff'];
  }
}

export const isStaffActor = (actor: Actor) => {
  const roles = roleNames(actor);
  return roles.has('staff') || roles.has('admin');
};

/** True when the resource was last reviewed more than a year before `now` (or never). */
export function needsReview(lastReviewedAt: Date | null, now: Date): boolean {
  if (!lastReviewedAt) return true;
  return now.getTime() - lastReviewedAt.getTime() > reviewIntervalDays * 24 * 60 * 60 * 1000;
}

const text = (max: number, missing: string, tooLong: string) =>
  z
    .string({ error: missing })
    .max(max, tooLong)
    .transform((value) => value.normalize('NFC').trim())
    .pipe(z.string().min(1, missing));

const markdown = (max: number, tooLong: string) =>
  z
    .string({ error: 'Teksten skal være tekst' })
    .max(max, tooLong)
    .transform((value) => value.normalize('NFC').replace(/\r\n?/g, '\n'));

export const resourceTagSchema = z
  .string({ error: 'Et emneord skal være tekst' })
  .max(resourceTagMaxLength, `Et emneord må højst være ${resourceTagMaxLength} tegn`)
  .transform((value) => value.normalize('NFC').trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, 'Et emneord må ikke være tomt')
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u, 'Emneord består af bogstaver, tal, mellemrum og bindestreger'),
  );

const resourceUrlSchema = z
  .string()
  .max(resourceUrlMaxLength, `Linket må højst være ${resourceUrlMaxLength} tegn`)
  .transform((value) => value.trim())
  .refine((value) => value === '' || (/^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value)), {
    message: 'Skriv et fuldt link, der begynder med https://',
  })
  .transform((value) => (value === '' ? null : value))
  .nullish();

const resourceFields = {
  kind: z.enum(resourceKinds, { error: 'Vælg en slags: vejledning, dokument, link, kontakt eller skabelon' }),
  title: text(
    resourceTitleMaxLength,
    'Skriv en titel',
    `Titlen må højst være ${resourceTitleMaxLength} tegn`,
  ),
  summary: z
    .string({ error: 'Resuméet skal være tekst' })
    .max(resourceSummaryMaxLength, `Resuméet må højst være ${resourceSummaryMaxLength} tegn`)
    .transform((value) => value.normalize('NFC').trim())
    .default(''),
  body: markdown(resourceBodyMaxLength, `Teksten må højst være ${resourceBodyMaxLength} tegn`).default(''),
  url: resourceUrlSchema,
  audience: z.enum(resourceAudiences, {
    error: 'Vælg hvem der kan se den: alle, frivillige, foreninger eller kun medarbejdere',
  }),
  focusAreas: z
    .array(slugSchema, { error: 'Fokusområder skal være en liste' })
    .max(20, 'Højst 20 fokusområder')
    .default([]),
  tags: z
    .array(resourceTagSchema, { error: 'Emneord skal være en liste' })
    .max(resourceTagsMax, `Højst ${resourceTagsMax} emneord`)
    .default([]),
};

const revisionNote = z
  .string({ error: 'Noten skal være tekst' })
  .max(revisionNoteMaxLength, `Noten må højst være ${revisionNoteMaxLength} tegn`)
  .transform((value) => value.trim())
  .default('');

export const createResourceSchema = z.strictObject({
  ...resourceFields,
  slug: slugSchema.optional(),
  note: revisionNote,
});
export type CreateResourceInput = z.infer<typeof createResourceSchema>;

/** An edit sends the whole resource again: every edit is one revision of all its fields. */
export const updateResourceSchema = z.strictObject({
  ...resourceFields,
  note: revisionNote,
  /** The revision the editor started from: a newer one makes the edit a conflict (409). */
  baseRevision: z.number({ error: 'Ukendt udgave' }).int().positive().max(2_147_483_647).optional(),
});
export type UpdateResourceInput = z.infer<typeof updateResourceSchema>;

/** A signed-in user's suggested change: the new text and why. */
export const suggestionSchema = z.strictObject({
  title: text(
    resourceTitleMaxLength,
    'Skriv en titel',
    `Titlen må højst være ${resourceTitleMaxLength} tegn`,
  ),
  summary: resourceFields.summary,
  body: resourceFields.body,
  note: z
    .string({ error: 'Skriv hvad du foreslår ændret' })
    .max(revisionNoteMaxLength, `Noten må højst være ${revisionNoteMaxLength} tegn`)
    .transform((value) => value.trim())
    .pipe(z.string().min(1, 'Skriv kort hvad du foreslår ændret og hvorfor')),
});
export type SuggestionInput = z.infer<typeof suggestionSchema>;

export const suggestionDecisionSchema = z.strictObject({
  decision: z.enum(['accept', 'reject'], { error: 'Vælg godkend eller afvis' }),
  note: z
    .string({ error: 'Noten skal være tekst' })
    .max(revisionNoteMaxLength, `Noten må højst være ${revisionNoteMaxLength} tegn`)
    .transform((value) => value.trim())
    .default(''),
});

const pageSchema = z.coerce
  .number({ error: 'Siden skal være et tal' })
  .int('Siden skal være et helt tal')
  .min(1, 'Siden er mindst 1')
  .max(10_000, 'Højst side 10000')
  .default(1);

export const resourceListQuerySchema = z.object({
  kind: z.enum(resourceKinds, { error: 'Ukendt slags' }).optional(),
  focusArea: slugSchema.optional(),
  tag: resourceTagSchema.optional(),
  q: z.string().max(200, 'Søgningen må højst være 200 tegn').optional(),
  page: pageSchema,
});
export type ResourceListQuery = z.infer<typeof resourceListQuerySchema>;

export const idSchema = z.coerce
  .number({ error: 'Ukendt id' })
  .int('Ukendt id')
  .positive('Ukendt id')
  .max(2_147_483_647, 'Ukendt id');

export const diffQuerySchema = z.object({
  from: idSchema,
  to: idSchema,
});

// ---- Forum ----

export const createThreadSchema = z.strictObject({
  category: slugSchema,
  kind: z.enum(threadKinds, { error: 'Vælg spørgsmål eller diskussion' }),
  title: text(
    threadTitleMaxLength,
    'Skriv en overskrift',
    `Overskriften må højst være ${threadTitleMaxLength} tegn`,
  ),
  body: text(postBodyMaxLength, 'Skriv dit indlæg', `Indlægget må højst være ${postBodyMaxLength} tegn`),
});
export type CreateThreadInput = z.infer<typeof createThreadSchema>;

export const postBodySchema = z.strictObject({
  body: text(postBodyMaxLength, 'Skriv dit indlæg', `Indlægget må højst være ${postBodyMaxLength} tegn`),
});

export const flagSchema = z.strictObject({
  reason: z.enum(flagReasons, { error: 'Vælg en grund' }),
  note: z
    .string({ error: 'Noten skal være tekst' })
    .max(moderationNoteMaxLength, `Noten må højst være ${moderationNoteMaxLength} tegn`)
    .transform((value) => value.trim())
    .default(''),
});

export const moderationSchema = z.strictObject({
  action: z.enum(['hide', 'restore', 'dismiss'], { error: 'Vælg skjul, gendan eller afvis anmeldelsen' }),
  /** A note to the author (mailed); kept with the post's moderation history. */
  note: z
    .string({ error: 'Noten skal være tekst' })
    .max(moderationNoteMaxLength, `Noten må højst være ${moderationNoteMaxLength} tegn`)
    .transform((value) => value.trim())
    .default(''),
});

export const threadModerationSchema = z.strictObject({
  locked: z.boolean({ error: 'Skal være sand eller falsk' }).optional(),
  category: slugSchema.optional(),
});

export const threadListQuerySchema = z.object({
  page: pageSchema,
});

export const followSchema = z.strictObject({
  target: z.enum(['thread', 'category'], { error: 'Følg en tråd eller en kategori' }),
  /** A thread's id, or a category's slug. */
  id: z.string({ error: 'Ukendt' }).min(1, 'Ukendt').max(100, 'Ukendt'),
  follow: z.boolean({ error: 'Skal være sand eller falsk' }).default(true),
});

export const unsubscribeSchema = z.strictObject({
  token: z
    .string({ error: 'Linket er ugyldigt' })
    .min(20, 'Linket er ugyldigt')
    .max(200, 'Linket er ugyldigt')
    .regex(/^[A-Za-z0-9_-]+$/, 'Linket er ugyldigt'),
});

/**
 * Mentions in a post or a resource: `[[viden:slug]]` names a resource, `[[arrangement:42]]` an
 * event. The API turns each into a link to what it names (if the reader may see it).
 */
export const mentionPattern = /\[\[(viden|arrangement):([a-z0-9-]{1,100})\]\]/g;

export interface Mention {
  kind: 'resource' | 'event';
  ref: string;
}

export function findMentions(markdownText: string): Mention[] {
  const seen = new Set<string>();
  const mentions: Mention[] = [];
  for (const match of markdownText.matchAll(mentionPattern)) {
    const kind = match[1] === 'viden' ? 'resource' : 'event';
    const ref = match[2] as string;
    if (kind === 'event' && !/^\d{1,9}$/.test(ref)) continue;
    const key = `${kind}:${ref}`;
    if (seen.has(key)) continue;
    seen.add(key);
    mentions.push({ kind, ref });
  }
  return mentions.slice(0, 50);
}
