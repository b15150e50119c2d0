import { listStatusWorkOf } from '@brobygger/db';
import type { UseCaseContext } from '../context.ts';

const iso = (date: Date | string) => new Date(date).toISOString();

/**
 * What the user wrote in the status reports (issue 13), for the export of their data: kept after
 * the account is deleted (the steering group's record), shown then without an author.
 */
export async function exportStatusWork(ctx: UseCaseContext, userId: string) {
  const work = await listStatusWorkOf(ctx.deps.db, userId);
  return {
    descriptionRevisions: work.descriptions.map((row) => ({ ...row, createdAt: iso(row.createdAt) })),
    reportRevisions: work.revisions.map((row) => ({ ...row, createdAt: iso(row.createdAt) })),
    stateChanges: work.transitions.map((row) => ({ ...row, createdAt: iso(row.createdAt) })),
    comments: work.comments.map((row) => ({ ...row, createdAt: iso(row.createdAt) })),
    /** Files they uploaded to reports: names, types and sizes (the files are the area's record). */
    uploadedAttachments: work.attachments.map((row) => ({ ...row, createdAt: iso(row.createdAt) })),
  };
}
