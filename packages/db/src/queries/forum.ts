import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database, ForumPostRow, ForumThreadRow } from '../schema.ts';

// The forum (issue 11): one function per query. Hidden threads and posts are left out of every
// list and count unless the caller asks for them (`withHidden`, for moderators).

export interface CategoryRow {
  /** A focus area's slug, or null for the general category. */
  focus_area_id: number | null;
  slug: string | null;
  name: string | null;
  threads: number;
  last_post_at: Date | null;
}

/** Every category (the general one and each of the six focus areas) with its visible threads. */
export async function listCategories(db: Kysely<Database>): Promise<CategoryRow[]> {
  const areas = await db
    .selectFrom('focus_areas')
    .leftJoin('forum_threads', (join) =>
      join
        .onRef('forum_threads.focus_area_id', '=', 'focus_areas.id')
        .on('forum_threads.hidden_at', 'is', null),
    )
    .select([
      'focus_areas.id as focus_area_id',
      'focus_areas.slug',
      'focus_areas.name',
      (eb) => eb.fn.count<string>('forum_threads.id').as('threads'),
      (eb) => eb.fn.max('forum_threads.last_post_at').as('last_post_at'),
    ])
    .groupBy(['focus_areas.id', 'focus_areas.slug', 'focus_areas.name', 'focus_areas.position'])
    .orderBy('focus_areas.position')
    .execute();
  const general = await db
    .selectFrom('forum_threads')
    .select([
      (eb) => eb.fn.countAll<string>().as('threads'),
      (eb) => eb.fn.max('last_post_at').as('last_post_at'),
    ])
    .where('focus_area_id', 'is', null)
    .where('hidden_at', 'is', null)
    .executeTakeFirstOrThrow();
  return [
    {
      focus_area_id: null,
      slug: null,
      name: null,
      threads: Number(general.threads),
      last_post_at: general.last_post_at as Date | null,
    },
    ...areas.map((row) => ({
      focus_area_id: row.focus_area_id,
      slug: row.slug,
      name: row.name,
      threads: Number(row.threads),
      last_post_at: row.last_post_at as Date | null,
    })),
  ];
}

