import type { Database } from '@brobygger/db';
import type { SearchDocument, SearchDocumentType, SearchEngine } from '@brobygger/search';
import type { Kysely } from 'kysely';
import { searchSources } from './sources.ts';

export interface RebuildProgress {
  done: number;
  total: number;
  type: SearchDocumentType;
}

export interface RebuildOutcome {
  indexed: number;
  removed: number;
  ms: number;
}

const batchSize = 100;

/**
 * Rebuilds the index from the database while search keeps answering: every document of every
 * source is written again (insert or replace), then whatever the rebuild did not write — gone
 * from the database, or no longer findable — is removed. At no moment is the index empty.
 */
export async function rebuildSearchIndex(
  db: Kysely<Database>,
  engine: SearchEngine,
  onProgress?: (progress: RebuildProgress) => void,
): Promise<RebuildOutcome> {
  const started = performance.now();
  const mark = new Date();
  const plan: [SearchDocumentType, string[]][] = [];
  for (const [type, source] of Object.entries(searchSources) as [
    SearchDocumentType,
    NonNullable<(typeof searchSources)[SearchDocumentType]>,
  ][]) {
    const ids: string[] = [];
    const listed = await source.ids(db);
    for await (const id of listed) ids.push(id);
    plan.push([type, ids]);
  }
  const total = plan.reduce((sum, [, ids]) => sum + ids.length, 0);
  let done = 0;
  let indexed = 0;
  for (const [type, ids] of plan) {
    const source = searchSources[type];
    if (!source) continue;
    for (let start = 0; start < ids.length; start += batchSize) {
      const batch: SearchDocument[] = [];
      for (const id of ids.slice(start, start + batchSize)) {
        const document = await source.load(db, id);
        if (document) batch.push(document);
      }
      // Stamped now, not with `mark`: a document written again after the mark stays.
      await engine.upsert(batch, new Date());
      indexed += batch.length;
      done += Math.min(batchSize, ids.length - start);
      onProgress?.({ done, total, type });
    }
  }
  const removed = await engine.removeIndexedBefore(mark);
  await engine.afterRebuild?.();
  return { indexed, removed, ms: Math.round(performance.now() - started) };
}
