import {
  availabilitySlots,
  eventIdSchema,
  eventVolunteerLanguagesSchema,
  languageLevels,
  volunteerIdParams,
  volunteerInvitationSchema,
  volunteerProfileSchema,
  volunteerSearchQuerySchema,
} from '@brobygger/domain';
import { createRoute, z } from '@hono/zod-openapi';
import { permit } from '../../auth/guard.ts';
import { errors, jsonBody, jsonContent, signedIn } from '../../openapi.ts';

// Associations and volunteers (issue 10): volunteer profiles, the staff search, matching, history.
const tags = ['Volunteers'];
const spoken = z.array(z.object({ language: z.string(), level: z.enum(languageLevels) }));

const profileSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  skills: z.array(z.string()),
  skillsOther: z.string(),
  languages: spoken,
  availability: z.array(z.string()).describe(`Slots such as ${availabilitySlots[1]}`),
  interests: z.array(z.object({ slug: z.string(), name: z.string() })),
  presentation: z.string(),
  consent: z.boolean(),
  consentGivenAt: z.string().nullable(),
  updatedAt: z.string(),
});

const historyEntry = z.object({
  eventId: z.number().int(),
  title: z.string(),
  organiserName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.string(),
  attended: z.boolean(),
  hours: z.number(),
});

export const myVolunteerProfileRoute = createRoute({
  operationId: 'myVolunteerProfile',
  security: signedIn,
  middleware: [permit('volunteer:edit-own')] as const,
  method: 'get',
  path: '/volunteers/me',
  tags,
  summary: 'My volunteer profile (null when I have none)',
  responses: {
    200: jsonContent(z.object({ profile: profileSchema.nullable() }), 'My profile'),
    ...errors(401),
  },
});

export const saveVolunteerProfileRoute = createRoute({
  operationId: 'saveMyVolunteerProfile',
  security: signedIn,
  middleware: [permit('volunteer:edit-own')] as const,
  method: 'put',
  path: '/volunteers/me',
  tags,
  summary: 'Save my volunteer profile; `consent: false` withdraws the consent (staff stop seeing it)',
  request: jsonBody(volunteerProfileSchema),
  responses: {
    200: jsonContent(z.object({ profile: profileSchema.nullable() }), 'Saved'),
    ...errors(401, 422),
  },
});

export const myVolunteerHistoryRoute = createRoute({
  operationId: 'myVolunteerHistory',
  security: signedIn,
  middleware: [permit('volunteer:edit-own')] as const,
  method: 'get',
  path: '/volunteers/me/history',
  tags,
  summary: 'Events I signed up for and attended, and the hours attended',
  responses: {
    200: jsonContent(
      z.object({
        name: z.string(),
        events: z.array(historyEntry),
        attendedCount: z.number().int(),
        hours: z.number(),
      }),
      'My history',
    ),
    ...errors(401),
  },
});

export const searchVolunteersRoute = createRoute({
  operationId: 'searchVolunteers',
  security: signedIn,
  middleware: [permit('volunteer:search')] as const,
  method: 'get',
  path: '/volunteers',
  tags,
  summary:
    'Volunteers who consented to be contacted, by language (and at least a level), skill, availability and interest (staff)',
  request: { query: volunteerSearchQuerySchema },
  responses: {
    200: jsonContent(
      z.object({
        volunteers: z.array(
          z.object({
            userId: z.string(),
            name: z.string(),
            skills: z.array(z.string()),
            availability: z.array(z.string()),
            languages: spoken,
          }),
        ),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      'A page of volunteers',
    ),
    ...errors(400, 401, 403),
  },
});

export const getVolunteerRoute = createRoute({
  operationId: 'getVolunteer',
  security: signedIn,
  middleware: [permit('volunteer:search')] as const,
  method: 'get',
  path: '/volunteers/{userId}',
  tags,
  summary: 'One volunteer and the events they attended (staff; only with the volunteer’s consent)',
  request: { params: volunteerIdParams },
  responses: {
    200: jsonContent(
      z.object({ volunteer: profileSchema, attended: z.array(historyEntry) }),
      'The volunteer',
    ),
    ...errors(400, 401, 403, 404),
  },
});

const eventParams = z.object({ id: eventIdSchema });
const matchesSchema = z.object({
  event: z.object({ id: z.number().int(), title: z.string(), startsAt: z.string(), status: z.string() }),
  languages: z.array(z.string()).describe('What the event asks its volunteers to speak'),
  matches: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      languages: spoken,
      sharedInterests: z.number().int(),
      attended: z.number().int(),
      invited: z.boolean(),
      signedUp: z.boolean(),
      score: z.number(),
    }),
  ),
});

export const volunteerMatchesRoute = createRoute({
  operationId: 'eventVolunteerMatches',
  security: signedIn,
  middleware: [permit('volunteer:invite')] as const,
  method: 'get',
  path: '/events/{id}/volunteer-matches',
  tags,
  summary: 'Consenting volunteers who speak the languages the event asks for, best first (staff)',
  request: { params: eventParams },
  responses: { 200: jsonContent(matchesSchema, 'Ranked matches'), ...errors(400, 401, 403, 404) },
});

export const setVolunteerLanguagesRoute = createRoute({
  operationId: 'setEventVolunteerLanguages',
  security: signedIn,
  middleware: [permit('volunteer:invite')] as const,
  method: 'put',
  path: '/events/{id}/volunteer-languages',
  tags,
  summary: 'The languages an event asks its volunteers to speak (staff)',
  request: { params: eventParams, ...jsonBody(eventVolunteerLanguagesSchema) },
  responses: { 200: jsonContent(matchesSchema, 'Saved; the matches'), ...errors(400, 401, 403, 404, 422) },
});

export const inviteVolunteersRoute = createRoute({
  operationId: 'inviteVolunteers',
  security: signedIn,
  middleware: [permit('volunteer:invite')] as const,
  method: 'post',
  path: '/events/{id}/volunteer-invitations',
  tags,
  summary: 'Invite matching volunteers with one action: each gets an email with the sign-up link (staff)',
  request: { params: eventParams, ...jsonBody(volunteerInvitationSchema) },
  responses: {
    200: jsonContent(z.object({ invited: z.number().int(), alreadyInvited: z.number().int() }), 'Invited'),
    ...errors(400, 401, 403, 404, 409, 422),
  },
});
