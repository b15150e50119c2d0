import type { Database } from '@brobygger/db';
import type { Kysely } from 'kysely';
import { newToken, secretMatches, splitToken } from './secrets.ts';

export type LinkPurpose = 'verify-email' | 'reset-password';

export const linkLifetimeMs: Record<LinkPurpose, number> = {
  'verify-email': 48 * 60 * 60 * 1000,
  'reset-password': 60 * 60 * 1000,
};

/** Issues a single-use link token; earlier unused tokens of the same purpose stop working. */
export async function issueLinkToken(
  db: Kysely<Database>,
  userId: string,
  purpose: LinkPurpose,
  now = new Date(),
): Promise<string> {
  const { id, token, secretHash } = newToken();
  await db.deleteFrom('auth_tokens').where('user_id', '=', userId).where('purpose', '=', purpose).execute();
  await db
    .insertInto('auth_tokens')
    .values({
      id,
      user_id: userId,
      purpose,
      secret_hash: secretHash,
      created_at: now,
      expires_at: new Date(now.getTime() + linkLifetimeMs[purpose]),
    })
    .execute();
  return token;
}

/**
 * Uses a link token once: answers the user id when the token is genuine, unused and unexpired,
 * and marks it used in the same statement so two clicks cannot both succeed.
 */
export async function consumeLinkToken(
  db: Kysely<Database>,
  token: string,
  purpose: LinkPurpose,
  now = new Date(),
): Promise<string | undefined> {
  const parts = splitToken(token);
  if (!parts) return undefined;
  const row = await db
    .selectFrom('auth_tokens')
    .selectAll()
    .where('id', '=', parts.id)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  if (!row || !secretMatches(parts.secret, row.secret_hash)) return undefined;
  if (row.used_at !== null || row.expires_at.getTime() <= now.getTime()) return undefined;
  const result = await db
    .updateTable('auth_tokens')
    .set({ used_at: now })
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n ? row.user_id : undefined;
}
