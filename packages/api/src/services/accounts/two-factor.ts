import {
  generateTotpKey,
  matchTotp,
  replaceRecoveryCodes,
  totpSetup,
  useRecoveryCode,
} from '@brobygger/auth';
import { findUserById, storePendingTotpKey, switchTotpOff, switchTotpOn } from '@brobygger/db';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { conflict, invalidField, notSignedIn } from '../errors.ts';
import { checkPassword } from '../password-check.ts';

const alreadyOn = 'Totrinsbekræftelse er allerede slået til.';

async function signedInUser(ctx: UseCaseContext) {
  const user = ctx.actorId ? await findUserById(ctx.deps.db, ctx.actorId) : undefined;
  if (!user) throw notSignedIn();
  return user;
}

/** Starts turning two-factor on: a new secret to scan, not yet in force. */
export async function setUpTwoFactor(ctx: UseCaseContext) {
  const user = await signedInUser(ctx);
  if (user.totp_enabled_at !== null) throw conflict(alreadyOn);
  const key = generateTotpKey();
  await storePendingTotpKey(ctx.deps.db, user.id, key);
  return totpSetup(key, user.email);
}

/** Turns two-factor on with a code from the app; answers the ten recovery codes, once. */
export async function enableTwoFactor(
  ctx: UseCaseContext,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const user = await signedInUser(ctx);
  if (user.totp_enabled_at !== null) throw conflict(alreadyOn);
  const key = user.totp_key;
  if (!key) throw conflict('Start opsætningen først.');
  const step = matchTotp(key, code, null);
  if (step === undefined) {
    throw invalidField('code', 'Koden passer ikke. Tjek at uret på din telefon går rigtigt, og prøv igen.');
  }
  return transaction(ctx, async (tx, db) => {
    await switchTotpOn(db, user.id, step);
    const recoveryCodes = await replaceRecoveryCodes(db, user.id);
    await audit(tx, { action: 'totp.enabled', targetType: 'user', targetId: user.id });
    return { recoveryCodes };
  });
}

/**
 * Turns two-factor off. Needs the password (counted by the password throttle) and a current
 * code from the app or an unused recovery code, so a stolen session or password alone cannot.
 */
export async function disableTwoFactor(
  ctx: UseCaseContext,
  input: { password: string; code?: string | undefined; recoveryCode?: string | undefined },
): Promise<void> {
  const user = await signedInUser(ctx);
  if (user.totp_enabled_at === null || !user.totp_key) {
    throw conflict('Totrinsbekræftelse er ikke slået til.');
  }
  const check = await checkPassword(ctx, user.email, user.password_hash, input.password);
  if (!check.passwordOk) throw invalidField('password', 'Adgangskoden er forkert');
  if (input.recoveryCode) {
    if (!(await useRecoveryCode(ctx.deps.db, user.id, input.recoveryCode))) {
      throw invalidField('recoveryCode', 'Gendannelseskoden passer ikke eller er brugt');
    }
  } else if (!input.code || matchTotp(user.totp_key, input.code, user.totp_last_step) === undefined) {
    throw invalidField('code', 'Koden passer ikke. Skriv den kode, din godkendelsesapp viser nu.');
  }
  await check.succeeded();
  await transaction(ctx, async (tx, db) => {
    await switchTotpOff(db, user.id);
    await audit(tx, { action: 'totp.disabled', targetType: 'user', targetId: user.id });
  });
}
