// Search (issue 12): the job that keeps the index in step with the database.
// `search.index` {type, id} is written by `indexLater()` in the transaction of every change. The
// handler reads the document again through its source and writes it to the index, or removes it
// when the source no longer finds it: running it twice, or after a crash, gives the same index.
// `search.rebuild` rebuilds everything (enqueued at start-up when the index is empty, so the
// seeded policy and demo content are findable on a fresh installation).
import { type Database, enqueueJob } from '@brobygger/db';
import type { JobDefinition } from '@brobygger/jobs';
import { PermanentJobError } from '@brobygger/jobs';
import { type SearchEngine, searchDocumentTypes } from '@brobygger/search';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { searchIndexJobType } from '../search/index-later.ts';
import { rebuildSearchIndex } from '../search/rebuild.ts';
import { searchSources } from '../search/sources.ts';

export const searchRebuildJobType = 'search.rebuild';

const indexPayload = z.object({ type: z.enum(searchDocumentTypes), id: z.string().min(1).max(200) });

export function searchIndexJob(engine: SearchEngine): JobDefinition<z.infer<typeof indexPayload>> {
  return {
    type: searchIndexJobType,
    payload: indexPayload,
    baseDelayMs: 5_000,
    async handler({ type, id }, { db }) {
      const source = searchSources[type];
      if (!source) throw new PermanentJobError(`No search source is registered for ${type}`);
      const document = await source.load(db, id);
      if (document) await engine.upsert([document]);
      else await engine.remove([{ type, id }]);
    },
  };
}

export function searchRebuildJob(engine: SearchEngine): JobDefinition {
  return {
    type: searchRebuildJobType,
    maxAttempts: 3,
    async handler(_payload, { db, logger }) {
      const outcome = await rebuildSearchIndex(db, engine);
      logger.info(outcome, 'search index rebuilt');
    },
  };
}

/** At start-up: an empty index (a fresh installation, a new engine) is filled by a rebuild job. */
export async function rebuildSearchIndexIfEmpty(
  db: Kysely<Database>,
  engine: SearchEngine,
): Promise<boolean> {
  if ((await engine.count()) > 0) return false;
  await enqueueJob(db, {
    type: searchRebuildJobType,
    payload: {},
    key: `${searchRebuildJobType}:empty:${new Date().toISOString().slice(0, 13)}`,
  });
  return true;
}
