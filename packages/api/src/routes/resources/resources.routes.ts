import {
  createResourceSchema,
  diffQuerySchema,
  idSchema,
  resourceAudiences,
  resourceKinds,
  resourceListQuerySchema,
  slugSchema,
  suggestionDecisionSchema,
  suggestionSchema,
  updateResourceSchema,
} from '@brobygger/domain';
import { createRoute, z } from '@hono/zod-openapi';
import { permit } from '../../auth/guard.ts';
import { errors, jsonBody, jsonContent, optionallySignedIn, signedIn } from '../../openapi.ts';

const tags = ['Knowledge'];
const slugParams = z.object({ slug: slugSchema });

const focusAreaRef = z.object({ slug: z.string(), name: z.string() });

export const resourceSummarySchema = z.object({
  slug: z.string(),
  kind: z.enum(resourceKinds),
  title: z.string(),
  summary: z.string(),
  audience: z.enum(resourceAudiences),
  revision: z.number().int(),
  tags: z.array(z.string()),
  focusAreas: z.array(focusAreaRef),
  lastReviewedAt: z.string().nullable(),
  needsReview: z.boolean().describe('Not reviewed for a year'),
  updatedAt: z.string(),
});

export const resourceDetailSchema = resourceSummarySchema.extend({
  body: z.string().describe('Markdown as written'),
  bodyHtml: z.string().describe('The body rendered and sanitised, mentions as links'),
  url: z.string().nullable(),
  createdAt: z.string(),
  attachments: z.array(
    z.object({
      id: z.number().int(),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      url: z.string(),
    }),
  ),
  sourceThread: z.object({ id: z.number().int(), title: z.string() }).nullable(),
});

const diffPart = z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() });

