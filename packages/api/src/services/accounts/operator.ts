import { hashPassword, issueLinkToken, randomBase32 } from '@brobygger/auth';
import { createUser, findUserByEmail, grantRole, UnknownScopeError } from '@brobygger/db';
import type { RoleGrant } from '@brobygger/domain';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { invalidField } from '../errors.ts';
import { linkTo } from './links.ts';

export interface AddedUser {
  created: boolean;
  /** False when the user already had the role. */
  granted: boolean;
  /** A single-use link (1 hour) with which the user chooses their own password. */
  passwordLink: string;
}

/**
 * The operator's `users:add`: creates the user if missing (with a random password nobody knows,
 * the address counted as confirmed), gives the role, and answers a link to choose a password.
 */
export async function addUserWithRole(
  ctx: UseCaseContext,
  input: { email: string; displayName: string; grant: RoleGrant },
): Promise<AddedUser> {
  const passwordHash = await hashPassword(randomBase32(20));
  return transaction(ctx, async (tx, db) => {
    const created = await createUser(db, {
      email: input.email,
      passwordHash,
      displayName: input.displayName,
      emailVerified: true,
    });
    const user = await findUserByEmail(db, input.email);
    if (!user) throw new Error('could not create the user');
    let grantId: number | undefined;
    try {
      grantId = await grantRole(db, user.id, input.grant, null);
    } catch (error) {
      if (error instanceof UnknownScopeError) throw invalidField(error.field, error.message);
      throw error;
    }
    if (grantId !== undefined) {
      await audit(tx, {
        action: 'role.granted',
        targetType: 'user',
        targetId: user.id,
        details: { role: input.grant.role, via: 'cli' },
      });
    }
    const token = await issueLinkToken(db, user.id, 'reset-password');
    return {
      created: created !== undefined,
      granted: grantId !== undefined,
      passwordLink: linkTo(tx.deps, '/nulstil-adgangskode', token),
    };
  });
}
