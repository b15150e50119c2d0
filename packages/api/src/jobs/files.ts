// The file store's upkeep (ADR 0018).
//  - `files.sweep-orphans`, hourly: deletes stored files written over an hour ago that no row names
//    any more: a file whose process died between writing it and committing its row, or whose row
//    was deleted (a deleted resource takes its attachments' rows with it) before the file went.
//    Which keys are named is asked of every feature that stores files (files/references.ts).
import type { JobDefinition, RecurringJob } from '@brobygger/jobs';
import { type FileReferenceSource, fileReferenceSources } from '../files/references.ts';
import type { FileStore } from '../files/store.ts';

export const orphanSweepJobType = 'files.sweep-orphans';
/**
 * A file younger than this is never swept: its row may not be committed yet. A feature writes the
 * file and then its row within one request, and never names an older file in a new row.
 */
export const orphanMinAgeMs = 60 * 60_000;
/** Keys asked about per query. */
const batchSize = 500;

export function orphanSweepJob(
  files: FileStore,
  sources: readonly FileReferenceSource[] = fileReferenceSources,
): JobDefinition {
  return {
    type: orphanSweepJobType,
    async handler(_payload, { db, now, logger }) {
      const cutoff = now.getTime() - orphanMinAgeMs;
      let checked = 0;
      const deleted: string[] = [];
      let batch: string[] = [];
      const sweep = async () => {
        const named = new Set<string>();
        for (const source of sources) {
          for (const key of await source.referenced(db, batch)) named.add(key);
        }
        for (const key of batch) {
          if (named.has(key)) continue;
          await files.delete(key);
          deleted.push(key);
        }
        batch = [];
      };
      for await (const file of files.list()) {
        if (file.writtenAt.getTime() > cutoff) continue;
        checked++;
        batch.push(file.key);
        if (batch.length >= batchSize) await sweep();
      }
      if (batch.length > 0) await sweep();
      if (deleted.length > 0) {
        logger.info(
          { checked, deleted: deleted.length, keys: deleted.slice(0, 20) },
          'deleted orphaned files',
        );
      }
    },
  };
}

/** The sweep and its hourly schedule (at 40 minutes past, away from the other hourly scans). */
export function fileStoreJobs(files: FileStore) {
  const recurring: RecurringJob[] = [
    { type: orphanSweepJobType, everyMs: 60 * 60_000, offsetMs: 40 * 60_000 },
  ];
  return { jobs: [orphanSweepJob(files)], recurring };
}
