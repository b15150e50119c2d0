import {
  associationListQuerySchema,
  associationSlugParams,
  createActivitySchema,
  createAssociationSchema,
  eventIdSchema,
  invitationSchema,
  invitationTokenSchema,
  memberParams,
  memberRoleSchema,
  rejectActivitySchema,
  unpublishActivitySchema,
  updateActivitySchema,
  updateAssociationSchema,
} from '@brobygger/domain';
import { createRoute, z } from '@hono/zod-openapi';
import { permit } from '../../auth/guard.ts';
import { errors, jsonBody, jsonContent, optionallySignedIn, publicAccess, signedIn } from '../../openapi.ts';
import { eventDetailSchema, eventSummarySchema } from '../events/events.routes.ts';

// Associations and volunteers (issue 10): associations, members, invitations, activities, moderation.
const tags = ['Associations'];
const focusArea = z.object({ slug: z.string(), name: z.string() });

const associationProfileSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  cvr: z.string().nullable(),
  description: z.string().describe('Plain text as written'),
  contactName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  languages: z.array(z.string()).describe('ISO 639 codes'),
  focusAreas: z.array(focusArea),
  verified: z.boolean(),
  verifiedAt: z.string().nullable(),
  createdAt: z.string(),
  activities: z.array(eventSummarySchema).describe('Coming published activities'),
});

const membershipSchema = z
  .object({
    myRole: z.enum(['admin', 'member']).nullable(),
    canManage: z.boolean(),
    members: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        email: z.string(),
        role: z.enum(['admin', 'member']),
        since: z.string(),
      }),
    ),
    invitations: z.array(
      z.object({ email: z.string(), role: z.enum(['admin', 'member']), expiresAt: z.string() }),
    ),
    postedActivities: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        startsAt: z.string(),
        status: z.string(),
        moderation: z.enum(['pending', 'approved', 'rejected', 'unpublished', 'auto']),
        reason: z.string().nullable(),
      }),
    ),
  })
  .nullable()
  .describe('Only for the association’s members and staff');

const associationAnswer = z.object({ association: associationProfileSchema, membership: membershipSchema });

