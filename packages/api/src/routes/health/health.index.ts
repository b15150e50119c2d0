import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { createRouter, errors, publicAccess } from '../../openapi.ts';

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
  const { db, databaseKind, searchKind } = c.var.deps;
  try {
    await sql`select 1`.execute(db);
    return c.json({ status: 'ok' as const, database: databaseKind, search: searchKind }, 200);
  } catch (error) {
    c.var.logger.error({ err: error }, 'health check: database did not answer');
    return c.json({ status: 'degraded' as const, database: databaseKind, search: searchKind }, 503);
  }
});
