import type { Database } from '@brobygger/db';
import { enqueueJob } from '@brobygger/jobs';
import type { SearchDocumentType } from '@brobygger/search';
import type { Kysely } from 'kysely';

/** The job that (re)indexes one document; its handler is registered with the API's job runner. */
export const searchIndexJobType = 'search.index';

/**
 * Asks for one document to be indexed again (or removed, when its source no longer finds it).
 * Call it with the transaction of the change, so the job commits (or rolls back) with it.
 */
export async function indexLater(
  db: Kysely<Database>,
  type: SearchDocumentType,
  id: string | number,
): Promise<void> {
  await enqueueJob(db, { type: searchIndexJobType, payload: { type, id: String(id) } });
}