export const listResourcesRoute = createRoute({
  operationId: 'listResources',
  security: optionallySignedIn,
  middleware: [permit('resource:read')] as const,
  method: 'get',
  path: '/resources',
  tags,
  summary:
    'The resource library, newest change first, 20 a page: only resources whose audience the caller belongs to are listed or counted',
  request: { query: resourceListQuerySchema },
  responses: {
    200: jsonContent(
      z.object({
        resources: z.array(resourceSummarySchema),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      'A page of resources',
    ),
    ...errors(400),
  },
});

export const listResourceTagsRoute = createRoute({
  operationId: 'listResourceTags',
  security: optionallySignedIn,
  middleware: [permit('resource:read')] as const,
  method: 'get',
  path: '/resource-tags',
  tags,
  summary: 'The tags in use among the resources the caller may see, with counts',
  responses: {
    200: jsonContent(
      z.object({ tags: z.array(z.object({ tag: z.string(), count: z.number().int() })) }),
      'Tags',
    ),
    ...errors(431),
  },
});

export const getResourceRoute = createRoute({
  operationId: 'getResource',
  security: optionallySignedIn,
  middleware: [permit('resource:read')] as const,
  method: 'get',
  path: '/resources/{slug}',
  tags,
  summary: 'One resource (404 when the caller is not in its audience)',
  request: { params: slugParams },
  responses: {
    200: jsonContent(z.object({ resource: resourceDetailSchema }), 'The resource'),
    ...errors(400, 404),
  },
});

export const createResourceRoute = createRoute({
  operationId: 'createResource',
  security: signedIn,
  middleware: [permit('resource:manage')] as const,
  method: 'post',
  path: '/resources',
  tags,
  summary: 'Write a resource (staff); it becomes revision 1 and counts as reviewed now',
  request: jsonBody(createResourceSchema),
  responses: {
    201: jsonContent(z.object({ resource: resourceDetailSchema }), 'Created'),
    ...errors(401, 403, 415, 422),
  },
});

export const updateResourceRoute = createRoute({
  operationId: 'updateResource',
  security: signedIn,
  middleware: [permit('resource:manage')] as const,
  method: 'put',
  path: '/resources/{slug}',
  tags,
  summary: 'Edit a resource (staff): the whole content becomes the next revision',
  request: { params: slugParams, ...jsonBody(updateResourceSchema) },
  responses: {
    200: jsonContent(z.object({ resource: resourceDetailSchema }), 'Saved'),
    ...errors(400, 401, 403, 404, 409, 415, 422),
  },
});

export const reviewResourceRoute = createRoute({
  operationId: 'reviewResource',
  security: signedIn,
  middleware: [permit('resource:manage')] as const,
  method: 'post',
  path: '/resources/{slug}/review',
  tags,
  summary: 'Mark a resource as reviewed now (staff)',
  request: { params: slugParams },
  responses: {
    200: jsonContent(z.object({ resource: resourceDetailSchema }), 'Reviewed'),
    ...errors(400, 401, 403, 404),
  },
});

export const resourcesDueForReviewRoute = createRoute({
  operationId: 'listResourcesDueForReview',
  security: signedIn,
  middleware: [permit('resource:manage')] as const,
  method: 'get',
  path: '/resource-reviews',
  tags,
  summary: 'Resources not reviewed for a year, never reviewed first (staff)',
  responses: {
    200: jsonContent(
      z.object({
        resources: z.array(
          z.object({
            slug: z.string(),
            title: z.string(),
            audience: z.enum(resourceAudiences),
            lastReviewedAt: z.string().nullable(),
            updatedAt: z.string(),
          }),
        ),
      }),
      'Resources due for review',
    ),
    ...errors(401, 403),
  },
});

export const resourceHistoryRoute = createRoute({
  operationId: 'getResourceHistory',
  security: optionallySignedIn,
  middleware: [permit('resource:read')] as const,
  method: 'get',
  path: '/resources/{slug}/revisions',
  tags,
  summary: 'Every revision of a resource, newest first',
  request: { params: slugParams },
  responses: {
    200: jsonContent(
      z.object({
        resource: z.object({
          slug: z.string(),
          title: z.string(),
          revision: z.number().int(),
          audience: z.enum(resourceAudiences),
        }),
        revisions: z.array(
          z.object({
            number: z.number().int(),
            title: z.string(),
            note: z.string(),
            authorName: z.string(),
            createdAt: z.string(),
          }),
        ),
      }),
      'History',
    ),
    ...errors(400, 404),
  },
});

export const resourceDiffRoute = createRoute({
  operationId: 'getResourceDiff',
  security: optionallySignedIn,
  middleware: [permit('resource:read')] as const,
  method: 'get',
  path: '/resources/{slug}/diff',
  tags,
  summary: 'What changed between two revisions, field by field (words added and removed)',
  request: { params: slugParams, query: diffQuerySchema },
  responses: {
    200: jsonContent(
      z.object({
        resource: z.object({ slug: z.string(), title: z.string() }),
        from: z.object({ number: z.number().int(), createdAt: z.string(), note: z.string() }),
        to: z.object({ number: z.number().int(), createdAt: z.string(), note: z.string() }),
        fields: z.array(z.object({ field: z.string(), changed: z.boolean(), parts: z.array(diffPart) })),
      }),
      'The difference',
    ),
    ...errors(400, 404, 422),
  },
});

export const restoreRevisionRoute = createRoute({
  operationId: 'restoreResourceRevision',
  security: signedIn,
  middleware: [permit('resource:manage')] as const,
  method: 'post',
  path: '/resources/{slug}/revisions/{number}/restore',
  tags,
  summary: 'Restore an old revision (staff): its content becomes the next revision',
  request: { params: z.object({ slug: slugSchema, number: idSchema }) },
  responses: {
    200: jsonContent(z.object({ resource: resourceDetailSchema }), 'Restored'),
    ...errors(400, 401, 403, 404, 409, 422),
  },
});

export const suggestChangeRoute = createRoute({
  operationId: 'suggestResourceChange',
  security: signedIn,
  middleware: [permit('resource:suggest')] as const,
  method: 'post',
  path: '/resources/{slug}/suggestions',
  tags,
  summary: 'Suggest a change to a resource (anyone signed in who can see it); staff accept or reject',
  request: { params: slugParams, ...jsonBody(suggestionSchema) },
  responses: {
    201: jsonContent(z.object({ id: z.number().int(), status: z.literal('pending') }), 'Suggested'),
    ...errors(400, 401, 403, 404, 415, 422),
  },
});

const suggestionItem = z.object({
  id: z.number().int(),
  resource: z.object({ slug: z.string(), title: z.string() }),
  baseRevision: z.number().int(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  note: z.string(),
  status: z.enum(['pending', 'accepted', 'rejected']),
  decisionNote: z.string(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  authorName: z.string(),
});

export const listSuggestionsRoute = createRoute({
  operationId: 'listResourceSuggestions',
  security: signedIn,
  middleware: [permit('resource:manage')] as const,
  method: 'get',
  path: '/resource-suggestions',
  tags,
  summary: 'Suggested changes (staff): the pending ones, or all of one resource',
  request: {
    query: z.object({
      resource: slugSchema.optional(),
      status: z.enum(['pending', 'all'], { error: 'Status er pending eller all' }).default('pending'),
    }),
  },
  responses: {
    200: jsonContent(z.object({ suggestions: z.array(suggestionItem) }), 'Suggestions'),
    ...errors(400, 401, 403, 404),
  },
});

export const decideSuggestionRoute = createRoute({
  operationId: 'decideResourceSuggestion',
  security: signedIn,
  middleware: [permit('resource:manage')] as const,
  method: 'post',
  path: '/resource-suggestions/{id}/decision',
  tags,
  summary: 'Accept (it becomes the next revision) or reject a suggestion (staff)',
  request: { params: z.object({ id: idSchema }), ...jsonBody(suggestionDecisionSchema) },
  responses: {
    200: jsonContent(
      z.object({ id: z.number().int(), status: z.enum(['accepted', 'rejected']), slug: z.string() }),
      'Decided',
    ),
    ...errors(400, 401, 403, 404, 409, 415, 422),
  },
});

const attachmentSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  url: z.string(),
});

export const uploadAttachmentRoute = createRoute({
  operationId: 'uploadResourceAttachment',
  security: signedIn,
  middleware: [permit('resource:manage')] as const,
  method: 'post',
  path: '/resources/{slug}/attachments',
  tags,
  summary:
    'Attach a file to a resource (staff): multipart/form-data with one file in the field `file` (PDF, docx, xlsx, pptx, odt, PNG, JPEG, GIF or WebP; at most 20 MiB). The type is read from the bytes and must agree with the name’s extension. A browser form (Accept: text/html) is answered with 303 to the resource’s edit page (or its `redirect` field, a /viden path).',
  request: { params: slugParams },
  responses: {
    201: jsonContent(z.object({ attachment: attachmentSchema }), 'Attached'),
    303: {
      description:
        'A browser form: back to the page, with `vedhaeftning=ok` or `vedhaeftning-fejl=<message>`',
    },
    ...errors(400, 401, 403, 404, 413, 415, 422),
  },
});

export const deleteAttachmentRoute = createRoute({
  operationId: 'deleteResourceAttachment',
  security: signedIn,
  middleware: [permit('resource:manage')] as const,
  method: 'delete',
  path: '/attachments/{id}',
  tags,
  summary: 'Remove an attachment and its file (staff)',
  request: { params: z.object({ id: idSchema }) },
  responses: {
    204: { description: 'Removed' },
    ...errors(400, 401, 403, 404),
  },
});

export const downloadAttachmentRoute = createRoute({
  operationId: 'downloadResourceAttachment',
  security: optionallySignedIn,
  middleware: [permit('resource:read')] as const,
  method: 'get',
  path: '/attachments/{id}',
  tags,
  summary:
    'The file, only to those in its resource’s audience (404 otherwise). Content-Disposition: attachment (images inline), its sniffed Content-Type, X-Content-Type-Options: nosniff.',
  request: { params: z.object({ id: idSchema }) },
  responses: {
    200: { description: 'The file' },
    ...errors(400, 404),
  },
});
