import { searchQuerySchema, searchTypes } from '@brobygger/domain';
import { createRoute, z } from '@hono/zod-openapi';
import { permit } from '../../auth/guard.ts';
import { errors, jsonContent, optionallySignedIn } from '../../openapi.ts';
import { maxCountedHits } from '../../services/search/index.ts';

const counts = z.record(z.string(), z.number().int());

export const searchResultSchema = z.object({
  hits: z.array(
    z.object({
      type: z.enum(searchTypes),
      id: z.string(),
      title: z.string(),
      snippet: z
        .string()
        .describe('A passage with the matched words in <mark>…</mark>; HTML-escaped, no other markup'),
      url: z.string().describe('The portal path of the document'),
    }),
  ),
  facets: z
    .object({
      type: counts.describe('Hits per document type'),
      focusArea: counts.describe('Hits per focus-area slug'),
      tag: counts.describe('Hits per tag'),
    })
    .describe(
      'Counts of the hits counted: of every match, or, when totalCapped is true, of the first 1,000 hits (each then a lower bound)',
    ),
  total: z.number().int().max(maxCountedHits).describe('The number of matches, counted up to 1,000'),
  totalCapped: z
    .boolean()
    .describe(
      'True when more than 1,000 documents match: total is then 1,000, to be shown as "more than 1,000", and only the first 1,000 hits (100 pages) can be reached',
    ),
});

export const searchRoute = createRoute({
  operationId: 'search',
  security: optionallySignedIn,
  middleware: [permit('search:read')] as const,
  method: 'get',
  path: '/search',
  tags: ['Search'],
  summary:
    'One search across focus areas, initiatives, events, associations, resources and forum posts, the way Danes type (stems, compounds, æ/ø/å as ae/oe/aa, typos). Only what the caller may read is found or counted; 10 hits a page; at most 1,000 matches are counted (totalCapped says when more match).',
  request: { query: searchQuerySchema },
  responses: {
    200: {
      ...jsonContent(searchResultSchema, 'The hits of the page, the facet counts and the total'),
      headers: z.object({
        'X-Search-Audience': z
          .string()
          .describe(
            'An opaque name for what the caller may find (their roles and associations): the same for every caller who finds the same things, `public` for anonymous callers. Whatever keeps answers or pages made from them keys on it.',
          ),
      }),
    },
    ...errors(400),
  },
});