export const listAssociationsRoute = createRoute({
  operationId: 'listAssociations',
  security: publicAccess,
  method: 'get',
  path: '/associations',
  tags,
  summary: 'Verified associations by name, 24 a page (pending ones are never listed)',
  request: { query: associationListQuerySchema },
  responses: {
    200: jsonContent(
      z.object({
        associations: z.array(
          z.object({
            slug: z.string(),
            name: z.string(),
            summary: z.string(),
            languages: z.array(z.string()),
            website: z.string().nullable(),
            focusAreas: z.array(focusArea),
          }),
        ),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      'A page of associations',
    ),
    ...errors(400),
  },
});

export const getAssociationRoute = createRoute({
  operationId: 'getAssociation',
  security: optionallySignedIn,
  method: 'get',
  path: '/associations/{slug}',
  tags,
  summary:
    'An association’s profile and coming activities. A pending one is shown only to its members and staff; members and staff also get the members and the association’s activities.',
  request: { params: associationSlugParams },
  responses: { 200: jsonContent(associationAnswer, 'The association'), ...errors(400, 404) },
});

export const registerAssociationRoute = createRoute({
  operationId: 'registerAssociation',
  security: signedIn,
  middleware: [permit('association:register')] as const,
  method: 'post',
  path: '/associations',
  tags,
  summary: 'Register an association (pending until staff verify it); the caller becomes its admin',
  request: jsonBody(createAssociationSchema),
  responses: { 201: jsonContent(associationAnswer, 'Registered'), ...errors(401, 403, 422) },
});

export const updateAssociationRoute = createRoute({
  operationId: 'updateAssociation',
  security: signedIn,
  middleware: [permit('association:manage')] as const,
  method: 'patch',
  path: '/associations/{slug}',
  tags,
  summary: 'Edit the profile (the association’s admins)',
  request: { params: associationSlugParams, ...jsonBody(updateAssociationSchema) },
  responses: { 200: jsonContent(associationAnswer, 'Saved'), ...errors(400, 401, 403, 404, 422) },
});

export const deleteAssociationRoute = createRoute({
  operationId: 'deleteAssociation',
  security: signedIn,
  middleware: [permit('association:register')] as const,
  method: 'delete',
  path: '/associations/{slug}',
  tags,
  summary: 'Delete an association (staff, or its admins); its activities stay without it',
  request: { params: associationSlugParams },
  responses: { 204: { description: 'Deleted' }, ...errors(400, 401, 403, 404) },
});

export const pendingAssociationsRoute = createRoute({
  operationId: 'listPendingAssociations',
  security: signedIn,
  middleware: [permit('association:verify')] as const,
  method: 'get',
  path: '/admin/associations/pending',
  tags,
  summary: 'Associations waiting to be verified (staff)',
  responses: {
    200: jsonContent(
      z.object({
        associations: z.array(
          z.object({
            slug: z.string(),
            name: z.string(),
            cvr: z.string().nullable(),
            createdAt: z.string(),
            createdBy: z.string().nullable(),
          }),
        ),
      }),
      'Pending associations',
    ),
    ...errors(401, 403),
  },
});

export const verifyAssociationRoute = createRoute({
  operationId: 'verifyAssociation',
  security: signedIn,
  middleware: [permit('association:verify')] as const,
  method: 'post',
  path: '/associations/{slug}/verify',
  tags,
  summary: 'Verify a pending association (staff); its admins are told',
  request: { params: associationSlugParams },
  responses: { 200: jsonContent(associationAnswer, 'Verified'), ...errors(400, 401, 403, 404) },
});

export const inviteMemberRoute = createRoute({
  operationId: 'inviteAssociationMember',
  security: signedIn,
  middleware: [permit('association:manage')] as const,
  method: 'post',
  path: '/associations/{slug}/invitations',
  tags,
  summary: 'Invite someone by email (the association’s admins); the link works once, for that address',
  request: { params: associationSlugParams, ...jsonBody(invitationSchema) },
  responses: { 201: { description: 'Invited' }, ...errors(400, 401, 403, 404, 409, 422) },
});

export const changeMemberRoute = createRoute({
  operationId: 'changeAssociationMember',
  security: signedIn,
  middleware: [permit('association:manage')] as const,
  method: 'put',
  path: '/associations/{slug}/members/{userId}',
  tags,
  summary:
    'Make a member admin or member (the association’s admins). Handing over: make another admin, then step down. There is always an admin.',
  request: { params: memberParams, ...jsonBody(memberRoleSchema) },
  responses: { 204: { description: 'Changed' }, ...errors(400, 401, 403, 404, 409, 422) },
});

export const removeMemberRoute = createRoute({
  operationId: 'removeAssociationMember',
  security: signedIn,
  middleware: [permit('association:register')] as const,
  method: 'delete',
  path: '/associations/{slug}/members/{userId}',
  tags,
  summary: 'Remove a member (the association’s admins), or leave (yourself). The last admin cannot go.',
  request: { params: memberParams },
  responses: { 204: { description: 'Removed' }, ...errors(400, 401, 403, 404, 409) },
});

const tokenParams = z.object({ token: invitationTokenSchema });

export const readInvitationRoute = createRoute({
  operationId: 'readAssociationInvitation',
  security: publicAccess,
  method: 'get',
  path: '/association-invitations/{token}',
  tags,
  summary: 'What an invitation link is about',
  request: { params: tokenParams },
  responses: {
    200: jsonContent(
      z.object({
        association: z.object({ slug: z.string(), name: z.string() }),
        role: z.enum(['admin', 'member']),
        email: z.string().describe('Masked'),
        usable: z.boolean(),
      }),
      'The invitation',
    ),
    ...errors(400),
  },
});

export const acceptInvitationRoute = createRoute({
  operationId: 'acceptAssociationInvitation',
  security: signedIn,
  middleware: [permit('association:register')] as const,
  method: 'post',
  path: '/association-invitations/{token}/accept',
  tags,
  summary: 'Take an invitation: once, and only signed in with the address it was sent to',
  request: { params: tokenParams },
  responses: {
    200: jsonContent(
      z.object({
        association: z.object({ slug: z.string(), name: z.string() }),
        role: z.enum(['admin', 'member']),
      }),
      'Joined',
    ),
    ...errors(400, 401, 403),
  },
});

export const myAssociationsRoute = createRoute({
  operationId: 'myAssociations',
  security: signedIn,
  middleware: [permit('association:register')] as const,
  method: 'get',
  path: '/me/associations',
  tags,
  summary: 'The associations I belong to',
  responses: {
    200: jsonContent(
      z.object({
        associations: z.array(
          z.object({
            slug: z.string(),
            name: z.string(),
            verified: z.boolean(),
            role: z.enum(['admin', 'member']),
          }),
        ),
      }),
      'My associations',
    ),
    ...errors(401),
  },
});

export const postActivityRoute = createRoute({
  operationId: 'postActivity',
  security: signedIn,
  middleware: [permit('association:post-activity')] as const,
  method: 'post',
  path: '/associations/{slug}/activities',
  tags,
  summary:
    'Post an activity (the association’s members and admins): an event of the type activity. A pending association’s, and a verified one’s first three, wait for moderation.',
  request: { params: associationSlugParams, ...jsonBody(createActivitySchema) },
  responses: {
    201: jsonContent(
      z.object({ event: eventDetailSchema, moderation: z.enum(['pending', 'published']) }),
      'Posted',
    ),
    ...errors(400, 401, 403, 404, 422),
  },
});

const activityParams = z.object({ id: eventIdSchema });

export const moderationQueueRoute = createRoute({
  operationId: 'moderationQueue',
  security: signedIn,
  middleware: [permit('activity:moderate')] as const,
  method: 'get',
  path: '/admin/moderation',
  tags,
  summary: 'Activities waiting for moderation, oldest first (staff)',
  responses: {
    200: jsonContent(
      z.object({
        activities: z.array(
          z.object({
            id: z.number().int(),
            title: z.string(),
            description: z.string(),
            startsAt: z.string(),
            endsAt: z.string(),
            address: z.string().nullable(),
            onlineUrl: z.string().nullable(),
            association: z.object({ slug: z.string(), name: z.string(), verified: z.boolean() }),
            postedBy: z.string().nullable(),
            postedAt: z.string(),
          }),
        ),
      }),
      'The queue',
    ),
    ...errors(401, 403),
  },
});

export const approveActivityRoute = createRoute({
  operationId: 'approveActivity',
  security: signedIn,
  middleware: [permit('activity:moderate')] as const,
  method: 'post',
  path: '/activities/{id}/approve',
  tags,
  summary: 'Approve and publish a waiting activity (staff); the poster is told',
  request: { params: activityParams },
  responses: { 204: { description: 'Published' }, ...errors(400, 401, 403, 404, 409, 422) },
});

export const rejectActivityRoute = createRoute({
  operationId: 'rejectActivity',
  security: signedIn,
  middleware: [permit('activity:moderate')] as const,
  method: 'post',
  path: '/activities/{id}/reject',
  tags,
  summary: 'Reject a waiting activity with a reason, mailed to the poster (staff)',
  request: { params: activityParams, ...jsonBody(rejectActivitySchema) },
  responses: { 204: { description: 'Rejected' }, ...errors(400, 401, 403, 404, 409, 422) },
});

export const unpublishActivityRoute = createRoute({
  operationId: 'unpublishActivity',
  security: signedIn,
  middleware: [permit('activity:moderate')] as const,
  method: 'post',
  path: '/activities/{id}/unpublish',
  tags,
  summary: 'Take a published activity off the portal (staff); the poster is told why',
  request: { params: activityParams, ...jsonBody(unpublishActivitySchema) },
  responses: { 204: { description: 'Unpublished' }, ...errors(400, 401, 403, 404, 409, 422) },
});

export const updateActivityRoute = createRoute({
  operationId: 'updateActivity',
  security: signedIn,
  middleware: [permit('association:post-activity')] as const,
  method: 'patch',
  path: '/activities/{id}',
  tags,
  summary:
    'Edit an activity (its association’s members and admins), with the events’ own rules; a waiting activity keeps waiting',
  request: { params: activityParams, ...jsonBody(updateActivitySchema) },
  responses: {
    200: jsonContent(z.object({ event: eventDetailSchema }), 'Saved'),
    ...errors(400, 401, 403, 404, 409, 422),
  },
});

export const cancelActivityRoute = createRoute({
  operationId: 'cancelActivity',
  security: signedIn,
  middleware: [permit('association:post-activity')] as const,
  method: 'post',
  path: '/activities/{id}/cancel',
  tags,
  summary: 'Cancel an activity (its association’s members and admins); everyone signed up is told',
  request: { params: activityParams },
  responses: {
    200: jsonContent(z.object({ event: eventDetailSchema }), 'Cancelled'),
    ...errors(400, 401, 403, 404),
  },
});

export const getActivityRoute = createRoute({
  operationId: 'getActivity',
  security: signedIn,
  middleware: [permit('association:post-activity')] as const,
  method: 'get',
  path: '/activities/{id}',
  tags,
  summary: 'One activity as its association’s members edit it, also while it waits for moderation',
  request: { params: activityParams },
  responses: {
    200: jsonContent(z.object({ event: eventDetailSchema }), 'The activity'),
    ...errors(400, 401, 403, 404),
  },
});
