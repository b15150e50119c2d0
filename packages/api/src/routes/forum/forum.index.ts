import { createRouter } from '../../openapi.ts';
import {
  acceptAnswer,
  answerToResource,
  createThread,
  editPost,
  flagPost,
  followTarget,
  moderatePost,
  moderateThread,
  readCategories,
  readCategory,
  readModerationQueue,
  readMyFollows,
  readPostHistory,
  readThread,
  replyToThread,
  unsubscribeFromDigests,
} from '../../services/knowledge/index.ts';
import { useCaseContext } from '../../use-case-context.ts';
import {
  acceptAnswerRoute,
  answerToResourceRoute,
  createThreadRoute,
  editPostRoute,
  flagPostRoute,
  followRoute,
  getCategoryRoute,
  getThreadRoute,
  listCategoriesRoute,
  moderatePostRoute,
  moderateThreadRoute,
  moderationQueueRoute,
  myFollowsRoute,
  postHistoryRoute,
  replyRoute,
  unsubscribeRoute,
} from './forum.routes.ts';

export const forumRouter = createRouter()
  .openapi(listCategoriesRoute, async (c) =>
    c.json({ categories: await readCategories(useCaseContext(c)) }, 200),
  )
  .openapi(getCategoryRoute, async (c) =>
    c.json(await readCategory(useCaseContext(c), c.req.valid('param').slug, c.req.valid('query').page), 200),
  )
  .openapi(createThreadRoute, async (c) =>
    c.json(await createThread(useCaseContext(c), c.req.valid('json')), 201),
  )
  .openapi(getThreadRoute, async (c) =>
    c.json(await readThread(useCaseContext(c), c.get('actor'), c.req.valid('param').id), 200),
  )
  .openapi(replyRoute, async (c) =>
    c.json(
      await replyToThread(
        useCaseContext(c),
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('json').body,
      ),
      201,
    ),
  )
  .openapi(editPostRoute, async (c) =>
    c.json(
      await editPost(useCaseContext(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json').body),
      200,
    ),
  )
  .openapi(postHistoryRoute, async (c) =>
    c.json(await readPostHistory(useCaseContext(c), c.get('actor'), c.req.valid('param').id), 200),
  )
  .openapi(acceptAnswerRoute, async (c) =>
    c.json(
      await acceptAnswer(
        useCaseContext(c),
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('json').postId,
      ),
      200,
    ),
  )
  .openapi(flagPostRoute, async (c) =>
    c.json(await flagPost(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(moderationQueueRoute, async (c) =>
    c.json({ queue: await readModerationQueue(useCaseContext(c)) }, 200),
  )
  .openapi(moderatePostRoute, async (c) =>
    c.json(await moderatePost(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(moderateThreadRoute, async (c) =>
    c.json(await moderateThread(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(followRoute, async (c) => c.json(await followTarget(useCaseContext(c), c.req.valid('json')), 200))
  .openapi(myFollowsRoute, async (c) => c.json({ follows: await readMyFollows(useCaseContext(c)) }, 200))
  .openapi(unsubscribeRoute, async (c) =>
    c.json(await unsubscribeFromDigests(useCaseContext(c), c.req.valid('json').token), 200),
  )
  .openapi(answerToResourceRoute, async (c) =>
    c.json(await answerToResource(useCaseContext(c), c.req.valid('param').id), 201),
  );
