import { eventIdSchema } from '@brobygger/domain';
import { createRoute, z } from '@hono/zod-openapi';
import { permit } from '../../auth/guard.ts';
import { errors, jsonContent, publicAccess, signedIn } from '../../openapi.ts';

const tags = ['Calendars'];

const calendarContent = (description: string) => ({
  description,
  content: { 'text/calendar': { schema: z.string().openapi({ example: 'BEGIN:VCALENDAR…' }) } },
});

export const getEventCalendarRoute = createRoute({
  operationId: 'getEventCalendar',
  security: publicAccess,
  middleware: [permit('event:read')] as const,
  method: 'get',
  path: '/events/{id}/calendar.ics',
  tags,
  summary: 'One published event as an iCalendar file (.ics)',
  request: {
    params: z.object({ id: eventIdSchema }),
  },
  responses: { 200: calendarContent('The event (STATUS:CANCELLED when cancelled)'), ...errors(400, 404) },
});

export const getPublicEventsFeedRoute = createRoute({
  operationId: 'getPublicEventsFeed',
  security: publicAccess,
  middleware: [permit('event:read')] as const,
  method: 'get',
  path: '/calendar/events.ics',
  tags,
  summary: 'A calendar feed of all published events (from a month ago on)',
  responses: { 200: calendarContent('The feed'), ...errors(400) },
});

export const feedTokenParam = z
  .string()
  .regex(/^[a-z2-7]{32}$/, 'Ukendt kalender')
  .openapi({ param: { name: 'token', in: 'path' } });

export const getPersonalEventsFeedRoute = createRoute({
  operationId: 'getPersonalEventsFeed',
  // The secret in the URL is the credential: calendar programs send no cookie.
  security: publicAccess,
  middleware: [permit('event:read')] as const,
  method: 'get',
  path: '/calendar/feeds/{token}/calendar.ics',
  tags,
  summary:
    'A person’s calendar feed of the events they signed up for (secret URL from POST /me/calendar-feed)',
  request: { params: z.object({ token: feedTokenParam }) },
  responses: { 200: calendarContent('The feed'), ...errors(400, 404) },
});

const feedStatusSchema = z.object({ active: z.boolean(), createdAt: z.string().nullable() });

export const getMyCalendarFeedRoute = createRoute({
  operationId: 'getMyCalendarFeed',
  security: signedIn,
  middleware: [permit('calendar-feed:manage-own')] as const,
  method: 'get',
  path: '/me/calendar-feed',
  tags,
  summary: 'Whether you have a calendar feed URL (the URL itself is shown only when made)',
  responses: { 200: jsonContent(feedStatusSchema, 'Your feed'), ...errors(401, 403) },
});

export const createMyCalendarFeedRoute = createRoute({
  operationId: 'createMyCalendarFeed',
  security: signedIn,
  middleware: [permit('calendar-feed:manage-own')] as const,
  method: 'post',
  path: '/me/calendar-feed',
  tags,
  summary: 'Make a new calendar feed URL; an earlier one stops working',
  responses: {
    201: jsonContent(z.object({ url: z.string(), createdAt: z.string() }), 'The new URL (shown once)'),
    ...errors(401, 403),
  },
});

export const revokeMyCalendarFeedRoute = createRoute({
  operationId: 'revokeMyCalendarFeed',
  security: signedIn,
  middleware: [permit('calendar-feed:manage-own')] as const,
  method: 'delete',
  path: '/me/calendar-feed',
  tags,
  summary: 'Stop your calendar feed URL from working',
  responses: { 204: { description: 'Revoked (or there was none)' }, ...errors(401, 403) },
});
