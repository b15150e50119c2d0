import { validateSessionToken } from '@brobygger/auth';
import { findUserById, getUserRoles } from '@brobygger/db';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { readSessionCookie } from './cookies.ts';

/**
 * Finds who is asking: a session token from the cookie (browsers) or from
 * `Authorization: Bearer` (API clients). Disabled accounts have no sessions, but are checked
 * anyway so a race with disabling cannot let a request through.
 */
export function loadSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('actor', null);
    c.set('user', null);
    c.set('session', null);
    c.set('authVia', null);
    const { db, config } = c.var.deps;
    const authorization = c.req.header('authorization');
    const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = readSessionCookie(c, config.production);
    const token = bearer ?? cookie;
    if (token && token.length <= 200) {
      const session = await validateSessionToken(db, token);
      const user = session ? await findUserById(db, session.user_id) : undefined;
      if (session && user && user.disabled_at === null) {
        const roles = await getUserRoles(db, user.id);
        c.set('session', session);
        c.set('user', {
          id: user.id,
          email: user.email,
          displayName: user.display_name,
          totpEnabled: user.totp_enabled_at !== null,
        });
        c.set('actor', { userId: user.id, grants: roles });
        c.set('authVia', bearer ? 'bearer' : 'cookie');
      }
    }
    await next();
  };
}
