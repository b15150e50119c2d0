import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errors, publicAccess } from '../../openapi.ts';
import { checkHealth } from '../../services/health.ts';
import { useCaseContext } from '../../use-case-context.ts';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgres']),
  search: z.enum(['postgres', 'meilisearch']),
});

const healthRoute = createRoute({
  operationId: 'getHealth',
  security: publicAccess,
  method: 'get',
  path: '/health',
  tags: ['Operations'],
  summary: 'Liveness and which engines serve the data',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: healthSchema } } },
    503: {
      description: 'The database does not answer',
      content: { 'application/json': { schema: healthSchema } },
    },
    ...errors(431),
  },
});

export const healthRouter = createRouter().openapi(healthRoute, async (c) => {
  const health = await checkHealth(useCaseContext(c));
  return health.status === 'ok' ? c.json(health, 200) : c.json(health, 503);
});
