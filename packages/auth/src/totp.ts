import type { Database } from '@brobygger/db';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import type { Kysely } from 'kysely';
import { hashSecret, randomBase32, secretMatches } from './secrets.ts';

const periodSeconds = 30;
const digits = 6;

export function generateTotpKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(20));
}

export function totpSetup(key: Uint8Array, email: string) {
  return {
    secret: encodeBase32UpperCaseNoPadding(key),
    uri: createTOTPKeyURI('Brobygger', email, key, periodSeconds, digits),
  };
}

/**
 * Checks a TOTP code, allowing one step of clock drift either way, and refuses a code whose
 * step was already used (a code works once). Returns the step to store, or undefined.
 */
export function matchTotp(
  key: Uint8Array,
  code: string,
  lastUsedStep: number | null,
  now = Date.now(),
): number | undefined {
  const current = Math.floor(now / 1000 / periodSeconds);
  const given = new TextEncoder().encode(code);
  for (const step of [current - 1, current, current + 1]) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    const expected = new TextEncoder().encode(generateHOTP(key, BigInt(step), digits));
    if (constantTimeEqual(expected, given)) return step;
  }
  return undefined;
}

/** The code an authenticator app shows now (tests and the demo use it). */
export function currentTotp(key: Uint8Array, now = Date.now()): string {
  return generateHOTP(key, BigInt(Math.floor(now / 1000 / periodSeconds)), digits);
}

/** Ten single-use recovery codes; only their hashes are kept. */
export async function replaceRecoveryCodes(db: Kysely<Database>, userId: string): Promise<string[]> {
  const codes = Array.from({ length: 10 }, () => randomBase32(8));
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(codes.map((code) => ({ user_id: userId, code_hash: hashSecret(code) })))
    .execute();
  return codes;
}

export async function useRecoveryCode(db: Kysely<Database>, userId: string, code: string): Promise<boolean> {
  const rows = await db
    .selectFrom('recovery_codes')
    .select(['id', 'code_hash'])
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  const match = rows.find((row) => secretMatches(code, row.code_hash));
  if (!match) return false;
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: new Date() })
    .where('id', '=', match.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The key behind the base32 secret shown at setup (what an authenticator app stores). */
export function totpKeyFromSecret(secret: string): Uint8Array {
  return decodeBase32IgnorePadding(secret);
}
