import { roleGrantSchema } from '@brobygger/domain';
import { createRoute, z } from '@hono/zod-openapi';
import { permit } from '../../auth/guard.ts';
import { errors, jsonBody, jsonContent, signedIn } from '../../openapi.ts';
import { roleViewSchema, userViewSchema } from '../auth/auth.routes.ts';

const tags = ['Administration'];
const userIdParams = z.object({ id: z.uuid({ error: 'Ukendt bruger-id' }) });

export const listUsersRoute = createRoute({
  operationId: 'listUsers',
  security: signedIn,
  middleware: [permit('users:list')] as const,
  method: 'get',
  path: '/admin/users',
  tags,
  summary: 'Users, newest first; `q` searches email and name',
  request: {
    query: z.object({
      q: z.string().trim().max(100, 'Højst 100 tegn').optional(),
      page: z.coerce.number({ error: 'Side skal være et tal' }).int().min(1).max(10_000).default(1),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({
        users: z.array(userViewSchema),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      'A page of users',
    ),
    ...errors(400, 401, 403),
  },
});

export const getUserRoute = createRoute({
  operationId: 'getUser',
  security: signedIn,
  middleware: [permit('users:list')] as const,
  method: 'get',
  path: '/admin/users/{id}',
  tags,
  summary: 'One user',
  request: { params: userIdParams },
  responses: {
    200: jsonContent(z.object({ user: userViewSchema }), 'The user'),
    ...errors(400, 401, 403, 404),
  },
});

export const grantRoleRoute = createRoute({
  operationId: 'grantRole',
  security: signedIn,
  middleware: [permit('users:manage-roles')] as const,
  method: 'post',
  path: '/admin/users/{id}/roles',
  tags,
  summary: 'Give a user a role (lead owner: with a focus area; association roles: with an association)',
  request: { params: userIdParams, ...jsonBody(roleGrantSchema) },
  responses: {
    201: jsonContent(z.object({ role: roleViewSchema }), 'Granted'),
    ...errors(400, 401, 403, 404, 409, 415, 422),
  },
});

export const revokeRoleRoute = createRoute({
  operationId: 'revokeRole',
  security: signedIn,
  middleware: [permit('users:manage-roles')] as const,
  method: 'delete',
  path: '/admin/users/{id}/roles/{roleId}',
  tags,
  summary: 'Take a role from a user',
  request: {
    params: userIdParams.extend({
      roleId: z.coerce.number({ error: 'Ukendt rolle-id' }).int().positive().max(2_147_483_647),
    }),
  },
  responses: { 204: { description: 'Removed' }, ...errors(400, 401, 403, 404) },
});

export const disableUserRoute = createRoute({
  operationId: 'disableUser',
  security: signedIn,
  middleware: [permit('users:disable')] as const,
  method: 'post',
  path: '/admin/users/{id}/disable',
  tags,
  summary: 'Disable an account; ends all its sessions',
  request: { params: userIdParams },
  responses: {
    200: jsonContent(z.object({ user: userViewSchema }), 'Disabled'),
    ...errors(400, 401, 403, 404),
  },
});

export const enableUserRoute = createRoute({
  operationId: 'enableUser',
  security: signedIn,
  middleware: [permit('users:disable')] as const,
  method: 'post',
  path: '/admin/users/{id}/enable',
  tags,
  summary: 'Enable a disabled account again',
  request: { params: userIdParams },
  responses: {
    200: jsonContent(z.object({ user: userViewSchema }), 'Enabled'),
    ...errors(400, 401, 403, 404),
  },
});

export const auditEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const listAuditRoute = createRoute({
  operationId: 'listAudit',
  security: signedIn,
  middleware: [permit('audit:read')] as const,
  method: 'get',
  path: '/admin/audit-log',
  tags,
  summary: 'Who did what, when and from where; newest first, paged by `before`',
  request: {
    query: z.object({
      limit: z.coerce.number({ error: 'Skal være et tal' }).int().min(1).max(500).default(100),
      before: z.coerce.number({ error: 'Skal være et tal' }).int().positive().optional(),
      action: z
        .string()
        .max(64)
        .regex(/^[a-z.-]+$/, 'Ukendt handling')
        .optional(),
    }),
  },
  responses: {
    200: jsonContent(z.object({ events: z.array(auditEventSchema) }), 'Events'),
    ...errors(400, 401, 403),
  },
});

export const devMailboxRoute = createRoute({
  operationId: 'devMailbox',
  security: signedIn,
  middleware: [permit('dev-mailbox:read')] as const,
  method: 'get',
  path: '/admin/dev-mailbox',
  tags,
  summary: 'Development only (no SMTP_URL): the mail Brobygger would have sent',
  responses: {
    200: jsonContent(
      z.object({
        emails: z.array(
          z.object({
            id: z.number().int(),
            to: z.string(),
            subject: z.string(),
            text: z.string(),
            kind: z.string(),
            createdAt: z.string(),
          }),
        ),
      }),
      'The newest 50 messages',
    ),
    ...errors(401, 403, 404),
  },
});
