import { randomBytes } from 'node:crypto';
import {
  deleteFollowsOf,
  ensureDigestState,
  findDigestStateByToken,
  findForumFocusArea,
  findPost,
  findThread,
  findUserById,
  hasOpenFlagBy,
  insertFlag,
  insertModerationNote,
  insertPost,
  insertPostRevision,
  insertResource,
  insertResourceRevision,
  insertThread,
  listCategories,
  listFollows,
  listModerationQueue,
  listPostRevisions,
  listPosts,
  listThreads,
  lockPost,
  lockThread,
  resolveFlags,
  resourceSlugTaken,
  setFollow,
  updatePostRow,
  updateThreadRow,
} from '@brobygger/db';
import {
  type Actor,
  type CreateThreadInput,
  generalCategorySlug,
  isStaffActor,
  slugify,
  threadListPageSize,
} from '@brobygger/domain';
import { queueEmail } from '../../mail/send.ts';
import { indexLater } from '../../search/index-later.ts';
import { audit } from '../audit.ts';
import { type TransactionContext, transaction, type UseCaseContext } from '../context.ts';
import { conflict, forbidden, invalidField, invalidToken, notFound, notSignedIn } from '../errors.ts';
import { renderKnowledgeMarkdown } from './markdown.ts';
import { mentionTargets } from './mentions.ts';

/** How a post by a deleted account is signed. */
export const deletedUserName = 'slettet bruger';
const iso = (date: Date | string | null) => (date === null ? null : new Date(date).toISOString());

export async function readCategories(ctx: UseCaseContext) {
  const rows = await listCategories(ctx.deps.db);
  return rows.map((row) => ({
    slug: row.slug ?? generalCategorySlug,
    name: row.name,
    threads: row.threads,
    lastPostAt: iso(row.last_post_at),
  }));
}

/** The focus area of a category slug: null for the general one; unknown slugs are "not found". */
async function categoryArea(ctx: UseCaseContext, slug: string) {
  if (slug === generalCategorySlug) return null;
  const area = await findForumFocusArea(ctx.deps.db, slug);
  if (!area) throw notFound('Kategorien findes ikke.');
  return area;
}

export async function readCategory(ctx: UseCaseContext, slug: string, page: number) {
  const area = await categoryArea(ctx, slug);
  const { rows, total } = await listThreads(ctx.deps.db, {
    focusAreaId: area?.id ?? null,
    limit: threadListPageSize,
    offset: (page - 1) * threadListPageSize,
  });
  return {
    category: { slug, name: area?.name ?? null },
    threads: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      authorName: row.author_name ?? deletedUserName,
      answered: row.answered,
      locked: row.locked,
      replies: row.replies,
      lastPostAt: iso(row.last_post_at) as string,
      createdAt: iso(row.created_at) as string,
    })),
    total,
    page,
    pageSize: threadListPageSize,
  };
}

export async function readThread(ctx: UseCaseContext, actor: Actor, id: number) {
  const db = ctx.deps.db;
  const staff = isStaffActor(actor);
  const thread = await findThread(db, id);
  if (!thread || (thread.hidden_at && !staff)) throw notFound('Tråden findes ikke.');
  const posts = await listPosts(db, id, { withHidden: staff });
  const mentions = await mentionTargets(db, actor, ...posts.map((post) => post.body));
  const userId = actor?.userId ?? null;
  const isAsker = userId !== null && thread.author_id === userId;
  const following = userId
    ? (await listFollows(db, userId)).some(
        (follow) =>
          follow.thread_id === id || follow.category === (thread.category_slug ?? generalCategorySlug),
      )
    : false;
  const shaped = posts.map((post) => ({
    id: post.id,
    authorName: post.author_id ? (post.author_name ?? deletedUserName) : deletedUserName,
    mine: userId !== null && post.author_id === userId,
    body: post.body,
    bodyHtml: renderKnowledgeMarkdown(post.body, mentions),
    opening: post.is_opening,
    accepted: thread.accepted_post_id === post.id,
    hidden: post.hidden_at !== null,
    edited: post.edited_at !== null,
    revisions: post.revisions,
    createdAt: iso(post.created_at) as string,
    editedAt: iso(post.edited_at),
    canEdit: staff || (userId !== null && post.author_id === userId && !thread.locked_at),
  }));
  // The question first, then the accepted answer, then the rest in order.
  const opening = shaped.filter((post) => post.opening);
  const accepted = shaped.filter((post) => post.accepted && !post.opening);
  const rest = shaped.filter((post) => !post.opening && !post.accepted);
  return {
    thread: {
      id: thread.id,
      kind: thread.kind,
      title: thread.title,
      category: { slug: thread.category_slug ?? generalCategorySlug, name: thread.category_name },
      authorName: thread.author_id ? (thread.author_name ?? deletedUserName) : deletedUserName,
      locked: thread.locked_at !== null,
      hidden: thread.hidden_at !== null,
      acceptedPostId: thread.accepted_post_id,
      resourceSlug: thread.resource_slug,
      createdAt: iso(thread.created_at) as string,
    },
    posts: [...opening, ...accepted, ...rest],
    viewer: {
      canReply: userId !== null && (!thread.locked_at || staff) && !thread.hidden_at,
      canAccept: thread.kind === 'question' && (staff || isAsker),
      canModerate: staff,
      following,
    },
  };
}

