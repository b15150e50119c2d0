import {
  createEventSchema,
  eventIdSchema,
  eventListQuerySchema,
  eventStatuses,
  updateEventSchema,
} from '@brobygger/domain';
import { createRoute, z } from '@hono/zod-openapi';
import { permit } from '../../auth/guard.ts';
import { errors, jsonBody, jsonContent, optionallySignedIn, publicAccess, signedIn } from '../../openapi.ts';

const tags = ['Events'];
const idParams = z.object({ id: eventIdSchema });

export const eventSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  type: z.object({ slug: z.string(), name: z.string(), nameEn: z.string() }),
  startsAt: z.string().describe('UTC, ISO 8601'),
  endsAt: z.string(),
  address: z.string().nullable(),
  mapUrl: z.string().nullable().describe('Opens the address in OpenStreetMap'),
  onlineUrl: z.string().nullable(),
  capacity: z.number().int().nullable().describe('null: unlimited'),
  signupDeadline: z.string().nullable(),
  signupClosesAt: z.string(),
  organiserName: z.string(),
  status: z.enum(eventStatuses),
  seriesId: z.number().int().nullable(),
  accessibility: z.object({
    stepFree: z.boolean(),
    hearingLoop: z.boolean(),
    interpreter: z.boolean(),
    childcare: z.boolean(),
  }),
  focusAreas: z.array(z.object({ slug: z.string(), name: z.string() })),
  languages: z.array(z.string()).describe('ISO 639-1 codes'),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  seatsLeft: z.number().int().nullable(),
});

