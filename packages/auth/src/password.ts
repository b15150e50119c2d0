import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/** Argon2id with OWASP's minimum (m=19456 KiB, t=2, p=1); ~90 ms a hash on our machines. */
const argon2Options = {
  algorithm: 2,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Spends the time of one verification when there is no account to check, so the answer's timing
 * does not tell whether an email is registered.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('brobygger-no-such-user');
  await verifyPassword(await dummyHash, password);
  return false;
}

let common: Set<string> | undefined;
/** True for the ~49,000 most common passwords (zxcvbn's list), compared without case. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((word) => word.toLowerCase()));
  return common.has(password.toLowerCase());
}
