// Knowledge (issue 11): the background work of the library and the forum.
//  - `knowledge.extract-text` {attachmentId}: reads a PDF (unpdf) or an Office file (officeparser:
//    docx, xlsx, pptx, odt) from the file store and keeps its text for search; the resource is
//    then indexed again. Enqueued with the upload.
//  - `forum.digest-scan`, hourly: one `forum.digest` {userId} per follower with new posts whose
//    last digest is over an hour old (the key holds the hour, so a second scan adds nothing).
//  - `forum.digest` {userId}: re-reads the new visible posts in what the user follows, mails them
//    in one message with the unsubscribe link, and moves the user's mark — in one transaction,
//    and only if an hour has passed, so a second run sends nothing.
import {
  enqueueEmail,
  enqueueJob,
  findAttachment,
  findUserById,
  lockDigestState,
  markDigestSent,
  newPostsFor,
  setAttachmentText,
  usersDueForDigest,
} from '@brobygger/db';
import { type JobDefinition, PermanentJobError, type RecurringJob } from '@brobygger/jobs';
import { z } from 'zod';
import type { FileStore } from '../files/store.ts';
import { indexLater } from '../search/index-later.ts';
import { extractTextJobType } from '../services/knowledge/attachments.ts';
import { encodeUnsubscribeToken } from '../services/knowledge/forum.ts';
import { markdownToText } from '../services/knowledge/markdown.ts';

export const digestScanJobType = 'forum.digest-scan';
export const digestJobType = 'forum.digest';
const hour = 60 * 60_000;
/** The most text kept from one attachment. */
export const maxExtractedChars = 500_000;

async function readAll(stream: NodeJS.ReadableStream, size: number): Promise<Uint8Array> {
  // One buffer of the file's size: the text extractors need the whole file at once.
  const buffer = new Uint8Array(size);
  let offset = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    buffer.set(chunk.subarray(0, Math.max(0, size - offset)), offset);
    offset += chunk.length;
  }
  return offset === size ? buffer : buffer.subarray(0, Math.min(offset, size));
}

/** The text of a stored file by its type (PDF or Office); '' for anything else. */
export async function extractFileText(contentType: string, bytes: Uint8Array): Promise<string> {
  if (contentType === 'application/pdf') {
    const { extractText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(bytes);
    try {
      const { text } = await extractText(pdf, { mergePages: true });
      return text;
    } finally {
      await pdf.destroy();
    }
  }
  const { parseOfficeAsync } = await import('officeparser');
  return parseOfficeAsync(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    outputErrorToConsole: false,
  });
}

export function extractTextJob(files: FileStore | undefined): JobDefinition<{ attachmentId: number }> {
  return {
    type: extractTextJobType,
    payload: z.object({ attachmentId: z.number().int().positive() }),
    maxAttempts: 3,
    async handler({ attachmentId }, { db, logger }) {
      if (!files) throw new PermanentJobError('no file store in this process');
      const attachment = await findAttachment(db, attachmentId);
      if (!attachment || attachment.extracted_at) return; // removed meanwhile, or done already
      const file = await files.open(attachment.storage_key);
      if (!file) return;
      let text: string;
      try {
        text = await extractFileText(attachment.content_type, await readAll(file.stream, file.size));
      } catch (error) {
        // A damaged or encrypted file will not read better next time: keep it without text.
        logger.warn({ err: error, attachmentId }, 'text extraction failed');
        text = '';
      }
      const clean = text
        .replaceAll(String.fromCharCode(0), '')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, maxExtractedChars);
      await db.transaction().execute(async (trx) => {
        await setAttachmentText(trx, attachmentId, clean);
        await indexLater(trx, 'resource', attachment.resource_id);
      });
    },
  };
}

function digestMessage(
  to: string,
  name: string,
  posts: { id: number; body: string; thread_id: number; thread_title: string; author_name: string | null }[],
  publicUrl: string,
  unsubscribe: string,
) {
  const byThread = new Map<number, typeof posts>();
  for (const post of posts) byThread.set(post.thread_id, [...(byThread.get(post.thread_id) ?? []), post]);
  const sections = [...byThread.values()].map((list) => {
    const first = list[0] as (typeof posts)[number];
    const lines = list.map((post) => {
      const text = markdownToText(post.body);
      return `- ${post.author_name ?? 'slettet bruger'}: ${text.length > 300 ? `${text.slice(0, 300)} …` : text}`;
    });
    return `${first.thread_title}\n${publicUrl}/forum/traad/${first.thread_id}\n${lines.join('\n')}`;
  });
  return {
    to,
    kind: 'forum-digest',
    subject: `Nyt i forummet: ${posts.length} ${posts.length === 1 ? 'indlæg' : 'indlæg'}`,
    text: `Hej ${name}\n\nDer er nye indlæg i det, du følger i Brobyggers forum:\n\n${sections.join('\n\n')}\n\nVil du ikke have flere af disse mails? Afmeld alt, du følger, her (du skal ikke logge ind):\n${publicUrl}/forum/afmeld?token=${unsubscribe}\n\nVenlig hilsen\nBrobygger – Skanderborg Kommune`,
  };
}

export function forumDigestJobs(publicUrl: string) {
  const scan: JobDefinition = {
    type: digestScanJobType,
    async handler(_payload, { db, now }) {
      const due = await usersDueForDigest(db, new Date(now.getTime() - hour));
      const bucket = Math.floor(now.getTime() / hour);
      for (const userId of due) {
        await enqueueJob(db, {
          type: digestJobType,
          payload: { userId },
          key: `${digestJobType}:${userId}:${bucket}`,
        });
      }
    },
  };
  const digest: JobDefinition<{ userId: string }> = {
    type: digestJobType,
    payload: z.object({ userId: z.uuid() }),
    async handler({ userId }, { db, now }) {
      await db.transaction().execute(async (trx) => {
        const state = await lockDigestState(trx, userId);
        if (!state) return;
        // At most one digest an hour per user.
        if (state.last_sent_at && now.getTime() - new Date(state.last_sent_at).getTime() < hour) return;
        const user = await findUserById(trx, userId);
        if (!user || user.disabled_at) return;
        const posts = await newPostsFor(trx, userId, state.last_post_id);
        if (posts.length === 0) return;
        await enqueueEmail(
          trx,
          digestMessage(
            user.email,
            user.display_name,
            posts,
            publicUrl,
            encodeUnsubscribeToken(state.unsubscribe_token),
          ),
        );
        await markDigestSent(trx, userId, Math.max(...posts.map((post) => post.id)), now);
      });
    },
  };
  const recurring: RecurringJob[] = [{ type: digestScanJobType, everyMs: hour }];
  return { jobs: [scan, digest], recurring };
}
