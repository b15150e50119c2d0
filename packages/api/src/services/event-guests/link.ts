import { hashSecret, randomBase32 } from '@brobygger/auth';
import type { Database } from '@brobygger/db';
import { replaceGuestToken } from '@brobygger/db';
import type { Kysely } from 'kysely';

export function guestLink(publicUrl: string, token: string): string {
  return new URL(`/arrangementer/gaest/${token}`, publicUrl).toString();
}

/**
 * A new link for a guest's registration, for a mail that must let them cancel (a promotion from
 * the waitlist, a reminder). Only the token's hash is kept, so the earlier link cannot be sent
 * again; the new one replaces it (the mail says so).
 */
export async function freshGuestLink(db: Kysely<Database>, publicUrl: string, registrationId: number) {
  const token = randomBase32(20);
  await replaceGuestToken(db, registrationId, hashSecret(token), null);
  return guestLink(publicUrl, token);
}
