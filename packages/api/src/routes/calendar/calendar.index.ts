import { eventIdSchema } from '@brobygger/domain';
import { permit } from '../../auth/guard.ts';
import { calendarContentType, calendarFileName } from '../../calendar/ics.ts';
import { errorBody } from '../../errors.ts';
import { createRouter } from '../../openapi.ts';
import {
  createMyCalendarFeed,
  eventCalendarFile,
  getMyCalendarFeed,
  personalEventsFeed,
  publicEventsFeed,
  revokeMyCalendarFeed,
} from '../../services/event-calendar/index.ts';
import { useCaseContext } from '../../use-case-context.ts';
import {
  createMyCalendarFeedRoute,
  getEventCalendarRoute,
  getMyCalendarFeedRoute,
  getPersonalEventsFeedRoute,
  getPublicEventsFeedRoute,
  revokeMyCalendarFeedRoute,
} from './calendar.routes.ts';

const calendarHeaders = (fileName?: string): Record<string, string> => ({
  'Content-Type': calendarContentType,
  ...(fileName ? { 'Content-Disposition': `attachment; filename="${fileName}"` } : {}),
});

const router = createRouter();

export const calendarRouter = router
  .openapi(getEventCalendarRoute, async (c) => {
    const { id } = c.req.valid('param');
    const text = await eventCalendarFile(useCaseContext(c), id);
    return c.body(text, 200, calendarHeaders(calendarFileName(id)));
  })
  .openapi(getPublicEventsFeedRoute, async (c) => {
    const text = await publicEventsFeed(useCaseContext(c));
    return c.body(text, 200, calendarHeaders());
  })
  .openapi(getPersonalEventsFeedRoute, async (c) => {
    const text = await personalEventsFeed(useCaseContext(c), c.req.valid('param').token);
    // Personal: never kept by a shared cache.
    return c.body(text, 200, { ...calendarHeaders(), 'Cache-Control': 'private, no-store' });
  })
  .openapi(getMyCalendarFeedRoute, async (c) => {
    const feed = await getMyCalendarFeed(useCaseContext(c));
    return c.json({ active: feed.active, createdAt: feed.createdAt?.toISOString() ?? null }, 200);
  })
  .openapi(createMyCalendarFeedRoute, async (c) => {
    const feed = await createMyCalendarFeed(useCaseContext(c));
    return c.json({ url: feed.url, createdAt: feed.createdAt.toISOString() }, 201);
  })
  .openapi(revokeMyCalendarFeedRoute, async (c) => {
    await revokeMyCalendarFeed(useCaseContext(c));
    return c.body(null, 204);
  })
  // `GET /api/events/:id.ics`, the public contract's name for the file (docs/design.md). A plain
  // route with a pattern, mounted before the events router so `/events/:id` does not take it;
  // documented below by hand (zod-openapi paths cannot hold a suffix after a parameter).
  .get('/events/:file{[0-9]+\\.ics}', permit('event:read'), async (c) => {
    const parsed = eventIdSchema.safeParse(c.req.param('file').slice(0, -'.ics'.length));
    if (!parsed.success) {
      return c.json(
        errorBody('validation_failed', 'Ukendt arrangement', { id: ['Ukendt arrangement'] }),
        400,
      );
    }
    const text = await eventCalendarFile(useCaseContext(c), parsed.data);
    return c.body(text, 200, calendarHeaders(calendarFileName(parsed.data)));
  });

const { middleware: _middleware, ...eventCalendarDoc } = getEventCalendarRoute;
router.openAPIRegistry.registerPath({
  ...eventCalendarDoc,
  operationId: 'getEventCalendarFile',
  path: '/events/{id}.ics',
  summary: 'One published event as an iCalendar file (the same as /events/{id}/calendar.ics)',
});
