import { eventIdSchema, guestSignUpSchema } from '@brobygger/domain';
import { createRoute, z } from '@hono/zod-openapi';
import { permit } from '../../auth/guard.ts';
import { errors, jsonBody, jsonContent, publicAccess } from '../../openapi.ts';

const tags = ['Guest sign-up'];

const tokenParams = z.object({
  token: z.string().regex(/^[a-z2-7]{32}$/, 'Linket er ugyldigt, brugt eller udløbet.'),
});

export const requestGuestSignUpRoute = createRoute({
  operationId: 'requestGuestSignUp',
  security: publicAccess,
  middleware: [permit('event:guest-register')] as const,
  method: 'post',
  path: '/events/{id}/guest-registrations',
  tags,
  summary: 'Sign up without an account: a link to confirm is mailed to the address',
  description:
    'Always answers the same (202), whether the address is new or already signed up, so the answer tells nobody who is coming. The guest counts only after confirming with the link; an unconfirmed hold expires after 24 hours (or when sign-up closes).',
  request: { params: z.object({ id: eventIdSchema }), ...jsonBody(guestSignUpSchema) },
  responses: {
    202: jsonContent(z.object({ status: z.literal('pending') }), 'Check your mail'),
    ...errors(400, 403, 404, 409, 415, 422, 429),
  },
});

export const guestRegistrationViewSchema = z.object({
  status: z.enum(['pending', 'confirmed', 'waitlisted', 'cancelled']),
  position: z.number().int().nullable(),
  name: z.string(),
  expiresAt: z.string().nullable().describe('When an unconfirmed hold lapses'),
  checkInCode: z.string().nullable(),
  checkInQrSvg: z.string().nullable().describe('Inline SVG of the check-in QR code'),
  event: z.object({
    id: z.number().int(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    address: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    status: z.string(),
    url: z.string(),
  }),
});

export const getGuestRegistrationRoute = createRoute({
  operationId: 'getGuestRegistration',
  security: publicAccess,
  middleware: [permit('event:guest-register')] as const,
  method: 'get',
  path: '/guest-registrations/{token}',
  tags,
  summary: 'A guest’s registration, by the secret of their link',
  request: { params: tokenParams },
  responses: { 200: jsonContent(guestRegistrationViewSchema, 'The registration'), ...errors(400) },
});

export const confirmGuestSignUpRoute = createRoute({
  operationId: 'confirmGuestSignUp',
  security: publicAccess,
  middleware: [permit('event:guest-register')] as const,
  method: 'post',
  path: '/guest-registrations/{token}/confirm',
  tags,
  summary: 'Confirm a guest sign-up: a seat if one is free, else the waitlist (again: the same answer)',
  request: { params: tokenParams },
  responses: {
    200: jsonContent(
      z.object({ status: z.enum(['confirmed', 'waitlisted']), position: z.number().int().optional() }),
      'Confirmed or waitlisted',
    ),
    ...errors(400, 403, 409),
  },
});

export const cancelGuestSignUpRoute = createRoute({
  operationId: 'cancelGuestSignUp',
  security: publicAccess,
  middleware: [permit('event:guest-register')] as const,
  method: 'post',
  path: '/guest-registrations/{token}/cancel',
  tags,
  summary: 'Cancel a guest sign-up; a freed seat goes to the first on the waitlist',
  request: { params: tokenParams },
  responses: {
    200: jsonContent(z.object({ status: z.literal('cancelled') }), 'Cancelled'),
    ...errors(400, 403),
  },
});