async function followWithState(
  tx: TransactionContext,
  userId: string,
  target: { threadId: number } | { category: string },
) {
  await ensureDigestState(tx.deps.db, userId, randomBytes(24));
  await setFollow(tx.deps.db, userId, target, true);
}

export async function createThread(ctx: UseCaseContext, input: CreateThreadInput) {
  const userId = ctx.actorId;
  if (!userId) throw notSignedIn();
  const area = await categoryArea(ctx, input.category).catch(() => {
    throw invalidField('category', 'Ukendt kategori');
  });
  return transaction(ctx, async (tx, db) => {
    const now = new Date();
    const threadId = await insertThread(db, {
      focus_area_id: area?.id ?? null,
      kind: input.kind,
      title: input.title,
      author_id: userId,
      last_post_at: now,
    });
    const postId = await insertPost(db, {
      thread_id: threadId,
      author_id: userId,
      body: input.body,
      is_opening: true,
    });
    // The asker follows their own thread.
    await followWithState(tx, userId, { threadId });
    await indexLater(db, 'thread', threadId);
    await indexLater(db, 'post', postId);
    await audit(tx, {
      action: 'forum.thread-created',
      targetType: 'forum_thread',
      targetId: String(threadId),
    });
    return { id: threadId, postId };
  });
}

export async function replyToThread(ctx: UseCaseContext, actor: Actor, threadId: number, body: string) {
  const userId = ctx.actorId;
  if (!userId) throw notSignedIn();
  return transaction(ctx, async (tx, db) => {
    const thread = await lockThread(db, threadId);
    if (!thread || thread.hidden_at) throw notFound('Tråden findes ikke.');
    if (thread.locked_at && !isStaffActor(actor))
      throw conflict('Tråden er låst: der kan ikke svares i den.');
    const postId = await insertPost(db, { thread_id: threadId, author_id: userId, body });
    await updateThreadRow(db, threadId, { last_post_at: new Date() });
    await indexLater(db, 'post', postId);
    await audit(tx, { action: 'forum.replied', targetType: 'forum_post', targetId: String(postId) });
    return { id: postId, threadId };
  });
}

/** The author (while the thread is open) or staff edit a post; the old text is kept as a revision. */
export async function editPost(ctx: UseCaseContext, actor: Actor, postId: number, body: string) {
  const userId = ctx.actorId;
  if (!userId) throw notSignedIn();
  const staff = isStaffActor(actor);
  return transaction(ctx, async (tx, db) => {
    const post = await lockPost(db, postId);
    if (!post || (post.hidden_at && !staff)) throw notFound('Indlægget findes ikke.');
    const thread = await lockThread(db, post.thread_id);
    if (!thread || (thread.hidden_at && !staff)) throw notFound('Indlægget findes ikke.');
    if (!staff && post.author_id !== userId) throw forbidden('Du kan kun rette dine egne indlæg.');
    if (!staff && thread.locked_at) throw conflict('Tråden er låst: indlæg kan ikke rettes.');
    if (post.body === body) return { id: postId, threadId: post.thread_id };
    await insertPostRevision(db, {
      post_id: postId,
      body: post.body,
      editor_id: post.edited_at ? userId : post.author_id,
    });
    await updatePostRow(db, postId, { body, edited_at: new Date() });
    await indexLater(db, 'post', postId);
    if (post.is_opening) await indexLater(db, 'thread', post.thread_id);
    await audit(tx, { action: 'forum.post-edited', targetType: 'forum_post', targetId: String(postId) });
    return { id: postId, threadId: post.thread_id };
  });
}

