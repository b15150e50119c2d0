import { createRouter } from '../../openapi.ts';
import {
  acceptInvitation,
  approveActivity,
  cancelActivity,
  changeMember,
  deleteAssociation,
  findAssociations,
  findPendingAssociations,
  inviteMember,
  postActivity,
  readAssociation,
  readInvitation,
  readModerationQueue,
  readMyAssociations,
  readOwnActivity,
  registerAssociation,
  rejectActivity,
  updateActivity,
  updateAssociation,
  verifyAssociation,
} from '../../services/associations/index.ts';
import { useCaseContext } from '../../use-case-context.ts';
import {
  acceptInvitationRoute,
  approveActivityRoute,
  cancelActivityRoute,
  changeMemberRoute,
  deleteAssociationRoute,
  getActivityRoute,
  getAssociationRoute,
  inviteMemberRoute,
  listAssociationsRoute,
  moderationQueueRoute,
  myAssociationsRoute,
  pendingAssociationsRoute,
  postActivityRoute,
  readInvitationRoute,
  registerAssociationRoute,
  rejectActivityRoute,
  removeMemberRoute,
  unpublishActivityRoute,
  updateActivityRoute,
  updateAssociationRoute,
  verifyAssociationRoute,
} from './associations.routes.ts';

export const associationsRouter = createRouter()
  .openapi(listAssociationsRoute, async (c) =>
    c.json(await findAssociations(useCaseContext(c), c.req.valid('query')), 200),
  )
  .openapi(pendingAssociationsRoute, async (c) =>
    c.json({ associations: await findPendingAssociations(useCaseContext(c)) }, 200),
  )
  .openapi(myAssociationsRoute, async (c) =>
    c.json({ associations: await readMyAssociations(useCaseContext(c)) }, 200),
  )
  .openapi(getAssociationRoute, async (c) =>
    c.json(await readAssociation(useCaseContext(c), c.req.valid('param').slug), 200),
  )
  .openapi(registerAssociationRoute, async (c) =>
    c.json(await registerAssociation(useCaseContext(c), c.req.valid('json')), 201),
  )
  .openapi(updateAssociationRoute, async (c) =>
    c.json(await updateAssociation(useCaseContext(c), c.req.valid('param').slug, c.req.valid('json')), 200),
  )
  .openapi(deleteAssociationRoute, async (c) => {
    await deleteAssociation(useCaseContext(c), c.req.valid('param').slug);
    return c.body(null, 204);
  })
  .openapi(verifyAssociationRoute, async (c) =>
    c.json(await verifyAssociation(useCaseContext(c), c.req.valid('param').slug), 200),
  )
  .openapi(inviteMemberRoute, async (c) => {
    await inviteMember(useCaseContext(c), c.req.valid('param').slug, c.req.valid('json'));
    return c.body(null, 201);
  })
  .openapi(changeMemberRoute, async (c) => {
    const { slug, userId } = c.req.valid('param');
    await changeMember(useCaseContext(c), slug, userId, c.req.valid('json').role);
    return c.body(null, 204);
  })
  .openapi(removeMemberRoute, async (c) => {
    const { slug, userId } = c.req.valid('param');
    await changeMember(useCaseContext(c), slug, userId, null);
    return c.body(null, 204);
  })
  .openapi(readInvitationRoute, async (c) =>
    c.json(await readInvitation(useCaseContext(c), c.req.valid('param').token), 200),
  )
  .openapi(acceptInvitationRoute, async (c) =>
    c.json(await acceptInvitation(useCaseContext(c), c.req.valid('param').token), 200),
  )
  .openapi(postActivityRoute, async (c) =>
    c.json(await postActivity(useCaseContext(c), c.req.valid('param').slug, c.req.valid('json')), 201),
  )
  .openapi(moderationQueueRoute, async (c) =>
    c.json({ activities: await readModerationQueue(useCaseContext(c)) }, 200),
  )
  .openapi(approveActivityRoute, async (c) => {
    await approveActivity(useCaseContext(c), c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(rejectActivityRoute, async (c) => {
    await rejectActivity(useCaseContext(c), c.req.valid('param').id, c.req.valid('json').reason, 'reject');
    return c.body(null, 204);
  })
  .openapi(unpublishActivityRoute, async (c) => {
    await rejectActivity(useCaseContext(c), c.req.valid('param').id, c.req.valid('json').reason, 'unpublish');
    return c.body(null, 204);
  })
  .openapi(updateActivityRoute, async (c) =>
    c.json(
      { event: await updateActivity(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')) },
      200,
    ),
  )
  .openapi(cancelActivityRoute, async (c) =>
    c.json({ event: await cancelActivity(useCaseContext(c), c.req.valid('param').id) }, 200),
  )
  .openapi(getActivityRoute, async (c) =>
    c.json({ event: await readOwnActivity(useCaseContext(c), c.req.valid('param').id) }, 200),
  );
