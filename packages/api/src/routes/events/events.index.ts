import { can } from '@brobygger/domain';
import { createRouter } from '../../openapi.ts';
import {
  cancelEvent,
  cancelMyRegistration,
  createEvent,
  findEvents,
  publishEvent,
  readEvent,
  readEventTypes,
  readMyEventRegistrations,
  signUpForEvent,
  updateEvent,
} from '../../services/events/index.ts';
import { useCaseContext } from '../../use-case-context.ts';
import {
  cancelEventRoute,
  cancelMyRegistrationRoute,
  createEventRoute,
  getEventRoute,
  listEventDraftsRoute,
  listEventsRoute,
  listEventTypesRoute,
  myEventsRoute,
  publishEventRoute,
  signUpRoute,
  updateEventRoute,
} from './events.routes.ts';

export const eventsRouter = createRouter()
  .openapi(listEventsRoute, async (c) =>
    c.json(await findEvents(useCaseContext(c), c.req.valid('query')), 200),
  )
  .openapi(listEventDraftsRoute, async (c) =>
    c.json(await findEvents(useCaseContext(c), c.req.valid('query'), { drafts: true }), 200),
  )
  .openapi(listEventTypesRoute, async (c) =>
    c.json({ eventTypes: await readEventTypes(useCaseContext(c)) }, 200),
  )
  .openapi(getEventRoute, async (c) => {
    const canManage = can(c.get('actor'), 'event:manage');
    return c.json(await readEvent(useCaseContext(c), c.req.valid('param').id, { canManage }), 200);
  })
  .openapi(createEventRoute, async (c) =>
    c.json({ event: await createEvent(useCaseContext(c), c.req.valid('json')) }, 201),
  )
  .openapi(updateEventRoute, async (c) =>
    c.json(
      { event: await updateEvent(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')) },
      200,
    ),
  )
  .openapi(publishEventRoute, async (c) =>
    c.json({ event: await publishEvent(useCaseContext(c), c.req.valid('param').id) }, 200),
  )
  .openapi(cancelEventRoute, async (c) =>
    c.json({ event: await cancelEvent(useCaseContext(c), c.req.valid('param').id) }, 200),
  )
  .openapi(signUpRoute, async (c) => {
    const { created, ...answer } = await signUpForEvent(useCaseContext(c), c.req.valid('param').id);
    return created ? c.json(answer, 201) : c.json(answer, 200);
  })
  .openapi(cancelMyRegistrationRoute, async (c) => {
    await cancelMyRegistration(useCaseContext(c), c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(myEventsRoute, async (c) =>
    c.json({ registrations: await readMyEventRegistrations(useCaseContext(c)) }, 200),
  );