export async function readPostHistory(ctx: UseCaseContext, actor: Actor, postId: number) {
  const staff = isStaffActor(actor);
  const post = await findPost(ctx.deps.db, postId);
  if (!post || ((post.hidden_at || post.thread_hidden_at) && !staff))
    throw notFound('Indlægget findes ikke.');
  const revisions = await listPostRevisions(ctx.deps.db, postId);
  return {
    post: {
      id: post.id,
      threadId: post.thread_id,
      threadTitle: post.thread_title,
      bodyHtml: renderKnowledgeMarkdown(post.body),
      editedAt: iso(post.edited_at),
    },
    revisions: revisions.map((revision) => ({
      id: revision.id,
      bodyHtml: renderKnowledgeMarkdown(revision.body),
      replacedAt: iso(revision.created_at) as string,
    })),
  };
}

/** The asker or staff mark (or, with null, unmark) the accepted answer of a question. */
export async function acceptAnswer(
  ctx: UseCaseContext,
  actor: Actor,
  threadId: number,
  postId: number | null,
) {
  const userId = ctx.actorId;
  if (!userId) throw notSignedIn();
  return transaction(ctx, async (tx, db) => {
    const thread = await lockThread(db, threadId);
    if (!thread || thread.hidden_at) throw notFound('Tråden findes ikke.');
    if (!isStaffActor(actor) && thread.author_id !== userId) {
      throw forbidden('Kun den, der spurgte, og medarbejdere kan vælge det accepterede svar.');
    }
    if (thread.kind !== 'question') throw conflict('Kun spørgsmål har et accepteret svar.');
    if (postId !== null) {
      const post = await findPost(db, postId);
      if (!post || post.thread_id !== threadId || post.hidden_at)
        throw invalidField('postId', 'Svaret findes ikke i tråden');
      if (post.is_opening) throw invalidField('postId', 'Spørgsmålet kan ikke være sit eget svar');
    }
    const before = thread.accepted_post_id;
    await updateThreadRow(db, threadId, { accepted_post_id: postId });
    if (before) await indexLater(db, 'post', before);
    if (postId) await indexLater(db, 'post', postId);
    await audit(tx, {
      action: postId ? 'forum.answer-accepted' : 'forum.answer-unaccepted',
      targetType: 'forum_thread',
      targetId: String(threadId),
      details: { postId },
    });
    return { acceptedPostId: postId };
  });
}

export async function flagPost(ctx: UseCaseContext, postId: number, input: { reason: string; note: string }) {
  const userId = ctx.actorId;
  if (!userId) throw notSignedIn();
  return transaction(ctx, async (tx, db) => {
    const post = await findPost(db, postId);
    if (!post || post.hidden_at || post.thread_hidden_at) throw notFound('Indlægget findes ikke.');
    if (await hasOpenFlagBy(db, postId, userId)) return { flagged: true, created: false };
    const id = await insertFlag(db, {
      post_id: postId,
      reporter_id: userId,
      reason: input.reason,
      note: input.note,
    });
    await audit(tx, {
      action: 'forum.post-flagged',
      targetType: 'forum_post',
      targetId: String(postId),
      details: { flag: id },
    });
    return { flagged: true, created: true };
  });
}

export async function readModerationQueue(ctx: UseCaseContext) {
  const rows = await listModerationQueue(ctx.deps.db);
  return rows.map((row) => ({
    postId: row.post_id,
    threadId: row.thread_id,
    threadTitle: row.thread_title,
    authorName: row.author_name ?? deletedUserName,
    bodyHtml: renderKnowledgeMarkdown(row.body),
    hidden: row.hidden_at !== null,
    flags: Number(row.flags),
    reasons: row.reasons,
    notes: row.notes,
    firstFlaggedAt: iso(row.first_flagged_at as Date) as string,
  }));
}

function moderationMessage(
  to: string,
  name: string,
  what: string,
  threadTitle: string,
  note: string,
  url: string,
) {
  return {
    to,
    kind: 'forum-moderation',
    subject: `Dit indlæg i "${threadTitle}"`,
    text: `Hej ${name}\n\n${what}\n\nBesked fra moderatoren:\n${note}\n\nTråden: ${url}\n\nVenlig hilsen\nBrobygger – Skanderborg Kommune`,
  };
}

