import {
  clearLoginFailures,
  releaseAttempt,
  reserveAttempt,
  throttleKeys,
  verifyAgainstNothing,
  verifyPassword,
} from '@brobygger/auth';
import type { UseCaseContext } from './context.ts';
import { tooManyAttempts } from './errors.ts';

export interface PasswordCheck {
  passwordOk: boolean;
  /** The whole check passed (password and any second factor): the account's failures are forgotten. */
  succeeded(): Promise<void>;
  /** Not a failure after all (right password, a second step to come): the attempt is given back. */
  release(): Promise<void>;
}

/**
 * The one throttle for every password check — login, changing the password, turning two-factor
 * off, deleting the account, and whatever checks a password next. The attempt is counted (per
 * account and per IP) atomically *before* the password is verified, so concurrent guesses cannot
 * slip past the limit, and a throttled account answers 429 (UseCaseError) on every route alike.
 * An attempt counts as a failure unless the caller says `succeeded()` or `release()`.
 * Call it outside a transaction: the count must survive the use case failing.
 */
export async function checkPassword(
  ctx: UseCaseContext,
  email: string,
  passwordHash: string | undefined,
  password: string,
): Promise<PasswordCheck> {
  const { db } = ctx.deps;
  const keys = throttleKeys(email, ctx.meta.ip);
  const wait = await reserveAttempt(db, keys);
  if (wait > 0) throw tooManyAttempts(wait);
  const passwordOk = passwordHash
    ? await verifyPassword(passwordHash, password)
    : await verifyAgainstNothing(password);
  return {
    passwordOk,
    async succeeded() {
      await clearLoginFailures(db, `account:${email}`);
      await releaseAttempt(
        db,
        keys.filter((k) => !k.key.startsWith('account:')),
      );
    },
    release: () => releaseAttempt(db, keys),
  };
}
