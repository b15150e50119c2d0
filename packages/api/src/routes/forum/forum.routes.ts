import {
  createThreadSchema,
  flagSchema,
  followSchema,
  idSchema,
  moderationSchema,
  postBodySchema,
  slugSchema,
  threadKinds,
  threadListQuerySchema,
  threadModerationSchema,
  unsubscribeSchema,
} from '@brobygger/domain';
import { createRoute, z } from '@hono/zod-openapi';
import { permit } from '../../auth/guard.ts';
import { errors, jsonBody, jsonContent, optionallySignedIn, publicAccess, signedIn } from '../../openapi.ts';

const tags = ['Forum'];
const idParams = z.object({ id: idSchema });

const categorySchema = z.object({
  slug: z.string().describe('A focus area’s slug, or `generelt`'),
  name: z.string().nullable().describe('null: the general category'),
});

export const listCategoriesRoute = createRoute({
  operationId: 'listForumCategories',
  security: publicAccess,
  middleware: [permit('forum:read')] as const,
  method: 'get',
  path: '/forum/categories',
  tags,
  summary: 'The forum’s categories: the general one and one per focus area, with their visible threads',
  responses: {
    200: jsonContent(
      z.object({
        categories: z.array(
          categorySchema.extend({ threads: z.number().int(), lastPostAt: z.string().nullable() }),
        ),
      }),
      'Categories',
    ),
    ...errors(431),
  },
});

