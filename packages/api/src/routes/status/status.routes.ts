import {
  acknowledgeSchema,
  createReportSchema,
  descriptionSchema,
  initiativeInputSchema,
  reviewCommentSchema,
  slugSchema,
  statusReportContentSchema,
} from '@brobygger/domain';
import { createRoute, z } from '@hono/zod-openapi';
import { permit } from '../../auth/guard.ts';
import { errors, jsonBody, jsonContent, publicAccess, signedIn } from '../../openapi.ts';

const tags = ['Status reports'];
const anyObject = z.object({}).passthrough();
const areaParams = z.object({ slug: slugSchema.meta({ example: 'kvinder' }) });
const idSchema = z.coerce
  .number({ error: 'Skal være et tal' })
  .int('Skal være et helt tal')
  .positive('Ukendt id')
  .max(2_147_483_647, 'Ukendt id');
const reportParams = z.object({ id: idSchema });
const periodParams = z.object({
  period: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'En periode skrives ÅÅÅÅ-MM')
    .meta({ example: '2027-03' }),
});

export const getWorkspaceRoute = createRoute({
  operationId: 'getStatusWorkspace',
  security: signedIn,
  middleware: [permit('status:read-submitted')] as const,
  method: 'get',
  path: '/focus-areas/{slug}/status-reports',
  tags,
  summary:
    'A focus area’s description, initiatives, reports and reporting periods (its lead owners, the steering group)',
  request: { params: areaParams },
  responses: {
    200: jsonContent(z.object({ workspace: anyObject }), 'The workspace'),
    ...errors(400, 401, 403, 404),
  },
});

export const listDescriptionRevisionsRoute = createRoute({
  operationId: 'listDescriptionRevisions',
  security: signedIn,
  middleware: [permit('status:read-submitted')] as const,
  method: 'get',
  path: '/focus-areas/{slug}/description',
  tags,
  summary: 'Every revision of the task-and-goal description, newest first',
  request: { params: areaParams },
  responses: {
    200: jsonContent(z.object({ revisions: z.array(anyObject) }), 'The revisions'),
    ...errors(400, 401, 403, 404),
  },
});

export const reviseDescriptionRoute = createRoute({
  operationId: 'reviseDescription',
  security: signedIn,
  middleware: [permit('status:edit')] as const,
  method: 'put',
  path: '/focus-areas/{slug}/description',
  tags,
  summary: 'Save the task-and-goal description as a new revision (the area’s lead owners)',
  request: { params: areaParams, ...jsonBody(descriptionSchema) },
  responses: {
    200: jsonContent(z.object({ revision: z.number().int() }), 'Saved'),
    ...errors(400, 401, 403, 404, 415, 422),
  },
});

export const addInitiativeRoute = createRoute({
  operationId: 'addInitiative',
  security: signedIn,
  middleware: [permit('status:edit')] as const,
  method: 'post',
  path: '/focus-areas/{slug}/initiatives',
  tags,
  summary: 'Add an initiative to the focus area (its lead owners)',
  request: { params: areaParams, ...jsonBody(initiativeInputSchema) },
  responses: {
    201: jsonContent(z.object({ initiative: anyObject }), 'Added'),
    ...errors(400, 401, 403, 404, 415, 422),
  },
});

export const editInitiativeRoute = createRoute({
  operationId: 'editInitiative',
  security: signedIn,
  middleware: [permit('status:edit')] as const,
  method: 'put',
  path: '/focus-areas/{slug}/initiatives/{id}',
  tags,
  summary: 'Edit or close an initiative of the focus area (its lead owners)',
  request: { params: areaParams.extend({ id: idSchema }), ...jsonBody(initiativeInputSchema) },
  responses: {
    200: jsonContent(z.object({ initiative: anyObject }), 'Saved'),
    ...errors(400, 401, 403, 404, 415, 422),
  },
});

export const createReportRoute = createRoute({
  operationId: 'createStatusReport',
  security: signedIn,
  middleware: [permit('status:edit')] as const,
  method: 'post',
  path: '/focus-areas/{slug}/status-reports',
  tags,
  summary: 'Start the area’s report for the open period (or the late one) as a draft',
  request: { params: areaParams, ...jsonBody(createReportSchema) },
  responses: {
    201: jsonContent(z.object({ report: anyObject }), 'The draft'),
    ...errors(400, 401, 403, 404, 409, 415, 422),
  },
});

