import { type Database, referencedAttachmentKeys, referencedReportAttachmentKeys } from '@brobygger/db';
import type { Kysely } from 'kysely';

/**
 * Which stored files a feature's rows still name. The orphan sweep (jobs/files.ts) deletes a file
 * older than an hour only when no source below names its key, so **a feature that stores files in
 * the file store adds its source here**, or the sweep deletes its files an hour after they are
 * written (ADR 0018). files/references.test.ts fails while a column named `storage_key` in the
 * database is not listed under some source's `columns`.
 */
export interface FileReferenceSource {
  /** The feature, for the sweep's log. */
  feature: string;
  /** The `table.column`s that hold its keys. */
  columns: readonly string[];
  /** Of `keys` (at most a batch of a few hundred), those its rows still name. */
  referenced(db: Kysely<Database>, keys: readonly string[]): Promise<readonly string[]>;
}

export const fileReferenceSources: readonly FileReferenceSource[] = [
  // Knowledge (issue 11): the library's attachments.
  {
    feature: 'knowledge',
    columns: ['resource_attachments.storage_key'],
    referenced: referencedAttachmentKeys,
  },
  // Status reports (issue 13): the reports' uploaded attachments.
  {
    feature: 'status',
    columns: ['status_report_attachments.storage_key'],
    referenced: referencedReportAttachmentKeys,
  },
];
