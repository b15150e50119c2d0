import { authorize } from '../../auth/guard.ts';
import { createRouter } from '../../openapi.ts';
import {
  findUsers,
  getUser,
  grantUserRole,
  readAuditLog,
  readDevMailbox,
  revokeUserRole,
  setUserAccountDisabled,
} from '../../services/accounts/index.ts';
import type { UserView } from '../../services/accounts/types.ts';
import { useCaseContext } from '../../use-case-context.ts';
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

const serialise = (user: UserView) => ({ ...user, createdAt: user.createdAt.toISOString() });

export const adminRouter = createRouter()
  .openapi(listUsersRoute, async (c) => {
    const found = await findUsers(useCaseContext(c), c.req.valid('query'));
    return c.json({ ...found, users: found.users.map(serialise) }, 200);
  })
  .openapi(getUserRoute, async (c) => {
    const user = await getUser(useCaseContext(c), c.req.valid('param').id);
    return c.json({ user: serialise(user) }, 200);
  })
  .openapi(grantRoleRoute, async (c) => {
    const role = await grantUserRole(useCaseContext(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ role }, 201);
  })
  .openapi(revokeRoleRoute, async (c) => {
    const { id, roleId } = c.req.valid('param');
    await revokeUserRole(useCaseContext(c), id, roleId);
    return c.body(null, 204);
  })
  .openapi(disableUserRoute, async (c) => {
    const { id } = c.req.valid('param');
    const denied = authorize(c, 'users:disable', { ownerId: id });
    if (denied) return denied;
    const user = await setUserAccountDisabled(useCaseContext(c), id, true);
    return c.json({ user: serialise(user) }, 200);
  })
  .openapi(enableUserRoute, async (c) => {
    const { id } = c.req.valid('param');
    const denied = authorize(c, 'users:disable', { ownerId: id });
    if (denied) return denied;
    const user = await setUserAccountDisabled(useCaseContext(c), id, false);
    return c.json({ user: serialise(user) }, 200);
  })
  .openapi(listAuditRoute, async (c) => {
    const events = await readAuditLog(useCaseContext(c), c.req.valid('query'));
    return c.json(
      { events: events.map((event) => ({ ...event, occurredAt: event.occurredAt.toISOString() })) },
      200,
    );
  })
  .openapi(devMailboxRoute, async (c) => {
    const emails = await readDevMailbox(useCaseContext(c));
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
