import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * How many times public data has changed (triggers on the policy's tables bump it in the writing
 * transaction). Read caches compare it to decide whether what they hold is still current.
 */
export async function getPublicDataGeneration(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('public_data_generation').select('generation').executeTakeFirst();
  return Number(row?.generation ?? 0);
}
