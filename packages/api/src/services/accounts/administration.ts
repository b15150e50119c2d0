import { invalidateUserSessions } from '@brobygger/auth';
import {
  type AuditFilter,
  findRoleGrant,
  findUserById,
  getUserView,
  grantRole,
  listAudit,
  listOutbox,
  listUsers,
  revokeRole,
  setUserDisabled,
  UnknownScopeError,
  type UserRoleView,
  type UserView,
} from '@brobygger/db';
import type { RoleGrant } from '@brobygger/domain';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { conflict, invalidField, notFound } from '../errors.ts';
import { keepAnAdministrator } from './last-admin.ts';

export const userPageSize = 50;
const userNotFound = 'Brugeren findes ikke.';

export async function findUsers(ctx: UseCaseContext, input: { q?: string | undefined; page: number }) {
  const { users, total } = await listUsers(ctx.deps.db, {
    query: input.q,
    limit: userPageSize,
    offset: (input.page - 1) * userPageSize,
  });
  return { users, total, page: input.page, pageSize: userPageSize };
}

export async function getUser(ctx: UseCaseContext, userId: string): Promise<UserView> {
  const user = await getUserView(ctx.deps.db, userId);
  if (!user) throw notFound(userNotFound);
  return user;
}

/** Gives a user a role (409 if they have it; 422 for an unknown focus area or association). */
export async function grantUserRole(
  ctx: UseCaseContext,
  userId: string,
  grant: RoleGrant,
): Promise<UserRoleView> {
  if (!(await findUserById(ctx.deps.db, userId))) throw notFound(userNotFound);
  const grantId = await transaction(ctx, async (tx, db) => {
    let grantId: number | undefined;
    try {
      grantId = await grantRole(db, userId, grant, ctx.actorId);
    } catch (error) {
      if (error instanceof UnknownScopeError) throw invalidField(error.field, error.message);
      throw error;
    }
    if (grantId === undefined) throw conflict('Brugeren har allerede den rolle.');
    await audit(tx, {
      action: 'role.granted',
      targetType: 'user',
      targetId: userId,
      details: {
        role: grant.role,
        focusArea: grant.focusArea ?? null,
        associationId: grant.associationId ?? null,
      },
    });
    return grantId;
  });
  const role = (await getUserView(ctx.deps.db, userId))?.roles.find((r) => r.id === grantId);
  if (!role) throw new Error('granted role vanished');
  return role;
}

/** Removes a role; never the admin role of the last active administrator (409). */
export async function revokeUserRole(ctx: UseCaseContext, userId: string, grantId: number): Promise<void> {
  await transaction(ctx, async (tx, db) => {
    const grant = await findRoleGrant(db, userId, grantId);
    if (!grant) throw notFound('Brugeren har ikke den rolle.');
    if (grant.role === 'admin') await keepAnAdministrator(tx, userId);
    await revokeRole(db, userId, grantId);
    await audit(tx, {
      action: 'role.revoked',
      targetType: 'user',
      targetId: userId,
      details: { role: grant.role },
    });
  });
}

/**
 * Disables an account (its sessions end at once) or enables it again. Never disables the last
 * active administrator (409).
 */
export async function setUserAccountDisabled(
  ctx: UseCaseContext,
  userId: string,
  disabled: boolean,
): Promise<UserView> {
  if (!(await findUserById(ctx.deps.db, userId))) throw notFound(userNotFound);
  await transaction(ctx, async (tx, db) => {
    if (disabled) await keepAnAdministrator(tx, userId);
    await setUserDisabled(db, userId, disabled);
    if (disabled) {
      const ended = await invalidateUserSessions(db, userId);
      await audit(tx, {
        action: 'account.disabled',
        targetType: 'user',
        targetId: userId,
        details: { sessionsEnded: ended },
      });
    } else {
      await audit(tx, { action: 'account.enabled', targetType: 'user', targetId: userId });
    }
  });
  return getUser(ctx, userId);
}

export async function readAuditLog(ctx: UseCaseContext, filter: Omit<AuditFilter, 'actorId' | 'targetId'>) {
  return listAudit(ctx.deps.db, filter);
}

/** The mail that would have been sent, newest first; only when no SMTP server is configured. */
export async function readDevMailbox(ctx: UseCaseContext) {
  if (!ctx.deps.config.devMailbox) {
    throw notFound('Udviklingspostkassen findes kun, når SMTP_URL ikke er sat.');
  }
  return listOutbox(ctx.deps.db, { limit: 50 });
}