export const eventDetailSchema = eventSummarySchema.extend({
  typeId: z.number().int(),
  description: z.string().describe('Markdown as written'),
  descriptionHtml: z.string().describe('The description rendered and sanitised'),
  reminderHours: z.number().int(),
  organiserUserId: z.string().nullable(),
  associationId: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const signUpAnswer = z.object({
  status: z.enum(['confirmed', 'waitlisted']),
  position: z.number().int().optional().describe('Place on the waitlist, 1 = next'),
});

export const listEventsRoute = createRoute({
  operationId: 'listEvents',
  security: optionallySignedIn,
  middleware: [permit('event:read')] as const,
  method: 'get',
  path: '/events',
  tags,
  summary:
    'Upcoming events (published and cancelled), filtered, 20 a page, in start order. Dates are days in Europe/Copenhagen. The same answer for everyone (kept up to 1 s in each process).',
  request: { query: eventListQuerySchema },
  responses: {
    200: jsonContent(
      z.object({
        events: z.array(eventSummarySchema),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      'A page of events',
    ),
    ...errors(400),
  },
});

export const listEventDraftsRoute = createRoute({
  operationId: 'listEventDrafts',
  security: signedIn,
  middleware: [permit('event:manage')] as const,
  method: 'get',
  path: '/event-drafts',
  tags,
  summary: 'Drafts of events that have not ended (staff), with the same filters as the list',
  request: { query: eventListQuerySchema },
  responses: {
    200: jsonContent(
      z.object({
        events: z.array(eventSummarySchema),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      'A page of drafts',
    ),
    ...errors(400, 401, 403),
  },
});

export const listEventTypesRoute = createRoute({
  operationId: 'listEventTypes',
  security: publicAccess,
  method: 'get',
  path: '/event-types',
  tags,
  summary:
    'The types of event (coordination meeting, inspiration meeting, dialogue meeting, activity …). The same for everyone: answered from the public read cache.',
  responses: {
    200: jsonContent(
      z.object({
        eventTypes: z.array(
          z.object({ id: z.number().int(), slug: z.string(), name: z.string(), nameEn: z.string() }),
        ),
      }),
      'Every event type',
    ),
    ...errors(431),
  },
});

export const getEventRoute = createRoute({
  operationId: 'getEvent',
  security: optionallySignedIn,
  middleware: [permit('event:read')] as const,
  method: 'get',
  path: '/events/{id}',
  tags,
  summary: 'One event, whether sign-up is open, and the caller’s own registration',
  request: { params: idParams },
  responses: {
    200: jsonContent(
      z.object({
        event: eventDetailSchema,
        signUp: z.object({
          open: z.boolean(),
          reason: z.string().nullable(),
          message: z.string().nullable(),
        }),
        myRegistration: z
          .object({
            id: z.number().int(),
            status: z.enum(['confirmed', 'waitlisted', 'pending_guest']),
            position: z.number().int().nullable(),
          })
          .nullable(),
      }),
      'The event',
    ),
    ...errors(400, 404),
  },
});

export const createEventRoute = createRoute({
  operationId: 'createEvent',
  security: signedIn,
  middleware: [permit('event:manage')] as const,
  method: 'post',
  path: '/events',
  tags,
  summary: 'Create an event (staff): a draft, or published at once',
  request: jsonBody(createEventSchema),
  responses: {
    201: jsonContent(z.object({ event: eventDetailSchema }), 'Created'),
    ...errors(401, 403, 415, 422),
  },
});

export const updateEventRoute = createRoute({
  operationId: 'updateEvent',
  security: signedIn,
  middleware: [permit('event:manage')] as const,
  method: 'patch',
  path: '/events/{id}',
  tags,
  summary:
    'Edit an event (staff). A new time or place of a published event is mailed to everyone signed up; capacity cannot go below the confirmed count, and raising it promotes from the waitlist.',
  request: { params: idParams, ...jsonBody(updateEventSchema) },
  responses: {
    200: jsonContent(z.object({ event: eventDetailSchema }), 'Saved'),
    ...errors(400, 401, 403, 404, 409, 415, 422),
  },
});

export const publishEventRoute = createRoute({
  operationId: 'publishEvent',
  security: signedIn,
  middleware: [permit('event:manage')] as const,
  method: 'post',
  path: '/events/{id}/publish',
  tags,
  summary: 'Publish a draft (staff)',
  request: { params: idParams },
  responses: {
    200: jsonContent(z.object({ event: eventDetailSchema }), 'Published'),
    ...errors(400, 401, 403, 404, 409, 422),
  },
});

export const cancelEventRoute = createRoute({
  operationId: 'cancelEvent',
  security: signedIn,
  middleware: [permit('event:manage')] as const,
  method: 'post',
  path: '/events/{id}/cancel',
  tags,
  summary: 'Cancel an event (staff); everyone signed up is told by email',
  request: { params: idParams },
  responses: {
    200: jsonContent(z.object({ event: eventDetailSchema }), 'Cancelled'),
    ...errors(400, 401, 403, 404),
  },
});

export const signUpRoute = createRoute({
  operationId: 'signUpForEvent',
  security: signedIn,
  middleware: [permit('event:register')] as const,
  method: 'post',
  path: '/events/{id}/registrations',
  tags,
  summary:
    'Sign up: confirmed while seats are free, otherwise waitlisted with a position. Signing up again answers the same (200).',
  request: { params: idParams },
  responses: {
    200: jsonContent(signUpAnswer, 'Already signed up: the same answer'),
    201: jsonContent(signUpAnswer, 'Signed up'),
    ...errors(400, 401, 403, 404, 409),
  },
});

export const cancelMyRegistrationRoute = createRoute({
  operationId: 'cancelMyRegistration',
  security: signedIn,
  middleware: [permit('event:cancel-own-registration')] as const,
  method: 'delete',
  path: '/events/{id}/registrations/me',
  tags,
  summary: 'Cancel my own registration; the first on the waitlist gets the seat at once and is told by email',
  request: { params: idParams },
  responses: {
    204: { description: 'Cancelled' },
    ...errors(400, 401, 403, 404),
  },
});

export const myEventsRoute = createRoute({
  operationId: 'listMyEventRegistrations',
  security: signedIn,
  middleware: [permit('account:read-own')] as const,
  method: 'get',
  path: '/me/events',
  tags,
  summary: 'My sign-ups to events that have not ended, with waitlist positions',
  responses: {
    200: jsonContent(
      z.object({
        registrations: z.array(
          z.object({
            registrationId: z.number().int(),
            status: z.enum(['confirmed', 'waitlisted']),
            position: z.number().int().nullable(),
            event: z.object({
              id: z.number().int(),
              title: z.string(),
              startsAt: z.string(),
              endsAt: z.string(),
              address: z.string().nullable(),
              onlineUrl: z.string().nullable(),
              status: z.enum(eventStatuses),
            }),
          }),
        ),
      }),
      'My sign-ups',
    ),
    ...errors(401),
  },
});
