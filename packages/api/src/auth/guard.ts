import { type Action, can, type Resource } from '@brobygger/domain';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { errorBody, unauthorized } from '../errors.ts';

const adminActions: ReadonlySet<Action> = new Set([
  'users:list',
  'users:manage-roles',
  'users:disable',
  'audit:read',
  'dev-mailbox:read',
  'jobs:read',
  'jobs:retry',
]);

/**
 * Asks the permission policy. Answers the error response to return (401 when nobody is signed
 * in, 403 otherwise), or undefined when the action is allowed. In production an admin must
 * have two-factor authentication turned on before any admin action.
 */
export function authorize(c: Context<AppEnv>, action: Action, resource?: Resource) {
  const actor = c.get('actor');
  if (!can(actor, action, resource)) {
    if (actor === null) return unauthorized(c);
    return c.json(errorBody('forbidden', 'Du har ikke adgang til dette.'), 403);
  }
  if (adminActions.has(action) && c.get('deps').config.production && !c.get('user')?.totpEnabled) {
    return c.json(
      errorBody('two_factor_required', 'Administratorer skal slå totrinsbekræftelse til først.'),
      403,
    );
  }
  return undefined;
}

export function clientIp(c: Context<AppEnv>): string | null {
  return c.get('deps').clientIp?.(c) ?? null;
}

export function requestMeta(c: Context<AppEnv>) {
  return { ip: clientIp(c), userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null };
}

/**
 * Route middleware: runs before the request is validated, so a caller without the right gets
 * 401/403 and learns nothing from validation messages. Resource-specific checks (whose session,
 * which focus area) follow in the handler with authorize().
 */
export function permit(action: Action): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const denied = authorize(c, action);
    if (denied) return denied;
    await next();
  };
}
