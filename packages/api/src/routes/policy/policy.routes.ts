import {
  focusAreaSchema,
  focusAreaSummarySchema,
  initiativeSchema,
  slugSchema,
  strategyTrackSchema,
} from '@brobygger/domain';
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, errors, notFoundResponse, publicAccess } from '../../openapi.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const policySchema = z.object({
  municipality: z.string(),
  period: z.object({ from: z.number().int(), to: z.number().int() }),
  vision: z.string(),
  leadOwnerDuties: z.array(z.string()),
  statusReportMonths: z.array(z.number().int()),
  statusReportAudience: z.string(),
});

export const getPolicyRoute = createRoute({
  operationId: 'getPolicy',
  security: publicAccess,
  method: 'get',
  path: '/policy',
  tags: ['Policy'],
  summary: 'The integration policy: vision, period and the lead owners’ duties',
  responses: {
    200: json(z.object({ policy: policySchema }), 'The policy'),
    ...notFoundResponse,
  },
});

export const listStrategyTracksRoute = createRoute({
  operationId: 'listStrategyTracks',
  security: publicAccess,
  method: 'get',
  path: '/strategy-tracks',
  tags: ['Policy'],
  summary: 'The strategy tracks (strategispor) of the policy',
  responses: {
    200: json(
      z.object({ strategyTracks: z.array(strategyTrackSchema) }),
      'Every strategy track, in the policy’s order',
    ),
    ...errors(431),
  },
});

export const listFocusAreasRoute = createRoute({
  operationId: 'listFocusAreas',
  security: publicAccess,
  method: 'get',
  path: '/focus-areas',
  tags: ['Policy'],
  summary: 'The focus areas and target groups',
  responses: {
    200: json(
      z.object({ focusAreas: z.array(focusAreaSummarySchema) }),
      'Every focus area, in the policy’s order',
    ),
    ...errors(431),
  },
});

export const getFocusAreaRoute = createRoute({
  operationId: 'getFocusArea',
  security: publicAccess,
  method: 'get',
  path: '/focus-areas/{slug}',
  tags: ['Policy'],
  summary: 'One focus area with its tracks, lead unit, partners and initiatives',
  request: {
    params: z.object({
      slug: slugSchema.meta({ example: 'viden-og-videndeling' }),
    }),
  },
  responses: {
    200: json(z.object({ focusArea: focusAreaSchema }), 'The focus area'),
    ...errorResponses,
    ...notFoundResponse,
  },
});

export const listInitiativesRoute = createRoute({
  operationId: 'listInitiatives',
  security: publicAccess,
  method: 'get',
  path: '/initiatives',
  tags: ['Policy'],
  summary: 'Initiatives (indsatser), optionally of one focus area',
  request: {
    query: z.object({
      focusArea: slugSchema.optional().meta({ example: 'kvinder' }),
    }),
  },
  responses: {
    200: json(z.object({ initiatives: z.array(initiativeSchema) }), 'The initiatives, by name'),
    ...errorResponses,
    ...notFoundResponse,
  },
});
