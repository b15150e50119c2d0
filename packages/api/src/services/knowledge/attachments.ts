import {
  deleteAttachmentRow,
  findAttachment,
  findResourceBySlug,
  insertAttachment,
  lockResource,
} from '@brobygger/db';
import { type Actor, canReadAudience } from '@brobygger/domain';
import { enqueueJob } from '@brobygger/jobs';
import type { ReceivedFile } from '../../files/upload.ts';
import { indexLater } from '../../search/index-later.ts';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { discardUpload, fileStoreOf, receiveUpload, storeReceived, type UploadInput } from '../uploads.ts';

/** The job that extracts an attachment's text for search (jobs/knowledge.ts). */
export const extractTextJobType = 'knowledge.extract-text';
/** Types whose text is extracted. */
export const extractableTypes = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
]);

/**
 * Staff attach a file to a resource. The upload streams to a temporary file, is checked (name,
 * size, type from its bytes), then moves into the file store under a generated key; the row,
 * the search update and the text extraction job commit together. Any failure leaves no file.
 */
export async function addAttachment(ctx: UseCaseContext, slug: string, upload: UploadInput) {
  const resource = await findResourceBySlug(ctx.deps.db, slug);
  if (!resource) {
    await discardUpload(upload);
    throw notFound('Ressourcen findes ikke.');
  }
  const received: ReceivedFile = await receiveUpload(upload);
  const attachment = await storeReceived(ctx, received, (stored) =>
    transaction(ctx, async (tx, db) => {
      const locked = await lockResource(db, slug);
      if (!locked) throw notFound('Ressourcen findes ikke.');
      const id = await insertAttachment(db, {
        resource_id: locked.id,
        storage_key: stored.key,
        file_name: received.fileName,
        content_type: received.contentType,
        size_bytes: stored.size,
        uploaded_by: ctx.actorId,
      });
      if (extractableTypes.has(received.contentType)) {
        await enqueueJob(db, {
          type: extractTextJobType,
          payload: { attachmentId: id },
          key: `${extractTextJobType}:${id}`,
        });
        tx.deps.onJobsQueued?.();
      }
      await indexLater(db, 'resource', locked.id);
      await audit(tx, {
        action: 'resource.attachment-added',
        targetType: 'resource',
        targetId: String(locked.id),
        details: { attachment: id, type: received.contentType, size: stored.size },
      });
      return {
        id,
        fileName: received.fileName,
        contentType: received.contentType,
        sizeBytes: stored.size,
        url: `/api/attachments/${id}`,
      };
    }),
  );
  return { attachment, fields: received.fields };
}

/** Where a browser form's upload returns to: only a path on this site. */
export function uploadRedirectTarget(fields: Record<string, string>, slug: string): string {
  const wanted = fields.redirect ?? '';
  return /^\/viden\/[a-z0-9-]+(?:\/[a-z0-9-]+)?$/.test(wanted) ? wanted : `/viden/${slug}/rediger`;
}

export async function removeAttachment(ctx: UseCaseContext, id: number) {
  const key = await transaction(ctx, async (tx, db) => {
    const attachment = await findAttachment(db, id);
    if (!attachment) throw notFound('Vedhæftningen findes ikke.');
    await deleteAttachmentRow(db, id);
    await indexLater(db, 'resource', attachment.resource_id);
    await audit(tx, {
      action: 'resource.attachment-removed',
      targetType: 'resource',
      targetId: String(attachment.resource_id),
      details: { attachment: id },
    });
    return attachment.storage_key;
  });
  await fileStoreOf(ctx).delete(key);
}

/** An attachment for download, only to those in its resource's audience (404 to anyone else). */
export async function openAttachment(ctx: UseCaseContext, actor: Actor, id: number) {
  const attachment = await findAttachment(ctx.deps.db, id);
  if (!attachment || !canReadAudience(actor, attachment.audience))
    throw notFound('Vedhæftningen findes ikke.');
  const file = await fileStoreOf(ctx).open(attachment.storage_key);
  if (!file) throw notFound('Filen findes ikke længere.');
  return {
    stream: file.stream,
    size: file.size,
    fileName: attachment.file_name,
    contentType: attachment.content_type,
    inline: attachment.content_type.startsWith('image/'),
    isPublic: attachment.audience === 'public',
  };
}
