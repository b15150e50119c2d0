import { createRoute, z } from '@hono/zod-openapi';
import { permit } from '../../auth/guard.ts';
import { errors, jsonContent, signedIn } from '../../openapi.ts';

const tags = ['Administration'];

export const jobStates = ['pending', 'running', 'done', 'dead'] as const;

export const jobSchema = z
  .object({
    id: z.number().int(),
    type: z.string(),
    key: z.string().nullable(),
    state: z.enum(jobStates),
    attempts: z.number().int(),
    runAt: z.string(),
    lockedUntil: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Job');

const jobIdParams = z.object({
  id: z.coerce
    .number({ error: 'Ukendt job-id' })
    .int({ error: 'Ukendt job-id' })
    .positive({ error: 'Ukendt job-id' })
    .max(Number.MAX_SAFE_INTEGER, { error: 'Ukendt job-id' }),
});

export const listJobsRoute = createRoute({
  operationId: 'listJobs',
  security: signedIn,
  middleware: [permit('jobs:read')] as const,
  method: 'get',
  path: '/admin/jobs',
  tags,
  summary: 'Background jobs, newest first, optionally of one state; with the count in each state',
  request: {
    query: z.object({
      state: z.enum(jobStates, { error: 'Ukendt tilstand' }).optional(),
      limit: z.coerce.number({ error: 'Skal være et tal' }).int().min(1).max(200).default(50),
      before: z.coerce.number({ error: 'Skal være et tal' }).int().positive().optional(),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({
        jobs: z.array(jobSchema),
        counts: z.object({
          pending: z.number().int(),
          running: z.number().int(),
          done: z.number().int(),
          dead: z.number().int(),
        }),
      }),
      'A page of jobs',
    ),
    ...errors(400, 401, 403),
  },
});

export const getJobRoute = createRoute({
  operationId: 'getJob',
  security: signedIn,
  middleware: [permit('jobs:read')] as const,
  method: 'get',
  path: '/admin/jobs/{id}',
  tags,
  summary: 'One background job',
  request: { params: jobIdParams },
  responses: {
    200: jsonContent(z.object({ job: jobSchema }), 'The job'),
    ...errors(400, 401, 403, 404),
  },
});

export const retryJobRoute = createRoute({
  operationId: 'retryJob',
  security: signedIn,
  middleware: [permit('jobs:retry')] as const,
  method: 'post',
  path: '/admin/jobs/{id}/retry',
  tags,
  summary: 'Give a dead job a new round of attempts, due at once',
  request: { params: jobIdParams },
  responses: {
    200: jsonContent(z.object({ job: jobSchema }), 'The job, pending again'),
    ...errors(400, 401, 403, 404, 409),
  },
});
