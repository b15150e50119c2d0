import { clearSessionCookie } from '../../auth/cookies.ts';
import { createRouter } from '../../openapi.ts';
import {
  deleteMyAccount,
  endMySession,
  exportMyData,
  getMyAccount,
  listMySessions,
} from '../../services/accounts/index.ts';
import { useCaseContext } from '../../use-case-context.ts';
import {
  deleteMeRoute,
  endMySessionRoute,
  exportMyDataRoute,
  getMeRoute,
  listMySessionsRoute,
} from './me.routes.ts';

export const meRouter = createRouter()
  .openapi(getMeRoute, async (c) => {
    const user = await getMyAccount(useCaseContext(c));
    return c.json({ user: { ...user, createdAt: user.createdAt.toISOString() } }, 200);
  })
  .openapi(listMySessionsRoute, async (c) => {
    const sessions = await listMySessions(useCaseContext(c));
    return c.json(
      {
        sessions: sessions.map((session) => ({
          id: session.id,
          createdAt: session.created_at.toISOString(),
          lastSeenAt: session.last_seen_at.toISOString(),
          expiresAt: session.expires_at.toISOString(),
          ip: session.ip,
          userAgent: session.user_agent,
          current: session.id === c.get('session')?.id,
        })),
      },
      200,
    );
  })
  .openapi(endMySessionRoute, async (c) => {
    const { wasCurrent } = await endMySession(useCaseContext(c), c.req.valid('param').id);
    if (wasCurrent) clearSessionCookie(c, c.get('deps').config.production);
    return c.body(null, 204);
  })
  .openapi(exportMyDataRoute, async (c) => {
    const data = await exportMyData(useCaseContext(c));
    c.header('Content-Disposition', 'attachment; filename="brobygger-mine-data.json"');
    c.header('Cache-Control', 'no-store');
    return c.json(data, 200);
  })
  .openapi(deleteMeRoute, async (c) => {
    await deleteMyAccount(useCaseContext(c), c.req.valid('json').password);
    clearSessionCookie(c, c.get('deps').config.production);
    return c.body(null, 204);
  });
