// Search (issue 12): what `GET /api/search` accepts. Any text is a valid query (the engines make
// it safe); unknown types, facets or parameters are refused with 400.
import { z } from 'zod';
import { slugSchema } from './policy.ts';

/** The document types of the search (the same list as `searchDocumentTypes` in @brobygger/search). */
export const searchTypes = [
  'focus_area',
  'initiative',
  'event',
  'association',
  'resource',
  'thread',
  'post',
] as const;
export type SearchType = (typeof searchTypes)[number];

export const searchQueryMaxLength = 2000;
export const searchMaxPage = 100;

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

export const searchQuerySchema = z.strictObject(
  {
    q: z
      .string()
      .max(searchQueryMaxLength, `Søgningen må højst være ${searchQueryMaxLength} tegn`)
      .optional()
      .default(''),
    type: z.preprocess(
      emptyToUndefined,
      z.enum(searchTypes, { error: `Ukendt type; vælg en af ${searchTypes.join(', ')}` }).optional(),
    ),
    focusArea: z.preprocess(emptyToUndefined, slugSchema.optional()),
    tag: z.preprocess(emptyToUndefined, z.string().trim().min(1).max(100, 'Højst 100 tegn').optional()),
    page: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: 'Siden skal være et tal' })
        .int('Siden skal være et helt tal')
        .min(1, 'Siden skal være 1 eller mere')
        .max(searchMaxPage, `Højst side ${searchMaxPage}`)
        .optional()
        .default(1),
    ),
  },
  { error: 'Ukendt parameter; brug q, type, focusArea, tag eller page' },
);
export type SearchQueryInput = z.infer<typeof searchQuerySchema>;
