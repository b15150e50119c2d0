import { z } from 'zod';

/** A URL-safe identifier: lowercase ASCII letters, digits and single hyphens. */
export const slugSchema = z
  .string()
  .min(1, 'Må ikke være tom')
  .max(100, 'Højst 100 tegn')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Kun små bogstaver a–z, tal og bindestreger');

export const focusAreaKinds = ['focus-area', 'target-group'] as const;
export const focusAreaKindSchema = z.enum(focusAreaKinds);
export type FocusAreaKind = z.infer<typeof focusAreaKindSchema>;

export const strategyTrackSchema = z.object({
  slug: slugSchema,
  name: z.string(),
  alsoWritten: z.string().nullable(),
});
export type StrategyTrack = z.infer<typeof strategyTrackSchema>;

export const organisationalUnitSchema = z.object({
  name: z.string(),
  reportsTo: z.string().nullable(),
});
export type OrganisationalUnit = z.infer<typeof organisationalUnitSchema>;

export const initiativeSchema = z.object({
  id: z.number().int(),
  slug: slugSchema,
  name: z.string(),
  listedYear: z.number().int(),
  focusAreas: z.array(z.object({ slug: slugSchema, name: z.string() })),
});
export type Initiative = z.infer<typeof initiativeSchema>;

export const focusAreaSummarySchema = z.object({
  slug: slugSchema,
  name: z.string(),
  kind: focusAreaKindSchema,
  position: z.number().int(),
  why: z.string(),
  lead: organisationalUnitSchema,
});
export type FocusAreaSummary = z.infer<typeof focusAreaSummarySchema>;

export const focusAreaSchema = focusAreaSummarySchema.extend({
  aims: z.array(z.string()),
  tracks: z.array(strategyTrackSchema),
  partners: z.array(z.string()),
  initiatives: z.array(initiativeSchema.omit({ focusAreas: true })),
});
export type FocusArea = z.infer<typeof focusAreaSchema>;

/** The shape of the policy's structured facts, as copied into the seed. */
export const policyFactsSchema = z.object({
  municipality: z.string(),
  period: z.object({ from: z.number().int(), to: z.number().int() }),
  vision: z.string(),
  strategyTracks: z.array(
    z.object({ slug: slugSchema, name: z.string(), alsoWritten: z.string().optional() }),
  ),
  focusAreas: z.array(
    z.object({
      slug: slugSchema,
      name: z.string(),
      kind: focusAreaKindSchema,
      tracks: z.array(slugSchema),
      why: z.string(),
      aims: z.array(z.string()).min(1),
      initiatives2018: z.array(z.string()),
      lead: z.object({ unit: z.string(), reportsTo: z.string() }),
      partners: z.array(z.string()),
    }),
  ),
  leadOwnerDuties: z.array(z.string()),
  statusReportMonths: z.array(z.number().int().min(1).max(12)),
  statusReportAudience: z.string(),
});
export type PolicyFacts = z.infer<typeof policyFactsSchema>;
