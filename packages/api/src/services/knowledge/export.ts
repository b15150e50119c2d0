import type { UseCaseContext } from '../context.ts';

const iso = (date: Date | string | null) => (date ? new Date(date).toISOString() : null);

/** What the knowledge feature holds about a user, for their data export (issue 11). */
export async function exportKnowledgeData(ctx: UseCaseContext, userId: string) {
  const db = ctx.deps.db;
  const [posts, suggestions, follows, flags] = await Promise.all([
    db
      .selectFrom('forum_posts')
      .innerJoin('forum_threads', 'forum_threads.id', 'forum_posts.thread_id')
      .select([
        'forum_posts.id',
        'forum_posts.thread_id',
        'forum_threads.title',
        'forum_posts.body',
        'forum_posts.created_at',
      ])
      .where('forum_posts.author_id', '=', userId)
      .orderBy('forum_posts.id')
      .execute(),
    db
      .selectFrom('resource_suggestions')
      .select(['id', 'resource_id', 'title', 'note', 'status', 'created_at'])
      .where('author_id', '=', userId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('forum_follows')
      .select(['thread_id', 'category', 'created_at'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('forum_flags')
      .select(['post_id', 'reason', 'note', 'created_at'])
      .where('reporter_id', '=', userId)
      .execute(),
  ]);
  return {
    forumPosts: posts.map((post) => ({
      id: post.id,
      threadId: post.thread_id,
      threadTitle: post.title,
      body: post.body,
      createdAt: iso(post.created_at),
    })),
    resourceSuggestions: suggestions.map((row) => ({
      id: row.id,
      resourceId: row.resource_id,
      title: row.title,
      note: row.note,
      status: row.status,
      createdAt: iso(row.created_at),
    })),
    forumFollows: follows.map((row) => ({
      threadId: row.thread_id,
      category: row.category,
      since: iso(row.created_at),
    })),
    forumFlags: flags.map((row) => ({
      postId: row.post_id,
      reason: row.reason,
      note: row.note,
      createdAt: iso(row.created_at),
    })),
  };
}
