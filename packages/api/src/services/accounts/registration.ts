import {
  consumeLinkToken,
  hashPassword,
  isCommonPassword,
  issueLinkToken,
  registrationThrottleKeys,
  reserveAttempt,
} from '@brobygger/auth';
import { createUser, findUserByEmail, findUserById, markEmailVerified } from '@brobygger/db';
import type { RegisterInput } from '@brobygger/domain';
import { alreadyRegisteredMessage, verifyEmailMessage } from '../../mail/messages.ts';
import { queueEmail } from '../../mail/send.ts';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { invalidField, invalidToken, tooManyAttempts } from '../errors.ts';
import { commonPasswordMessage, linkTo } from './links.ts';

/**
 * Registers a volunteer. The answer is the same whether or not the email is taken: a new address
 * gets a confirmation link, a registered one an "already registered" mail with a reset link.
 * Throttled per target email and per IP alike for both, so neither the mail count nor a 429 tells.
 */
export async function register(ctx: UseCaseContext, input: RegisterInput): Promise<void> {
  if (isCommonPassword(input.password)) throw invalidField('password', commonPasswordMessage);
  const wait = await reserveAttempt(ctx.deps.db, registrationThrottleKeys(input.email, ctx.meta.ip));
  if (wait > 0) throw tooManyAttempts(wait);
  // Hash whether or not the email is taken, so the time taken does not tell either.
  const passwordHash = await hashPassword(input.password);
  await transaction(ctx, async (tx, db) => {
    const user = await createUser(db, {
      email: input.email,
      passwordHash,
      displayName: input.displayName,
    });
    if (user) {
      const token = await issueLinkToken(db, user.id, 'verify-email');
      await queueEmail(
        tx.deps,
        verifyEmailMessage(input.email, input.displayName, linkTo(tx.deps, '/bekraeft-email', token)),
      );
      await audit(tx, {
        actorId: user.id,
        action: 'account.registered',
        targetType: 'user',
        targetId: user.id,
      });
      return;
    }
    const existing = await findUserByEmail(db, input.email);
    if (existing && existing.disabled_at === null) {
      const token = await issueLinkToken(db, existing.id, 'reset-password');
      await queueEmail(
        tx.deps,
        alreadyRegisteredMessage(input.email, linkTo(tx.deps, '/nulstil-adgangskode', token)),
      );
    }
  });
}

/** Confirms an email address with the single-use token from the confirmation mail. */
export async function verifyEmail(ctx: UseCaseContext, token: string): Promise<void> {
  const userId = await transaction(ctx, async (tx, db) => {
    const userId = await consumeLinkToken(db, token, 'verify-email');
    if (!userId) return undefined;
    await markEmailVerified(db, userId);
    await audit(tx, {
      actorId: userId,
      action: 'account.email-verified',
      targetType: 'user',
      targetId: userId,
    });
    return userId;
  });
  if (!userId) throw invalidToken();
}

/** Sends the signed-in user a new confirmation link, unless the address is confirmed already. */
export async function resendVerification(ctx: UseCaseContext): Promise<void> {
  const user = ctx.actorId ? await findUserById(ctx.deps.db, ctx.actorId) : undefined;
  if (!user || user.email_verified_at !== null) return;
  await transaction(ctx, async (tx, db) => {
    const token = await issueLinkToken(db, user.id, 'verify-email');
    await queueEmail(
      tx.deps,
      verifyEmailMessage(user.email, user.display_name, linkTo(tx.deps, '/bekraeft-email', token)),
    );
  });
}
