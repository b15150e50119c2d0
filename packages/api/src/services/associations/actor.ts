import { getUserRoles } from '@brobygger/db';
import { type Action, type Actor, can, type Resource } from '@brobygger/domain';
import type { UseCaseContext } from '../context.ts';
import { forbidden, notSignedIn } from '../errors.ts';

/**
 * The acting user with their role grants as the database holds them now (inside the use case's
 * transaction), so a membership given or taken a moment ago counts at once.
 */
export async function currentActor(ctx: UseCaseContext): Promise<Actor> {
  if (!ctx.actorId) return null;
  const roles = await getUserRoles(ctx.deps.db, ctx.actorId);
  return {
    userId: ctx.actorId,
    grants: roles.map((role) => ({ role: role.role, associationId: role.associationId ?? null })),
  };
}

/** The resource check after the route's first one: 401/403 when the policy says no. */
export async function requirePermission(ctx: UseCaseContext, action: Action, resource: Resource) {
  const actor = await currentActor(ctx);
  if (!actor) throw notSignedIn();
  if (!can(actor, action, resource)) throw forbidden('Du har ikke adgang til denne forening.');
  return actor;
}
