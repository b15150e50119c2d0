import {
  countReportAttachments,
  deleteReport,
  deleteReportAttachment,
  findReport,
  findReportAttachment,
  insertReportAttachment,
  type ReportRow,
} from '@brobygger/db';
import { type Actor, maxReportFiles, type ReportState, reportTransition } from '@brobygger/domain';
import { audit } from '../audit.ts';
import { type TransactionContext, transaction, type UseCaseContext } from '../context.ts';
import { conflict, forbidden, notFound, type UseCaseError } from '../errors.ts';
import { discardUpload, fileStoreOf, receiveUpload, storeReceived, type UploadInput } from '../uploads.ts';
import { attachmentView } from './attachment-view.ts';
import { mayReadFiles } from './reports.ts';
import { ensure, publicDataChanged } from './shared.ts';

// Files uploaded to a status report (issue 13, ADR 0015 and 0018): the area's lead owners add and
// remove them while the report is a draft or returned; whoever may read the report downloads them.
// The bytes live in the file store; the database keeps the key, the name, the type and the size.

/** Why a browser form's upload was refused, besides the upload's own reasons (files/upload.ts). */
export type ReportUploadRefusal = 'frozen' | 'too-many';

const withReason = <E extends UseCaseError>(error: E, reason: ReportUploadRefusal) =>
  Object.assign(error, { reason });

const editMessage = 'Kun fokusområdets tovholder kan ændre rapportens bilag.';
const tooMany = () =>
  withReason(
    conflict(`Rapporten har allerede ${maxReportFiles} filer. Fjern en, før du vedhæfter en ny.`),
    'too-many',
  );

/** The checks an upload or a removal passes: the area's lead owner, a report still open to edits. */
function ensureEditable(actor: Actor, report: ReportRow) {
  ensure(actor, 'status:edit', report.areaSlug, editMessage);
  const step = reportTransition(report.state as ReportState, { type: 'edit' });
  if (!step.ok) throw withReason(conflict(step.message), 'frozen');
}

async function lockedReport(tx: TransactionContext, id: number): Promise<ReportRow> {
  const report = await findReport(tx.deps.db, id, { lock: true });
  if (!report) throw notFound('Statusrapporten findes ikke');
  return report;
}

/** Deletes stored files after their rows' commit; a failure leaves an orphan file, never a row without one. */
async function deleteStoredFiles(ctx: UseCaseContext, keys: string[]) {
  const files = fileStoreOf(ctx);
  for (const key of keys) {
    try {
      await files.delete(key);
    } catch (error) {
      ctx.deps.logger.warn({ err: error, key }, 'a deleted attachment’s file could not be removed');
    }
  }
}

/**
 * The lead owner attaches a file to a draft or returned report. Who and which report are checked
 * before the body is read; the upload then streams to a temporary file and is checked (name, size,
 * type from its bytes), moves into the file store, and its row and audit entry commit with the
 * report locked and checked again (a report submitted meanwhile refuses it). Any failure leaves
 * no file behind.
 */
export async function addReportAttachment(
  ctx: UseCaseContext,
  actor: Actor,
  id: number,
  upload: UploadInput,
) {
  const report = await findReport(ctx.deps.db, id);
  if (!report) {
    await discardUpload(upload);
    throw notFound('Statusrapporten findes ikke');
  }
  try {
    ensureEditable(actor, report);
    if ((await countReportAttachments(ctx.deps.db, id)) >= maxReportFiles) throw tooMany();
  } catch (error) {
    await discardUpload(upload);
    throw error;
  }
  const received = await receiveUpload(upload);
  const row = await storeReceived(ctx, received, (stored) =>
    transaction(ctx, async (tx, db) => {
      const locked = await lockedReport(tx, id);
      ensureEditable(actor, locked);
      if ((await countReportAttachments(db, id)) >= maxReportFiles) throw tooMany();
      const inserted = await insertReportAttachment(db, {
        reportId: id,
        storageKey: stored.key,
        fileName: received.fileName,
        contentType: received.contentType,
        sizeBytes: stored.size,
        uploadedBy: ctx.actorId,
      });
      await audit(tx, {
        action: 'status-report.attachment-added',
        targetType: 'status_report',
        targetId: String(id),
        details: { attachment: inserted.id, type: received.contentType, size: stored.size },
      });
      return inserted;
    }),
  );
  return { attachment: attachmentView(row), editPath: editPathOf(report) };
}

