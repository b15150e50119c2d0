import { deleteAccountSchema } from '@brobygger/domain';
import { createRoute, z } from '@hono/zod-openapi';
import { permit } from '../../auth/guard.ts';
import { errors, jsonBody, jsonContent, signedIn } from '../../openapi.ts';
import { userViewSchema } from '../auth/auth.routes.ts';

const tags = ['Your account'];

export const sessionViewSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});

export const getMeRoute = createRoute({
  operationId: 'getMe',
  security: signedIn,
  middleware: [permit('account:read-own')] as const,
  method: 'get',
  path: '/me',
  tags,
  summary: 'The signed-in user with their roles',
  responses: { 200: jsonContent(z.object({ user: userViewSchema }), 'You'), ...errors(401, 403) },
});

export const listMySessionsRoute = createRoute({
  operationId: 'listMySessions',
  security: signedIn,
  middleware: [permit('sessions:manage-own')] as const,
  method: 'get',
  path: '/me/sessions',
  tags,
  summary: 'Where you are signed in',
  responses: {
    200: jsonContent(z.object({ sessions: z.array(sessionViewSchema) }), 'Your sessions'),
    ...errors(401, 403),
  },
});

export const endMySessionRoute = createRoute({
  operationId: 'endMySession',
  security: signedIn,
  middleware: [permit('sessions:manage-own')] as const,
  method: 'delete',
  path: '/me/sessions/{id}',
  tags,
  summary: 'End one of your sessions',
  request: { params: z.object({ id: z.string().regex(/^[a-z2-7]{16,64}$/, 'Ukendt session') }) },
  responses: { 204: { description: 'Ended' }, ...errors(400, 401, 403, 404) },
});

export const exportMyDataRoute = createRoute({
  operationId: 'exportMyData',
  security: signedIn,
  middleware: [permit('account:export-own')] as const,
  method: 'get',
  path: '/me/export',
  tags,
  summary: 'Everything Brobygger holds about you, as JSON (GDPR art. 15 and 20)',
  responses: {
    200: jsonContent(z.object({ exportedAt: z.string() }).passthrough(), 'Your data'),
    ...errors(401, 403),
  },
});

export const deleteMeRoute = createRoute({
  operationId: 'deleteMe',
  security: signedIn,
  middleware: [permit('account:delete-own')] as const,
  method: 'delete',
  path: '/me',
  tags,
  summary: 'Delete your account and personal data (GDPR art. 17); needs your password',
  request: jsonBody(deleteAccountSchema),
  responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 415, 422) },
});