/** Staff hide, restore, or dismiss the flags of a post; a note goes to its author by mail. */
export async function moderatePost(
  ctx: UseCaseContext,
  postId: number,
  input: { action: 'hide' | 'restore' | 'dismiss'; note: string },
) {
  return transaction(ctx, async (tx, db) => {
    const post = await lockPost(db, postId);
    if (!post) throw notFound('Indlægget findes ikke.');
    const thread = await lockThread(db, post.thread_id);
    if (!thread) throw notFound('Indlægget findes ikke.');
    if (input.action === 'hide') {
      await updatePostRow(db, postId, { hidden_at: new Date(), hidden_by: ctx.actorId });
      // Hiding the question hides the thread.
      if (post.is_opening) await updateThreadRow(db, thread.id, { hidden_at: new Date() });
      if (thread.accepted_post_id === postId)
        await updateThreadRow(db, thread.id, { accepted_post_id: null });
      await resolveFlags(db, postId, { resolved_by: ctx.actorId, resolution: 'hidden' });
    } else if (input.action === 'restore') {
      await updatePostRow(db, postId, { hidden_at: null, hidden_by: null });
      if (post.is_opening) await updateThreadRow(db, thread.id, { hidden_at: null });
      await resolveFlags(db, postId, { resolved_by: ctx.actorId, resolution: 'restored' });
    } else {
      await resolveFlags(db, postId, { resolved_by: ctx.actorId, resolution: 'dismissed' });
    }
    await insertModerationNote(db, {
      thread_id: thread.id,
      post_id: postId,
      action: input.action,
      note: input.note,
      staff_id: ctx.actorId,
    });
    if (input.note && post.author_id) {
      const author = await findUserById(db, post.author_id);
      if (author) {
        const what =
          input.action === 'hide'
            ? 'En moderator har skjult dit indlæg.'
            : input.action === 'restore'
              ? 'En moderator har gjort dit indlæg synligt igen.'
              : 'En moderator har set på dit indlæg.';
        await queueEmail(
          tx.deps,
          moderationMessage(
            author.email,
            author.display_name,
            what,
            thread.title,
            input.note,
            `${ctx.deps.config.publicUrl}/forum/traad/${thread.id}`,
          ),
        );
      }
    }
    await indexLater(db, 'post', postId);
    if (post.is_opening) await indexLater(db, 'thread', thread.id);
    await audit(tx, {
      action: `forum.post-${input.action === 'dismiss' ? 'flags-dismissed' : input.action === 'hide' ? 'hidden' : 'restored'}`,
      targetType: 'forum_post',
      targetId: String(postId),
    });
    return {
      hidden: input.action === 'hide' ? true : input.action === 'restore' ? false : post.hidden_at !== null,
    };
  });
}

/** Staff lock or unlock a thread, or move it to another category. */
export async function moderateThread(
  ctx: UseCaseContext,
  threadId: number,
  input: { locked?: boolean | undefined; category?: string | undefined },
) {
  let focusAreaId: number | null | undefined;
  if (input.category !== undefined) {
    const area = await categoryArea(ctx, input.category).catch(() => {
      throw invalidField('category', 'Ukendt kategori');
    });
    focusAreaId = area?.id ?? null;
  }
  return transaction(ctx, async (tx, db) => {
    const thread = await lockThread(db, threadId);
    if (!thread) throw notFound('Tråden findes ikke.');
    await updateThreadRow(db, threadId, {
      ...(input.locked !== undefined ? { locked_at: input.locked ? new Date() : null } : {}),
      ...(focusAreaId !== undefined ? { focus_area_id: focusAreaId } : {}),
    });
    const action = [
      input.locked === true ? 'lock' : input.locked === false ? 'unlock' : '',
      input.category ? 'move' : '',
    ]
      .filter(Boolean)
      .join('+');
    await insertModerationNote(db, {
      thread_id: threadId,
      post_id: null,
      action: action || 'none',
      note: '',
      staff_id: ctx.actorId,
    });
    await indexLater(db, 'thread', threadId);
    await audit(tx, {
      action: 'forum.thread-moderated',
      targetType: 'forum_thread',
      targetId: String(threadId),
      details: input,
    });
    return { locked: input.locked ?? thread.locked_at !== null };
  });
}