/** The lead owner's page of a report (where a browser form's upload returns to). */
const editPathOf = (report: ReportRow) => `/tovholder/${report.areaSlug}/rapporter/${report.id}`;

/**
 * Where a browser form's refused upload returns to: the report's page, for a caller who may edit
 * the area (anyone else gets the API's answer).
 */
export async function reportEditPath(ctx: UseCaseContext, actor: Actor, id: number) {
  const report = await findReport(ctx.deps.db, id);
  if (!report) return undefined;
  try {
    ensure(actor, 'status:edit', report.areaSlug);
  } catch {
    return undefined;
  }
  return editPathOf(report);
}

/** The lead owner removes a file from a draft or returned report; the stored file goes after the commit. */
export async function removeReportAttachment(
  ctx: UseCaseContext,
  actor: Actor,
  id: number,
  attachmentId: number,
) {
  const key = await transaction(ctx, async (tx, db) => {
    const report = await lockedReport(tx, id);
    ensureEditable(actor, report);
    const attachment = await findReportAttachment(db, id, attachmentId);
    if (!attachment) throw notFound('Bilaget findes ikke');
    await deleteReportAttachment(db, attachment.id);
    await audit(tx, {
      action: 'status-report.attachment-removed',
      targetType: 'status_report',
      targetId: String(id),
      details: { attachment: attachment.id, fileName: attachment.fileName },
    });
    return attachment.storageKey;
  });
  await deleteStoredFiles(ctx, [key]);
}

/**
 * A file of a report, for download, to the area's lead owners, the steering group and admins, and
 * staff once the report is submitted; to nobody else (403: not a lead owner of another area, though
 * they read a submitted report's text). Never public: the public status shows an acknowledged
 * report's summary, not its attachments.
 */
export async function openReportAttachment(
  ctx: UseCaseContext,
  actor: Actor,
  id: number,
  attachmentId: number,
) {
  const report = await findReport(ctx.deps.db, id);
  if (!report) throw notFound('Statusrapporten findes ikke');
  if (!mayReadFiles(actor, report)) throw forbidden('Du har ikke adgang til rapportens bilag.');
  const attachment = await findReportAttachment(ctx.deps.db, id, attachmentId);
  if (!attachment) throw notFound('Bilaget findes ikke');
  const file = await fileStoreOf(ctx).open(attachment.storageKey);
  if (!file) throw notFound('Filen findes ikke længere');
  return {
    stream: file.stream,
    size: file.size,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    inline: attachment.contentType.startsWith('image/'),
    isPublic: false,
  };
}

/**
 * The lead owner deletes a draft that never reached the steering group, with everything of it:
 * revisions, indicator values and attachments (their files after the commit). A report that has
 * been submitted stays (409): it is part of the steering group's record.
 */
export async function deleteDraftReport(ctx: UseCaseContext, actor: Actor, id: number) {
  const { keys, slug } = await transaction(ctx, async (tx, db) => {
    const report = await lockedReport(tx, id);
    ensure(actor, 'status:edit', report.areaSlug, 'Kun fokusområdets tovholder kan slette rapporten.');
    if (report.state !== 'draft') {
      throw conflict('Kun en kladde kan slettes; en rapport, der har været indsendt, bliver i arkivet.');
    }
    const keys = await deleteReport(db, id);
    await audit(tx, {
      action: 'status-report.deleted',
      targetType: 'status_report',
      targetId: String(id),
      details: { focusArea: report.areaSlug, period: report.periodKey, files: keys.length },
    });
    return { keys, slug: report.areaSlug };
  });
  publicDataChanged(ctx);
  await deleteStoredFiles(ctx, keys);
  return { focusArea: slug };
}
