import { invalidateUserSessions } from '@brobygger/auth';
import {
  findUserById,
  getUserView,
  grantRole,
  listAudit,
  listOutbox,
  listUsers,
  recordAudit,
  revokeRole,
  UnknownScopeError,
  type UserView,
} from '@brobygger/db';
import { authorize, requestMeta } from '../../auth/guard.ts';
import { errorBody, fieldError } from '../../errors.ts';
import { createRouter } from '../../openapi.ts';
import {
  devMailboxRoute,
  disableUserRoute,
  enableUserRoute,
  getUserRoute,
  grantRoleRoute,
  listAuditRoute,
  listUsersRoute,
  revokeRoleRoute,
} from './admin.routes.ts';

const pageSize = 50;
const serialise = (user: UserView) => ({ ...user, createdAt: user.createdAt.toISOString() });
const userNotFound = 'Brugeren findes ikke.';

export const adminRouter = createRouter()
  .openapi(listUsersRoute, async (c) => {
    const { q, page } = c.req.valid('query');
    const { users, total } = await listUsers(c.var.deps.db, {
      query: q,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return c.json({ users: users.map(serialise), total, page, pageSize }, 200);
  })
  .openapi(getUserRoute, async (c) => {
    const user = await getUserView(c.var.deps.db, c.req.valid('param').id);
    if (!user) return c.json(errorBody('not_found', userNotFound), 404);
    return c.json({ user: serialise(user) }, 200);
  })
  .openapi(grantRoleRoute, async (c) => {
    const { id } = c.req.valid('param');
    const grant = c.req.valid('json');
    const { db } = c.var.deps;
    if (!(await findUserById(db, id))) return c.json(errorBody('not_found', userNotFound), 404);
    try {
      const grantId = await grantRole(db, id, grant, c.var.user?.id ?? null);
      if (grantId === undefined)
        return c.json(errorBody('conflict', 'Brugeren har allerede den rolle.'), 409);
      await recordAudit(db, {
        actorId: c.var.user?.id ?? null,
        action: 'role.granted',
        targetType: 'user',
        targetId: id,
        details: {
          role: grant.role,
          focusArea: grant.focusArea ?? null,
          associationId: grant.associationId ?? null,
        },
        ...requestMeta(c),
      });
      const view = await getUserView(db, id);
      const role = view?.roles.find((r) => r.id === grantId);
      if (!role) throw new Error('granted role vanished');
      return c.json({ role }, 201);
    } catch (error) {
      if (error instanceof UnknownScopeError) {
        return fieldError(c, error.field, error.message);
      }
      throw error;
    }
  })
  .openapi(revokeRoleRoute, async (c) => {
    const { id, roleId } = c.req.valid('param');
    const { db } = c.var.deps;
    const removed = await revokeRole(db, id, roleId);
    if (!removed) return c.json(errorBody('not_found', 'Brugeren har ikke den rolle.'), 404);
    await recordAudit(db, {
      actorId: c.var.user?.id ?? null,
      action: 'role.revoked',
      targetType: 'user',
      targetId: id,
      details: { role: removed.role },
      ...requestMeta(c),
    });
    return c.body(null, 204);
  })
  .openapi(disableUserRoute, async (c) => {
    const { id } = c.req.valid('param');
    const denied = authorize(c, 'users:disable', { ownerId: id });
    if (denied) return denied;
    const { db } = c.var.deps;
    if (!(await findUserById(db, id))) return c.json(errorBody('not_found', userNotFound), 404);
    await db
      .updateTable('users')
      .set({ disabled_at: new Date(), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    const ended = await invalidateUserSessions(db, id);
    await recordAudit(db, {
      actorId: c.var.user?.id ?? null,
      action: 'account.disabled',
      targetType: 'user',
      targetId: id,
      details: { sessionsEnded: ended },
      ...requestMeta(c),
    });
    const view = await getUserView(db, id);
    if (!view) return c.json(errorBody('not_found', userNotFound), 404);
    return c.json({ user: serialise(view) }, 200);
  })
  .openapi(enableUserRoute, async (c) => {
    const { id } = c.req.valid('param');
    const denied = authorize(c, 'users:disable', { ownerId: id });
    if (denied) return denied;
    const { db } = c.var.deps;
    if (!(await findUserById(db, id))) return c.json(errorBody('not_found', userNotFound), 404);
    await db
      .updateTable('users')
      .set({ disabled_at: null, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(db, {
      actorId: c.var.user?.id ?? null,
      action: 'account.enabled',
      targetType: 'user',
      targetId: id,
      ...requestMeta(c),
    });
    const view = await getUserView(db, id);
    if (!view) return c.json(errorBody('not_found', userNotFound), 404);
    return c.json({ user: serialise(view) }, 200);
  })
  .openapi(listAuditRoute, async (c) => {
    const { limit, before, action } = c.req.valid('query');
    const events = await listAudit(c.var.deps.db, { limit, before, action });
    return c.json(
      { events: events.map((event) => ({ ...event, occurredAt: event.occurredAt.toISOString() })) },
      200,
    );
  })
  .openapi(devMailboxRoute, async (c) => {
    if (!c.var.deps.config.devMailbox) {
      return c.json(
        errorBody('not_found', 'Udviklingspostkassen findes kun, når SMTP_URL ikke er sat.'),
        404,
      );
    }
    const emails = await listOutbox(c.var.deps.db, { limit: 50 });
    return c.json(
      {
        emails: emails.map(({ sentAt: _sentAt, ...email }) => ({
          ...email,
          createdAt: email.createdAt.toISOString(),
        })),
      },
      200,
    );
  });