export const getCategoryRoute = createRoute({
  operationId: 'getForumCategory',
  security: publicAccess,
  middleware: [permit('forum:read')] as const,
  method: 'get',
  path: '/forum/categories/{slug}',
  tags,
  summary:
    'A category’s threads, latest activity first, 20 a page (hidden threads are neither listed nor counted)',
  request: { params: z.object({ slug: slugSchema }), query: threadListQuerySchema },
  responses: {
    200: jsonContent(
      z.object({
        category: categorySchema,
        threads: z.array(
          z.object({
            id: z.number().int(),
            kind: z.enum(threadKinds),
            title: z.string(),
            authorName: z.string(),
            answered: z.boolean(),
            locked: z.boolean(),
            replies: z.number().int(),
            lastPostAt: z.string(),
            createdAt: z.string(),
          }),
        ),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      'Threads',
    ),
    ...errors(400, 404),
  },
});

export const createThreadRoute = createRoute({
  operationId: 'createForumThread',
  security: signedIn,
  middleware: [permit('forum:post')] as const,
  method: 'post',
  path: '/forum/threads',
  tags,
  summary: 'Ask a question or start a discussion; the asker follows the thread',
  request: jsonBody(createThreadSchema),
  responses: {
    201: jsonContent(z.object({ id: z.number().int(), postId: z.number().int() }), 'Created'),
    ...errors(401, 403, 415, 422),
  },
});

const postSchema = z.object({
  id: z.number().int(),
  authorName: z.string().describe('"slettet bruger" when the account is deleted'),
  mine: z.boolean(),
  body: z.string(),
  bodyHtml: z.string(),
  opening: z.boolean(),
  accepted: z.boolean(),
  hidden: z.boolean().describe('Only staff see hidden posts'),
  edited: z.boolean(),
  revisions: z.number().int(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  canEdit: z.boolean(),
});

export const getThreadRoute = createRoute({
  operationId: 'getForumThread',
  security: optionallySignedIn,
  middleware: [permit('forum:read')] as const,
  method: 'get',
  path: '/forum/threads/{id}',
  tags,
  summary: 'A thread: the question first, then the accepted answer, then the other posts in order',
  request: { params: idParams },
  responses: {
    200: jsonContent(
      z.object({
        thread: z.object({
          id: z.number().int(),
          kind: z.enum(threadKinds),
          title: z.string(),
          category: categorySchema,
          authorName: z.string(),
          locked: z.boolean(),
          hidden: z.boolean(),
          acceptedPostId: z.number().int().nullable(),
          resourceSlug: z.string().nullable(),
          createdAt: z.string(),
        }),
        posts: z.array(postSchema),
        viewer: z.object({
          canReply: z.boolean(),
          canAccept: z.boolean(),
          canModerate: z.boolean(),
          following: z.boolean(),
        }),
      }),
      'The thread',
    ),
    ...errors(400, 404),
  },
});

export const replyRoute = createRoute({
  operationId: 'replyToForumThread',
  security: signedIn,
  middleware: [permit('forum:post')] as const,
  method: 'post',
  path: '/forum/threads/{id}/posts',
  tags,
  summary: 'Answer in a thread (not in a locked one, unless staff)',
  request: { params: idParams, ...jsonBody(postBodySchema) },
  responses: {
    201: jsonContent(z.object({ id: z.number().int(), threadId: z.number().int() }), 'Posted'),
    ...errors(400, 401, 403, 404, 409, 415, 422),
  },
});

export const editPostRoute = createRoute({
  operationId: 'editForumPost',
  security: signedIn,
  middleware: [permit('forum:edit-post')] as const,
  method: 'put',
  path: '/forum/posts/{id}',
  tags,
  summary: 'Edit one’s own post (or any, as staff); the previous text is kept in its history',
  request: { params: idParams, ...jsonBody(postBodySchema) },
  responses: {
    200: jsonContent(z.object({ id: z.number().int(), threadId: z.number().int() }), 'Saved'),
    ...errors(400, 401, 403, 404, 409, 415, 422),
  },
});

export const postHistoryRoute = createRoute({
  operationId: 'getForumPostHistory',
  security: optionallySignedIn,
  middleware: [permit('forum:read')] as const,
  method: 'get',
  path: '/forum/posts/{id}/revisions',
  tags,
  summary: 'A post’s earlier texts, newest first',
  request: { params: idParams },
  responses: {
    200: jsonContent(
      z.object({
        post: z.object({
          id: z.number().int(),
          threadId: z.number().int(),
          threadTitle: z.string(),
          bodyHtml: z.string(),
          editedAt: z.string().nullable(),
        }),
        revisions: z.array(z.object({ id: z.number().int(), bodyHtml: z.string(), replacedAt: z.string() })),
      }),
      'History',
    ),
    ...errors(400, 404),
  },
});

export const acceptAnswerRoute = createRoute({
  operationId: 'acceptForumAnswer',
  security: signedIn,
  middleware: [permit('forum:accept-answer')] as const,
  method: 'post',
  path: '/forum/threads/{id}/accepted-answer',
  tags,
  summary: 'The asker or staff mark the accepted answer of a question (null: none)',
  request: {
    params: idParams,
    ...jsonBody(z.strictObject({ postId: idSchema.nullable() })),
  },
  responses: {
    200: jsonContent(z.object({ acceptedPostId: z.number().int().nullable() }), 'Marked'),
    ...errors(400, 401, 403, 404, 409, 415, 422),
  },
});

export const flagPostRoute = createRoute({
  operationId: 'flagForumPost',
  security: signedIn,
  middleware: [permit('forum:flag')] as const,
  method: 'post',
  path: '/forum/posts/{id}/flags',
  tags,
  summary: 'Flag a post for the moderators, with a reason (one open flag per user and post)',
  request: { params: idParams, ...jsonBody(flagSchema) },
  responses: {
    200: jsonContent(z.object({ flagged: z.boolean(), created: z.boolean() }), 'Flagged'),
    ...errors(400, 401, 403, 404, 415, 422),
  },
});

export const moderationQueueRoute = createRoute({
  operationId: 'getForumModerationQueue',
  security: signedIn,
  middleware: [permit('forum:moderate')] as const,
  method: 'get',
  path: '/forum/moderation',
  tags,
  summary: 'Flagged posts, oldest flag first (staff)',
  responses: {
    200: jsonContent(
      z.object({
        queue: z.array(
          z.object({
            postId: z.number().int(),
            threadId: z.number().int(),
            threadTitle: z.string(),
            authorName: z.string(),
            bodyHtml: z.string(),
            hidden: z.boolean(),
            flags: z.number().int(),
            reasons: z.array(z.string()),
            notes: z.array(z.string()),
            firstFlaggedAt: z.string(),
          }),
        ),
      }),
      'The queue',
    ),
    ...errors(401, 403),
  },
});

export const moderatePostRoute = createRoute({
  operationId: 'moderateForumPost',
  security: signedIn,
  middleware: [permit('forum:moderate')] as const,
  method: 'post',
  path: '/forum/posts/{id}/moderation',
  tags,
  summary: 'Hide or restore a post, or dismiss its flags (staff); a note is mailed to the author',
  request: { params: idParams, ...jsonBody(moderationSchema) },
  responses: {
    200: jsonContent(z.object({ hidden: z.boolean() }), 'Done'),
    ...errors(400, 401, 403, 404, 415, 422),
  },
});

export const moderateThreadRoute = createRoute({
  operationId: 'moderateForumThread',
  security: signedIn,
  middleware: [permit('forum:moderate')] as const,
  method: 'post',
  path: '/forum/threads/{id}/moderation',
  tags,
  summary: 'Lock or unlock a thread, or move it to another category (staff)',
  request: { params: idParams, ...jsonBody(threadModerationSchema) },
  responses: {
    200: jsonContent(z.object({ locked: z.boolean() }), 'Done'),
    ...errors(400, 401, 403, 404, 415, 422),
  },
});

export const followRoute = createRoute({
  operationId: 'followForum',
  security: signedIn,
  middleware: [permit('forum:follow')] as const,
  method: 'post',
  path: '/forum/follows',
  tags,
  summary: 'Follow (or stop following) a thread or a category: new posts come in an hourly digest mail',
  request: jsonBody(followSchema),
  responses: {
    200: jsonContent(z.object({ following: z.boolean() }), 'Done'),
    ...errors(401, 403, 404, 415, 422),
  },
});

export const myFollowsRoute = createRoute({
  operationId: 'listMyForumFollows',
  security: signedIn,
  middleware: [permit('forum:follow')] as const,
  method: 'get',
  path: '/forum/follows',
  tags,
  summary: 'What the caller follows',
  responses: {
    200: jsonContent(
      z.object({
        follows: z.array(
          z.object({ target: z.enum(['thread', 'category']), id: z.string(), title: z.string() }),
        ),
      }),
      'Follows',
    ),
    ...errors(401, 403),
  },
});

export const unsubscribeRoute = createRoute({
  operationId: 'unsubscribeForumDigests',
  security: publicAccess,
  method: 'post',
  path: '/forum/unsubscribe',
  tags,
  summary: 'The link in a digest mail: stop every follow of its owner, without signing in',
  request: jsonBody(unsubscribeSchema),
  responses: {
    200: jsonContent(z.object({ unsubscribed: z.boolean() }), 'Unsubscribed'),
    ...errors(400, 403, 415, 422),
  },
});

export const answerToResourceRoute = createRoute({
  operationId: 'forumAnswerToResource',
  security: signedIn,
  middleware: [permit('resource:manage')] as const,
  method: 'post',
  path: '/forum/threads/{id}/resource',
  tags,
  summary: 'Turn the accepted answer into a library resource (staff); thread and resource link to each other',
  request: { params: idParams },
  responses: {
    201: jsonContent(z.object({ slug: z.string() }), 'Created'),
    ...errors(400, 401, 403, 404, 409),
  },
});
