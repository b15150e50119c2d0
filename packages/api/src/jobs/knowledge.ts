// Knowledge (issue 11): the background work of the library and the forum.
//  - `knowledge.extract-text` {attachmentId}: a child process reads a PDF (unpdf) or an Office file
//    (officeparser: docx, xlsx, pptx, odt) from the file store and answers its text, which is kept
//    for search; the resource is then indexed again. Enqueued with the upload.
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
import {
  assertExtractionChildShipped,
  type ExtractionLimits,
  extractTextInChild,
  withLocalFile,
} from '../files/extract-text.ts';
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

/**
 * The text of an attachment for search. The extraction runs in a child process of its own that
 * reads the stored file by its path (files/extract-text.ts, ADR 0018), so the server's memory does
 * not grow by the file's size. A file the parsers cannot read is kept without text (retrying
 * cannot help); a child that times out, crashes or runs out of memory fails the job, which the
 * runner retries and in the end dead-letters.
 */
export function extractTextJob(
  files: FileStore | undefined,
  limits: Partial<ExtractionLimits> = {},
): JobDefinition<{ attachmentId: number }> {
  // A build that left the child's entry out fails at start-up, not at the first upload.
  assertExtractionChildShipped();
  return {
    type: extractTextJobType,
    payload: z.object({ attachmentId: z.number().int().positive() }),
    maxAttempts: 3,
    async handler({ attachmentId }, { db, logger }) {
      if (!files) throw new PermanentJobError('no file store in this process');
      const attachment = await findAttachment(db, attachmentId);
      if (!attachment || attachment.extracted_at) return; // removed meanwhile, or done already
      const started = Date.now();
      const result = await withLocalFile(files, attachment.storage_key, (path) =>
        extractTextInChild(path, attachment.content_type, { maxChars: maxExtractedChars, limits }),
      );
      if (!result) return; // the file is gone
      if (!result.readable) {
        logger.warn(
          { attachmentId, reason: result.message },
          'text extraction failed: the file cannot be read',
        );
      } else {
        logger.info(
          {
            attachmentId,
            chars: result.text.length,
            ms: Date.now() - started,
            childPeakRssMb: Math.round((result.childPeakRssBytes ?? 0) / 1024 / 1024),
          },
          'text extracted',
        );
      }
      await db.transaction().execute(async (trx) => {
        await setAttachmentText(trx, attachmentId, result.text);
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