export async function followTarget(
  ctx: UseCaseContext,
  input: { target: 'thread' | 'category'; id: string; follow: boolean },
) {
  const userId = ctx.actorId;
  if (!userId) throw notSignedIn();
  let target: { threadId: number } | { category: string };
  if (input.target === 'thread') {
    const id = Number(input.id);
    const thread =
      Number.isInteger(id) && id > 0 && id < 2_147_483_647 ? await findThread(ctx.deps.db, id) : undefined;
    if (!thread || thread.hidden_at) throw notFound('Tråden findes ikke.');
    target = { threadId: id };
  } else {
    if (!/^[a-z0-9-]{1,100}$/.test(input.id)) throw notFound('Kategorien findes ikke.');
    await categoryArea(ctx, input.id);
    target = { category: input.id };
  }
  await transaction(ctx, async (tx, db) => {
    if (input.follow) await followWithState(tx, userId, target);
    else await setFollow(db, userId, target, false);
  });
  return { following: input.follow };
}

export async function readMyFollows(ctx: UseCaseContext) {
  const userId = ctx.actorId;
  if (!userId) throw notSignedIn();
  const rows = await listFollows(ctx.deps.db, userId);
  return rows.map((row) =>
    row.thread_id
      ? { target: 'thread' as const, id: String(row.thread_id), title: row.thread_title ?? '' }
      : { target: 'category' as const, id: row.category ?? '', title: row.category ?? '' },
  );
}

export const encodeUnsubscribeToken = (token: Uint8Array) => Buffer.from(token).toString('base64url');

/** The unsubscribe link of a digest: ends every follow of its owner, without signing in. */
export async function unsubscribeFromDigests(ctx: UseCaseContext, token: string) {
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== 24) throw invalidToken();
  await transaction(ctx, async (tx, db) => {
    const state = await findDigestStateByToken(db, raw);
    if (!state) throw invalidToken();
    await deleteFollowsOf(db, state.user_id);
    await audit(tx, {
      action: 'forum.unsubscribed',
      targetType: 'user',
      targetId: state.user_id,
      actorId: state.user_id,
    });
  });
  return { unsubscribed: true };
}

/** Staff turn a question's accepted answer into a resource; the thread and the resource link to each other. */
export async function answerToResource(ctx: UseCaseContext, threadId: number) {
  return transaction(ctx, async (tx, db) => {
    const thread = await lockThread(db, threadId);
    if (!thread || thread.hidden_at) throw notFound('Tråden findes ikke.');
    if (!thread.accepted_post_id) throw conflict('Tråden har intet accepteret svar.');
    if (thread.resource_id) throw conflict('Svaret er allerede gjort til en ressource.');
    const answer = await findPost(db, thread.accepted_post_id);
    if (!answer || answer.hidden_at) throw conflict('Det accepterede svar er skjult.');
    const area = thread.focus_area_id
      ? await db
          .selectFrom('focus_areas')
          .select('slug')
          .where('id', '=', thread.focus_area_id)
          .executeTakeFirst()
      : undefined;
    const base = (slugify(thread.title) || 'svar').slice(0, 90).replace(/-+$/, '') || 'svar';
    let slug = base;
    for (let n = 2; await resourceSlugTaken(db, slug); n += 1) slug = `${base}-${n}`;
    const body = `${answer.body}\n\n*Fra forummet: [${thread.title.replace(/[[\]\\]/g, '')}](/forum/traad/${thread.id})*`;
    const summary = `Svar fra forummet på spørgsmålet "${thread.title}"`.slice(0, 500);
    const id = await insertResource(db, {
      slug,
      kind: 'guide',
      title: thread.title,
      summary,
      body,
      url: null,
      audience: 'public',
      revision: 1,
      created_by: ctx.actorId,
      last_reviewed_at: new Date(),
      last_reviewed_by: ctx.actorId,
      source_post_id: answer.id,
    });
    if (area) {
      const areaRow = await db
        .selectFrom('focus_areas')
        .select('id')
        .where('slug', '=', area.slug)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('resource_focus_areas')
        .values({ resource_id: id, focus_area_id: areaRow.id })
        .execute();
    }
    await insertResourceRevision(db, {
      resource_id: id,
      number: 1,
      kind: 'guide',
      title: thread.title,
      summary,
      body,
      url: null,
      audience: 'public',
      tags: [],
      focus_areas: area ? [area.slug] : [],
      note: 'Oprettet fra et accepteret svar i forummet',
      author_id: ctx.actorId,
    });
    await updateThreadRow(db, thread.id, { resource_id: id });
    await indexLater(db, 'resource', id);
    await audit(tx, {
      action: 'forum.answer-to-resource',
      targetType: 'resource',
      targetId: String(id),
      details: { threadId, postId: answer.id },
    });
    return { slug };
  });
}
