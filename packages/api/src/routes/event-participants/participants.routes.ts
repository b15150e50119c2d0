import { checkInByCodeSchema, eventIdSchema } from '@brobygger/domain';
import { createRoute, z } from '@hono/zod-openapi';
import { permit } from '../../auth/guard.ts';
import { errors, jsonBody, jsonContent, signedIn } from '../../openapi.ts';

const tags = ['Event participants'];
const idParams = z.object({ id: eventIdSchema });

export const participantSchema = z.object({
  registrationId: z.number().int(),
  name: z.string(),
  email: z.string(),
  guest: z.boolean(),
  status: z.enum(['confirmed', 'waitlisted']),
  position: z.number().int().nullable(),
  checkInCode: z.string().nullable(),
  attendedAt: z.string().nullable(),
  signedUpAt: z.string(),
});

export const listParticipantsRoute = createRoute({
  operationId: 'listEventParticipants',
  security: signedIn,
  middleware: [permit('event:participants')] as const,
  method: 'get',
  path: '/events/{id}/participants',
  tags,
  summary: 'Who is signed up (confirmed, then the waitlist), with check-in codes and attendance',
  request: { params: idParams },
  responses: {
    200: jsonContent(
      z.object({
        event: z.object({
          id: z.number().int(),
          title: z.string(),
          startsAt: z.string(),
          capacity: z.number().int().nullable(),
        }),
        participants: z.array(participantSchema),
      }),
      'The participants',
    ),
    ...errors(400, 401, 403, 404),
  },
});

export const exportParticipantsRoute = createRoute({
  operationId: 'exportEventParticipants',
  security: signedIn,
  middleware: [permit('event:participants')] as const,
  method: 'get',
  path: '/events/{id}/participants.csv',
  tags,
  summary: 'The participant list as CSV for Danish Excel (UTF-8 with BOM, semicolons)',
  request: { params: idParams },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...errors(400, 401, 403, 404),
  },
});

export const setAttendanceRoute = createRoute({
  operationId: 'setEventAttendance',
  security: signedIn,
  middleware: [permit('event:participants')] as const,
  method: 'post',
  path: '/events/{id}/participants/{registrationId}/attendance',
  tags,
  summary: 'Mark a participant as attended (or not)',
  request: {
    params: z.object({
      id: eventIdSchema,
      registrationId: z.coerce
        .number({ error: 'Ukendt deltager' })
        .int('Ukendt deltager')
        .positive('Ukendt deltager')
        .max(2_147_483_647, 'Ukendt deltager'),
    }),
    ...jsonBody(z.strictObject({ attended: z.boolean({ error: 'Skal være sand eller falsk' }) })),
  },
  responses: {
    200: jsonContent(z.object({ attended: z.boolean() }), 'Saved'),
    ...errors(400, 401, 403, 404, 415, 422),
  },
});

export const checkInRoute = createRoute({
  operationId: 'checkInByCode',
  security: signedIn,
  middleware: [permit('event:participants')] as const,
  method: 'post',
  path: '/events/{id}/check-in',
  tags,
  summary: 'Check a participant in by the code on their confirmation page (or its QR code)',
  request: { params: idParams, ...jsonBody(checkInByCodeSchema) },
  responses: {
    200: jsonContent(
      z.object({ registrationId: z.number().int(), name: z.string(), alreadyCheckedIn: z.boolean() }),
      'Checked in',
    ),
    ...errors(400, 401, 403, 404, 409, 415, 422),
  },
});

export const myCheckInRoute = createRoute({
  operationId: 'getMyCheckIn',
  security: signedIn,
  middleware: [permit('event:register')] as const,
  method: 'get',
  path: '/events/{id}/registrations/me/check-in',
  tags,
  summary: 'Your check-in code and QR code (inline SVG) for an event you have a seat at',
  request: { params: idParams },
  responses: {
    200: jsonContent(z.object({ code: z.string(), qrSvg: z.string() }), 'Your code'),
    ...errors(400, 401, 403, 404),
  },
});