export async function findForumFocusArea(db: Kysely<Database>, slug: string) {
  return db
    .selectFrom('focus_areas')
    .select(['id', 'slug', 'name'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export interface ThreadSummaryRow {
  id: number;
  kind: 'question' | 'discussion';
  title: string;
  author_name: string | null;
  answered: boolean;
  locked: boolean;
  replies: number;
  last_post_at: Date;
  created_at: Date;
}

export async function listThreads(
  db: Kysely<Database>,
  filters: { focusAreaId: number | null; limit: number; offset: number },
): Promise<{ rows: ThreadSummaryRow[]; total: number }> {
  let base = db.selectFrom('forum_threads').where('forum_threads.hidden_at', 'is', null);
  base =
    filters.focusAreaId === null
      ? base.where('forum_threads.focus_area_id', 'is', null)
      : base.where('forum_threads.focus_area_id', '=', filters.focusAreaId);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('users', 'users.id', 'forum_threads.author_id')
      .select([
        'forum_threads.id',
        'forum_threads.kind',
        'forum_threads.title',
        'users.display_name as author_name',
        sql<boolean>`forum_threads.accepted_post_id is not null`.as('answered'),
        sql<boolean>`forum_threads.locked_at is not null`.as('locked'),
        sql<number>`(select count(*)::int from forum_posts p where p.thread_id = forum_threads.id and p.hidden_at is null and not p.is_opening)`.as(
          'replies',
        ),
        'forum_threads.last_post_at',
        'forum_threads.created_at',
      ])
      .orderBy('forum_threads.last_post_at', 'desc')
      .orderBy('forum_threads.id', 'desc')
      .limit(filters.limit)
      .offset(filters.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type ThreadDetailRow = ForumThreadRow & {
  author_name: string | null;
  category_slug: string | null;
  category_name: string | null;
  resource_slug: string | null;
};

export async function findThread(db: Kysely<Database>, id: number): Promise<ThreadDetailRow | undefined> {
  return db
    .selectFrom('forum_threads')
    .leftJoin('users', 'users.id', 'forum_threads.author_id')
    .leftJoin('focus_areas', 'focus_areas.id', 'forum_threads.focus_area_id')
    .leftJoin('resources', 'resources.id', 'forum_threads.resource_id')
    .selectAll('forum_threads')
    .select([
      'users.display_name as author_name',
      'focus_areas.slug as category_slug',
      'focus_areas.name as category_name',
      'resources.slug as resource_slug',
    ])
    .where('forum_threads.id', '=', id)
    .executeTakeFirst();
}

export async function lockThread(db: Kysely<Database>, id: number): Promise<ForumThreadRow | undefined> {
  return db.selectFrom('forum_threads').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export type PostRow = ForumPostRow & { author_name: string | null; revisions: number };

export async function listPosts(
  db: Kysely<Database>,
  threadId: number,
  options: { withHidden: boolean },
): Promise<PostRow[]> {
  let query = db
    .selectFrom('forum_posts')
    .leftJoin('users', 'users.id', 'forum_posts.author_id')
    .selectAll('forum_posts')
    .select([
      'users.display_name as author_name',
      sql<number>`(select count(*)::int from forum_post_revisions r where r.post_id = forum_posts.id)`.as(
        'revisions',
      ),
    ])
    .where('forum_posts.thread_id', '=', threadId);
  if (!options.withHidden) query = query.where('forum_posts.hidden_at', 'is', null);
  return query.orderBy('forum_posts.id').limit(1000).execute();
}

export async function findPost(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('forum_posts')
    .innerJoin('forum_threads', 'forum_threads.id', 'forum_posts.thread_id')
    .leftJoin('users', 'users.id', 'forum_posts.author_id')
    .selectAll('forum_posts')
    .select([
      'users.display_name as author_name',
      'forum_threads.title as thread_title',
      'forum_threads.hidden_at as thread_hidden_at',
      'forum_threads.focus_area_id',
      'forum_threads.accepted_post_id',
      'forum_threads.author_id as thread_author_id',
    ])
    .where('forum_posts.id', '=', id)
    .executeTakeFirst();
}

export async function lockPost(db: Kysely<Database>, id: number): Promise<ForumPostRow | undefined> {
  return db.selectFrom('forum_posts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertThread(
  db: Kysely<Database>,
  values: Omit<Insertable<Database['forum_threads']>, 'id'>,
): Promise<number> {
  return (await db.insertInto('forum_threads').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertPost(
  db: Kysely<Database>,
  values: Omit<Insertable<Database['forum_posts']>, 'id'>,
): Promise<number> {
  return (await db.insertInto('forum_posts').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateThreadRow(
  db: Kysely<Database>,
  id: number,
  values: Partial<{
    focus_area_id: number | null;
    accepted_post_id: number | null;
    resource_id: number | null;
    locked_at: Date | null;
    hidden_at: Date | null;
    last_post_at: Date;
    title: string;
  }>,
) {
  await db
    .updateTable('forum_threads')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function updatePostRow(
  db: Kysely<Database>,
  id: number,
  values: Partial<{ body: string; edited_at: Date; hidden_at: Date | null; hidden_by: string | null }>,
) {
  await db.updateTable('forum_posts').set(values).where('id', '=', id).execute();
}

export async function insertPostRevision(
  db: Kysely<Database>,
  values: { post_id: number; body: string; editor_id: string | null },
) {
  await db.insertInto('forum_post_revisions').values(values).execute();
}

export async function listPostRevisions(db: Kysely<Database>, postId: number) {
  return db
    .selectFrom('forum_post_revisions')
    .leftJoin('users', 'users.id', 'forum_post_revisions.editor_id')
    .select([
      'forum_post_revisions.id',
      'forum_post_revisions.body',
      'forum_post_revisions.created_at',
      'users.display_name as editor_name',
    ])
    .where('forum_post_revisions.post_id', '=', postId)
    .orderBy('forum_post_revisions.id', 'desc')
    .execute();
}

// ---- Flags and moderation ----

export async function insertFlag(
  db: Kysely<Database>,
  values: { post_id: number; reporter_id: string; reason: string; note: string },
): Promise<number> {
  return (await db.insertInto('forum_flags').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function hasOpenFlagBy(db: Kysely<Database>, postId: number, reporterId: string) {
  return (
    (await db
      .selectFrom('forum_flags')
      .select('id')
      .where('post_id', '=', postId)
      .where('reporter_id', '=', reporterId)
      .where('resolved_at', 'is', null)
      .executeTakeFirst()) !== undefined
  );
}

/** The moderation queue: posts with open flags, the oldest flag first. */
export async function listModerationQueue(db: Kysely<Database>) {
  return db
    .selectFrom('forum_flags')
    .innerJoin('forum_posts', 'forum_posts.id', 'forum_flags.post_id')
    .innerJoin('forum_threads', 'forum_threads.id', 'forum_posts.thread_id')
    .leftJoin('users', 'users.id', 'forum_posts.author_id')
    .select([
      'forum_posts.id as post_id',
      'forum_posts.body',
      'forum_posts.hidden_at',
      'forum_threads.id as thread_id',
      'forum_threads.title as thread_title',
      'users.display_name as author_name',
      (eb) => eb.fn.countAll<string>().as('flags'),
      sql<string[]>`array_agg(distinct forum_flags.reason)`.as('reasons'),
      sql<string[]>`array_remove(array_agg(distinct nullif(forum_flags.note, '')), null)`.as('notes'),
      (eb) => eb.fn.min('forum_flags.created_at').as('first_flagged_at'),
    ])
    .where('forum_flags.resolved_at', 'is', null)
    .groupBy([
      'forum_posts.id',
      'forum_posts.body',
      'forum_posts.hidden_at',
      'forum_threads.id',
      'forum_threads.title',
      'users.display_name',
    ])
    .orderBy('first_flagged_at')
    .limit(200)
    .execute();
}

export async function resolveFlags(
  db: Kysely<Database>,
  postId: number,
  values: { resolved_by: string | null; resolution: string },
) {
  await db
    .updateTable('forum_flags')
    .set({ ...values, resolved_at: new Date() })
    .where('post_id', '=', postId)
    .where('resolved_at', 'is', null)
    .execute();
}

export async function insertModerationNote(
  db: Kysely<Database>,
  values: {
    thread_id: number;
    post_id: number | null;
    action: string;
    note: string;
    staff_id: string | null;
  },
) {
  await db.insertInto('forum_moderation_notes').values(values).execute();
}

// ---- Follows and digests ----

export async function setFollow(
  db: Kysely<Database>,
  userId: string,
  target: { threadId: number } | { category: string },
  follow: boolean,
) {
  const where = (query: import('kysely').DeleteQueryBuilder<Database, 'forum_follows', unknown>) =>
    'threadId' in target
      ? query.where('thread_id', '=', target.threadId)
      : query.where('category', '=', target.category);
  if (!follow) {
    await where(db.deleteFrom('forum_follows').where('user_id', '=', userId) as never).execute();
    return;
  }
  await db
    .insertInto('forum_follows')
    .values({
      user_id: userId,
      thread_id: 'threadId' in target ? target.threadId : null,
      category: 'category' in target ? target.category : null,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function listFollows(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('forum_follows')
    .leftJoin('forum_threads', 'forum_threads.id', 'forum_follows.thread_id')
    .select(['forum_follows.thread_id', 'forum_follows.category', 'forum_threads.title as thread_title'])
    .where('forum_follows.user_id', '=', userId)
    .orderBy('forum_follows.id')
    .execute();
}

export async function ensureDigestState(db: Kysely<Database>, userId: string, unsubscribeToken: Uint8Array) {
  const maxPost = await db
    .selectFrom('forum_posts')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  await db
    .insertInto('forum_digest_state')
    .values({ user_id: userId, unsubscribe_token: unsubscribeToken, last_post_id: Number(maxPost?.id ?? 0) })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

export async function findDigestStateByToken(db: Kysely<Database>, token: Uint8Array) {
  return db
    .selectFrom('forum_digest_state')
    .selectAll()
    .where('unsubscribe_token', '=', token)
    .executeTakeFirst();
}

export async function setDigestHash(db: Kysely<Database>, userId: string, hash: Uint8Array) {
  await db
    .updateTable('forum_digest_state')
    .set({ unsubscribe_token: hash })
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteFollowsOf(db: Kysely<Database>, userId: string) {
  await db.deleteFrom('forum_follows').where('user_id', '=', userId).execute();
}

/** Followers with a visible post they have not had in a digest, whose last digest is over an hour old. */
export async function usersDueForDigest(db: Kysely<Database>, sentBefore: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('forum_digest_state as s')
    .select('s.user_id')
    .where((eb) => eb.or([eb('s.last_sent_at', 'is', null), eb('s.last_sent_at', '<', sentBefore)]))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('forum_follows as f')
          .innerJoin('forum_threads as t', (join) =>
            join.on((eb) =>
              eb.or([
                eb('t.id', '=', eb.ref('f.thread_id')),
                eb.and([eb('f.category', '=', 'generelt'), eb('t.focus_area_id', 'is', null)]),
                eb(
                  't.focus_area_id',
                  '=',
                  eb
                    .selectFrom('focus_areas')
                    .select('focus_areas.id')
                    .whereRef('focus_areas.slug', '=', 'f.category'),
                ),
              ]),
            ),
          )
          .innerJoin('forum_posts as p', 'p.thread_id', 't.id')
          .select('p.id')
          .whereRef('f.user_id', '=', 's.user_id')
          .whereRef('p.id', '>', 's.last_post_id')
          .where('p.hidden_at', 'is', null)
          .where('t.hidden_at', 'is', null)
          .where((eb) =>
            eb.or([eb('p.author_id', 'is', null), eb('p.author_id', '!=', eb.ref('s.user_id'))]),
          ),
      ),
    )
    .limit(500)
    .execute();
  return rows.map((row) => row.user_id);
}

export async function lockDigestState(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('forum_digest_state')
    .selectAll()
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

/** The new visible posts in what the user follows, after `afterPostId`. */
export async function newPostsFor(db: Kysely<Database>, userId: string, afterPostId: number) {
  return db
    .selectFrom('forum_posts as p')
    .innerJoin('forum_threads as t', 't.id', 'p.thread_id')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .select([
      'p.id',
      'p.body',
      't.id as thread_id',
      't.title as thread_title',
      'u.display_name as author_name',
    ])
    .where('p.id', '>', afterPostId)
    .where('p.hidden_at', 'is', null)
    .where('t.hidden_at', 'is', null)
    .where((eb) => eb.or([eb('p.author_id', 'is', null), eb('p.author_id', '!=', userId)]))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('forum_follows as f')
          .select('f.id')
          .where('f.user_id', '=', userId)
          .where((eb) =>
            eb.or([
              eb('f.thread_id', '=', eb.ref('t.id')),
              eb.and([eb('f.category', '=', 'generelt'), eb('t.focus_area_id', 'is', null)]),
              eb(
                't.focus_area_id',
                '=',
                eb
                  .selectFrom('focus_areas')
                  .select('focus_areas.id')
                  .whereRef('focus_areas.slug', '=', 'f.category'),
              ),
            ]),
          ),
      ),
    )
    .orderBy('p.id')
    .limit(100)
    .execute();
}

export async function markDigestSent(db: Kysely<Database>, userId: string, lastPostId: number, at: Date) {
  await db
    .updateTable('forum_digest_state')
    .set({ last_post_id: lastPostId, last_sent_at: at })
    .where('user_id', '=', userId)
    .execute();
}

export async function allThreadIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('forum_threads').select('id').orderBy('id').execute();
  return rows.map((row) => String(row.id));
}

export async function allPostIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('forum_posts').select('id').orderBy('id').execute();
  return rows.map((row) => String(row.id));
}

export async function eventTitlesById(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('events')
    .select(['id', 'title'])
    .where('id', 'in', [...ids])
    .where('status', '!=', 'draft')
    .execute();
  return new Map(rows.map((row) => [row.id, row.title]));
}
