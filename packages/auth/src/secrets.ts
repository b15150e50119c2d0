import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** Random bytes from the CSPRNG, as lower-case base32. */
export function randomBase32(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  return constantTimeEqual(hashSecret(secret), new Uint8Array(storedHash));
}

/**
 * A token is `<id>.<secret>`: the id finds the row, the secret (160 bits) is compared in constant
 * time against its stored SHA-256. Only the hash is stored, so a copy of the database holds no
 * usable token.
 */
export function newToken(): { id: string; secret: string; token: string; secretHash: Uint8Array } {
  const id = randomBase32(15);
  const secret = randomBase32(20);
  return { id, secret, token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

export function splitToken(token: string): { id: string; secret: string } | undefined {
  const match = /^([a-z2-7]{16,64})\.([a-z2-7]{16,64})$/.exec(token);
  return match?.[1] && match[2] ? { id: match[1], secret: match[2] } : undefined;
}