export const listReportsRoute = createRoute({
  operationId: 'listSubmittedStatusReports',
  security: signedIn,
  middleware: [permit('status:read-submitted')] as const,
  method: 'get',
  path: '/status-reports',
  tags,
  summary: 'Submitted and acknowledged reports (staff, lead owners, the steering group)',
  responses: {
    200: jsonContent(z.object({ reports: z.array(anyObject) }), 'The reports, newest period first'),
    ...errors(401, 403),
  },
});

export const getReportRoute = createRoute({
  operationId: 'getStatusReport',
  security: signedIn,
  middleware: [permit('status:read-submitted')] as const,
  method: 'get',
  path: '/status-reports/{id}',
  tags,
  summary: 'One report with the previous period beside it and every indicator’s values over the periods',
  request: { params: reportParams },
  responses: {
    200: jsonContent(z.object({ report: anyObject }), 'The report'),
    ...errors(400, 401, 403, 404),
  },
});

export const updateReportRoute = createRoute({
  operationId: 'updateStatusReport',
  security: signedIn,
  middleware: [permit('status:edit')] as const,
  method: 'put',
  path: '/status-reports/{id}',
  tags,
  summary: 'Save a draft or returned report (its area’s lead owners)',
  request: { params: reportParams, ...jsonBody(statusReportContentSchema) },
  responses: {
    200: jsonContent(z.object({ report: anyObject }), 'Saved'),
    ...errors(400, 401, 403, 404, 409, 415, 422),
  },
});

export const deleteReportRoute = createRoute({
  operationId: 'deleteStatusReport',
  security: signedIn,
  middleware: [permit('status:edit')] as const,
  method: 'delete',
  path: '/status-reports/{id}',
  tags,
  summary:
    'Delete a draft that was never submitted, with its revisions and uploaded files (its area’s lead owners); a report that has been submitted answers 409',
  request: { params: reportParams },
  responses: {
    200: jsonContent(z.object({ focusArea: z.string() }), 'Deleted; the area’s slug'),
    ...errors(400, 401, 403, 404, 409),
  },
});

const attachmentParams = reportParams.extend({ attachmentId: idSchema });
const reportAttachmentSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  url: z.string(),
});

