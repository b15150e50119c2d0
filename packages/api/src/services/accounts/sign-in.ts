import {
  createSession,
  invalidateSession,
  matchTotp,
  type NewSession,
  useRecoveryCode,
} from '@brobygger/auth';
import { findUserByEmail, getUserView, setTotpLastStep, type UserView } from '@brobygger/db';
import type { LoginInput } from '@brobygger/domain';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { UseCaseError } from '../errors.ts';
import { checkPassword } from '../password-check.ts';

export interface SignedIn {
  user: UserView;
  session: NewSession;
}

/**
 * Signs in with email and password (and the second factor, when turned on). Every failure —
 * unknown email, wrong password, disabled account, wrong code — answers the same 401 and is
 * counted by the password throttle and written to the audit log.
 */
export async function login(ctx: UseCaseContext, input: LoginInput): Promise<SignedIn> {
  const { db } = ctx.deps;
  const user = await findUserByEmail(db, input.email);
  const check = await checkPassword(ctx, input.email, user?.password_hash, input.password);
  const fail = async (reason: string): Promise<never> => {
    await audit(ctx, {
      actorId: null,
      action: 'login.failed',
      targetType: 'user',
      targetId: user?.id ?? null,
      details: { reason },
    });
    throw new UseCaseError('invalid_credentials', 'Forkert e-mail eller adgangskode.', 401);
  };
  if (!user || !check.passwordOk) return fail(user ? 'password' : 'unknown-email');
  if (user.disabled_at !== null) return fail('disabled');

  let totpStep: number | undefined;
  if (user.totp_enabled_at !== null && user.totp_key) {
    if (input.recoveryCode) {
      if (!(await useRecoveryCode(db, user.id, input.recoveryCode))) return fail('recovery-code');
    } else if (input.totpCode) {
      totpStep = matchTotp(user.totp_key, input.totpCode, user.totp_last_step);
      if (totpStep === undefined) return fail('totp');
    } else {
      // The password was right; the second step is still to come, so this was no failure.
      await check.release();
      throw new UseCaseError('totp_required', 'Skriv koden fra din godkendelsesapp.', 401);
    }
  }

  await check.succeeded();
  const session = await transaction(ctx, async (tx, trx) => {
    if (totpStep !== undefined) await setTotpLastStep(trx, user.id, totpStep);
    const session = await createSession(trx, user.id, ctx.meta);
    await audit(tx, { actorId: user.id, action: 'login', targetType: 'user', targetId: user.id });
    return session;
  });
  const view = await getUserView(db, user.id);
  if (!view) throw new Error('user vanished during login');
  return { user: view, session };
}

/** Ends the current session (if any). */
export async function logout(ctx: UseCaseContext): Promise<void> {
  const { sessionId } = ctx;
  if (!sessionId) return;
  await transaction(ctx, async (tx, db) => {
    await invalidateSession(db, sessionId);
    await audit(tx, { action: 'logout', targetType: 'user', targetId: ctx.actorId });
  });
}
