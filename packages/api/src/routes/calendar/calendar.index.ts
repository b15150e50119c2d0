import { calendarContentType, calendarFileName } from '../../calendar/ics.ts';
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

export const calendarRouter = createRouter()
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
  });