export const uploadReportAttachmentRoute = createRoute({
  operationId: 'uploadStatusReportAttachment',
  security: signedIn,
  middleware: [permit('status:edit')] as const,
  method: 'post',
  path: '/status-reports/{id}/attachments',
  tags,
  summary:
    'Attach a file to a draft or returned report (its area’s lead owners): multipart/form-data with one file in the field `file` (PDF, docx, xlsx, pptx, odt, PNG, JPEG, GIF or WebP; at most 20 MiB; at most 20 files a report). The type is read from the bytes and must agree with the name’s extension. A submitted or acknowledged report answers 409. A browser form (Accept: text/html) is answered with 303 to the report’s page.',
  request: { params: reportParams },
  responses: {
    201: jsonContent(z.object({ attachment: reportAttachmentSchema }), 'Attached'),
    303: {
      description:
        'A browser form: back to /tovholder/{slug}/rapporter/{id} with `bilag=ok` or `bilag-fejl=<reason>` (form, not-multipart, missing, name, empty, too-large, type, mismatch, frozen, too-many, other)',
    },
    ...errors(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const downloadReportAttachmentRoute = createRoute({
  operationId: 'downloadStatusReportAttachment',
  security: signedIn,
  middleware: [permit('status:read-files')] as const,
  method: 'get',
  path: '/status-reports/{id}/attachments/{attachmentId}',
  tags,
  summary:
    'A file of a report, to its area’s lead owners, the steering group, admins, and staff once submitted (403 for anyone else, a lead owner of another area too; never public). Content-Disposition: attachment (images inline), its sniffed Content-Type, X-Content-Type-Options: nosniff, no-store.',
  request: { params: attachmentParams },
  responses: {
    200: { description: 'The file' },
    ...errors(400, 401, 403, 404),
  },
});

export const deleteReportAttachmentRoute = createRoute({
  operationId: 'deleteStatusReportAttachment',
  security: signedIn,
  middleware: [permit('status:edit')] as const,
  method: 'delete',
  path: '/status-reports/{id}/attachments/{attachmentId}',
  tags,
  summary:
    'Remove a file from a draft or returned report, and its stored file (its area’s lead owners); a submitted or acknowledged report answers 409',
  request: { params: attachmentParams },
  responses: {
    204: { description: 'Removed' },
    ...errors(400, 401, 403, 404, 409),
  },
});

export const submitReportRoute = createRoute({
  operationId: 'submitStatusReport',
  security: signedIn,
  middleware: [permit('status:edit')] as const,
  method: 'post',
  path: '/status-reports/{id}/submit',
  tags,
  summary: 'Submit the report to the steering group (they are told by mail)',
  request: { params: reportParams },
  responses: {
    200: jsonContent(z.object({ report: anyObject }), 'Submitted'),
    ...errors(400, 401, 403, 404, 409, 422),
  },
});

export const acknowledgeReportRoute = createRoute({
  operationId: 'acknowledgeStatusReport',
  security: signedIn,
  middleware: [permit('status:review')] as const,
  method: 'post',
  path: '/status-reports/{id}/acknowledge',
  tags,
  summary: 'Acknowledge a submitted report (the steering group); it is frozen from then on',
  request: { params: reportParams, ...jsonBody(acknowledgeSchema) },
  responses: {
    200: jsonContent(z.object({ report: anyObject }), 'Acknowledged'),
    ...errors(400, 401, 403, 404, 409, 415, 422),
  },
});

export const returnReportRoute = createRoute({
  operationId: 'returnStatusReport',
  security: signedIn,
  middleware: [permit('status:review')] as const,
  method: 'post',
  path: '/status-reports/{id}/return',
  tags,
  summary: 'Return a submitted report to its lead owner with a comment (the steering group)',
  request: { params: reportParams, ...jsonBody(reviewCommentSchema) },
  responses: {
    200: jsonContent(z.object({ report: anyObject }), 'Returned'),
    ...errors(400, 401, 403, 404, 409, 415, 422),
  },
});

export const commentReportRoute = createRoute({
  operationId: 'commentOnStatusReport',
  security: signedIn,
  middleware: [permit('status:read-submitted')] as const,
  method: 'post',
  path: '/status-reports/{id}/comments',
  tags,
  summary: 'Comment on a report (the steering group and the area’s lead owners)',
  request: { params: reportParams, ...jsonBody(reviewCommentSchema) },
  responses: {
    201: jsonContent(z.object({ report: anyObject }), 'Commented'),
    ...errors(400, 401, 403, 404, 415, 422),
  },
});

export const steeringOverviewRoute = createRoute({
  operationId: 'getSteeringOverview',
  security: signedIn,
  middleware: [permit('status:review')] as const,
  method: 'get',
  path: '/steering/overview',
  tags,
  summary: 'The six focus areas against the open and the previous period (the steering group)',
  responses: {
    200: jsonContent(z.object({ overview: anyObject }), 'The overview'),
    ...errors(401, 403),
  },
});

export const steeringPackRoute = createRoute({
  operationId: 'getSteeringPack',
  security: signedIn,
  middleware: [permit('status:review')] as const,
  method: 'get',
  path: '/steering/periods/{period}/pack',
  tags,
  summary: 'Every report of one period in full, for the printable steering pack',
  request: { params: periodParams },
  responses: {
    200: jsonContent(z.object({ pack: anyObject }), 'The pack'),
    ...errors(400, 401, 403, 422),
  },
});

export const closePeriodRoute = createRoute({
  operationId: 'closeReportingPeriod',
  security: signedIn,
  middleware: [permit('status:review')] as const,
  method: 'post',
  path: '/steering/periods/{period}/close',
  tags,
  summary: 'Close a past period: no late report after this (the steering group)',
  request: { params: periodParams },
  responses: {
    200: jsonContent(z.object({ period: z.string(), closed: z.boolean() }), 'Closed'),
    ...errors(400, 401, 403, 409, 422),
  },
});

export const steeringExportRoute = createRoute({
  operationId: 'exportSteeringCsv',
  security: signedIn,
  middleware: [permit('status:review')] as const,
  method: 'get',
  path: '/steering/export.csv',
  tags,
  summary:
    'Statuses and indicator values across periods as CSV for Danish Excel (;, UTF-8 BOM, decimal comma)',
  responses: {
    200: { description: 'The CSV', content: { 'text/csv': { schema: z.string() } } },
    ...errors(401, 403),
  },
});

export const publicStatusRoute = createRoute({
  operationId: 'getFocusAreaStatus',
  security: publicAccess,
  method: 'get',
  path: '/focus-areas/{slug}/status',
  tags: ['Policy'],
  summary: 'The latest acknowledged status of a focus area and its indicators’ progress (public)',
  request: { params: areaParams },
  responses: {
    200: jsonContent(z.object({ status: anyObject }), 'The public status'),
    ...errors(400, 404),
  },
});
