import {
  clearLoginFailures,
  consumeLinkToken,
  hashPassword,
  invalidateUserSessions,
  isCommonPassword,
  issueLinkToken,
  reserveAttempt,
  throttleKeys,
} from '@brobygger/auth';
import { findUserByEmail, findUserById, setPasswordHash } from '@brobygger/db';
import { passwordChangedMessage, resetPasswordMessage } from '../../mail/messages.ts';
import { queueEmail } from '../../mail/send.ts';
import { afterResponse } from '../after-response.ts';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { invalidField, invalidToken, notSignedIn, tooManyAttempts } from '../errors.ts';
import { checkPassword } from '../password-check.ts';
import { commonPasswordMessage, linkTo } from './links.ts';

/**
 * Asks for a password-reset link. The request does the same work for any email — it counts the
 * attempt (per address and per IP, sharing the login throttle's IP count so the endpoint cannot
 * flood an inbox) and nothing else — and the lookup, the token and the mail happen after the
 * answer has gone, so neither the answer nor its timing tells whether the email is registered.
 */
export async function requestPasswordReset(ctx: UseCaseContext, email: string): Promise<void> {
  const wait = await reserveAttempt(ctx.deps.db, throttleKeys(`reset:${email}`, ctx.meta.ip));
  if (wait > 0) throw tooManyAttempts(wait);
  afterResponse(ctx.deps, 'password-reset-link', () => sendPasswordResetLink(ctx, email));
}

/** The part of a reset request that depends on the account; runs after the answer. */
export async function sendPasswordResetLink(ctx: UseCaseContext, email: string): Promise<void> {
  const user = await findUserByEmail(ctx.deps.db, email);
  if (!user || user.disabled_at !== null) return;
  await transaction(ctx, async (tx, db) => {
    const token = await issueLinkToken(db, user.id, 'reset-password');
    await queueEmail(tx.deps, resetPasswordMessage(email, linkTo(tx.deps, '/nulstil-adgangskode', token)));
    await audit(tx, {
      actorId: null,
      action: 'password.reset-requested',
      targetType: 'user',
      targetId: user.id,
    });
  });
}

/** Chooses a new password with the token from the reset mail; ends every session of the user. */
export async function confirmPasswordReset(
  ctx: UseCaseContext,
  input: { token: string; password: string },
): Promise<void> {
  if (isCommonPassword(input.password)) throw invalidField('password', commonPasswordMessage);
  const passwordHash = await hashPassword(input.password);
  const changed = await transaction(ctx, async (tx, db) => {
    const userId = await consumeLinkToken(db, input.token, 'reset-password');
    const user = userId ? await findUserById(db, userId) : undefined;
    if (!user || user.disabled_at !== null) return false;
    // The link came by email, so the address is proven.
    await setPasswordHash(db, user.id, passwordHash, { verifyEmail: true });
    await invalidateUserSessions(db, user.id);
    await clearLoginFailures(db, `account:${user.email}`);
    await queueEmail(tx.deps, passwordChangedMessage(user.email));
    await audit(tx, { actorId: user.id, action: 'password.reset', targetType: 'user', targetId: user.id });
    return true;
  });
  if (!changed) throw invalidToken();
}

/** Changes the signed-in user's password (checked by the password throttle); ends their other sessions. */
export async function changePassword(
  ctx: UseCaseContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = ctx.actorId ? await findUserById(ctx.deps.db, ctx.actorId) : undefined;
  if (!user) throw notSignedIn();
  const check = await checkPassword(ctx, user.email, user.password_hash, input.currentPassword);
  if (!check.passwordOk) throw invalidField('currentPassword', 'Den nuværende adgangskode er forkert');
  await check.succeeded();
  if (isCommonPassword(input.newPassword)) throw invalidField('newPassword', commonPasswordMessage);
  const passwordHash = await hashPassword(input.newPassword);
  await transaction(ctx, async (tx, db) => {
    await setPasswordHash(db, user.id, passwordHash);
    const ended = await invalidateUserSessions(db, user.id, ctx.sessionId ?? undefined);
    await queueEmail(tx.deps, passwordChangedMessage(user.email));
    await audit(tx, {
      action: 'password.changed',
      targetType: 'user',
      targetId: user.id,
      details: { otherSessionsEnded: ended },
    });
  });
}
