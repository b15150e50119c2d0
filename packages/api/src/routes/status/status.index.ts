import type { TypedResponse } from 'hono';
import { fileResponse, isBrowserForm, uploadInputOf } from '../../files/http.ts';
import { createRouter } from '../../openapi.ts';
import {
  acknowledgeReport,
  addInitiative,
  addReportAttachment,
  closePeriod,
  commentOnReport,
  createReport,
  deleteDraftReport,
  editInitiative,
  exportSteeringCsv,
  listSubmittedReports,
  openReportAttachment,
  readAreaWorkspace,
  readDescriptionHistory,
  readPublicStatus,
  readReport,
  readSteeringPack,
  removeReportAttachment,
  reportEditPath,
  returnReport,
  reviseDescription,
  type SteeringOverviewView,
  steeringOverviewAnswer,
  submitReport,
  updateReport,
} from '../../services/status/index.ts';
import { useCaseContext } from '../../use-case-context.ts';
import {
  acknowledgeReportRoute,
  addInitiativeRoute,
  closePeriodRoute,
  commentReportRoute,
  createReportRoute,
  deleteReportAttachmentRoute,
  deleteReportRoute,
  downloadReportAttachmentRoute,
  editInitiativeRoute,
  getReportRoute,
  getWorkspaceRoute,
  listDescriptionRevisionsRoute,
  listReportsRoute,
  publicStatusRoute,
  returnReportRoute,
  reviseDescriptionRoute,
  steeringExportRoute,
  steeringOverviewRoute,
  steeringPackRoute,
  submitReportRoute,
  updateReportRoute,
  uploadReportAttachmentRoute,
} from './status.routes.ts';

export const statusRouter = createRouter()
  .openapi(getWorkspaceRoute, async (c) => {
    const workspace = await readAreaWorkspace(useCaseContext(c), c.get('actor'), c.req.valid('param').slug);
    return c.json({ workspace }, 200);
  })
  .openapi(listDescriptionRevisionsRoute, async (c) => {
    const revisions = await readDescriptionHistory(
      useCaseContext(c),
      c.get('actor'),
      c.req.valid('param').slug,
    );
    return c.json({ revisions }, 200);
  })
  .openapi(reviseDescriptionRoute, async (c) => {
    const saved = await reviseDescription(
      useCaseContext(c),
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    return c.json(saved, 200);
  })
  .openapi(addInitiativeRoute, async (c) => {
    const initiative = await addInitiative(
      useCaseContext(c),
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    return c.json({ initiative }, 201);
  })
  .openapi(editInitiativeRoute, async (c) => {
    const { slug, id } = c.req.valid('param');
    const initiative = await editInitiative(useCaseContext(c), c.get('actor'), slug, id, c.req.valid('json'));
    return c.json({ initiative }, 200);
  })
  .openapi(createReportRoute, async (c) => {
    const report = await createReport(
      useCaseContext(c),
      c.get('actor'),
      c.req.valid('param').slug,
      c.req.valid('json'),
    );
    return c.json({ report }, 201);
  })
  .openapi(listReportsRoute, async (c) => {
    return c.json({ reports: await listSubmittedReports(useCaseContext(c)) }, 200);
  })
  .openapi(getReportRoute, async (c) => {
    return c.json(
      { report: await readReport(useCaseContext(c), c.get('actor'), c.req.valid('param').id) },
      200,
    );
  })
  .openapi(updateReportRoute, async (c) => {
    const report = await updateReport(
      useCaseContext(c),
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ report }, 200);
  })
  .openapi(deleteReportRoute, async (c) => {
    return c.json(await deleteDraftReport(useCaseContext(c), c.get('actor'), c.req.valid('param').id), 200);
  })
  .openapi(uploadReportAttachmentRoute, async (c) => {
    const { id } = c.req.valid('param');
    const browserForm = isBrowserForm(c);
    try {
      const { attachment, editPath } = await addReportAttachment(
        useCaseContext(c),
        c.get('actor'),
        id,
        uploadInputOf(c),
      );
      if (browserForm) return c.redirect(`${editPath}?bilag=ok`, 303);
      return c.json({ attachment }, 201);
    } catch (error) {
      // A browser form gets its page back with the reason as a fixed word (the page has the words).
      const status = (error as { status?: number }).status;
      if (
        browserForm &&
        status !== undefined &&
        status >= 400 &&
        status < 500 &&
        ![401, 403, 404].includes(status)
      ) {
        const path = await reportEditPath(useCaseContext(c), c.get('actor'), id);
        const reason = (error as { reason?: string }).reason ?? 'other';
        if (path) return c.redirect(`${path}?bilag-fejl=${encodeURIComponent(reason)}`, 303);
      }
      throw error;
    }
  })
  .openapi(downloadReportAttachmentRoute, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    return fileResponse(c, await openReportAttachment(useCaseContext(c), c.get('actor'), id, attachmentId));
  })
  .openapi(deleteReportAttachmentRoute, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    await removeReportAttachment(useCaseContext(c), c.get('actor'), id, attachmentId);
    return c.body(null, 204);
  })
  .openapi(submitReportRoute, async (c) => {
    return c.json(
      { report: await submitReport(useCaseContext(c), c.get('actor'), c.req.valid('param').id) },
      200,
    );
  })
  .openapi(acknowledgeReportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const report = await acknowledgeReport(
      useCaseContext(c),
      c.get('actor'),
      id,
      c.req.valid('json').comment,
    );
    return c.json({ report }, 200);
  })
  .openapi(returnReportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const report = await returnReport(useCaseContext(c), c.get('actor'), id, c.req.valid('json').comment);
    return c.json({ report }, 200);
  })
  .openapi(commentReportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const report = await commentOnReport(useCaseContext(c), c.get('actor'), id, c.req.valid('json').comment);
    return c.json({ report }, 201);
  })
  .openapi(steeringOverviewRoute, async (c) => {
    // A shared read: the JSON is made once per overview, for everyone allowed it.
    const answer = await steeringOverviewAnswer(useCaseContext(c));
    return c.body(answer, 200, { 'Content-Type': 'application/json' }) as unknown as TypedResponse<
      { overview: SteeringOverviewView },
      200,
      'json'
    >;
  })
  .openapi(steeringPackRoute, async (c) => {
    const pack = await readSteeringPack(useCaseContext(c), c.get('actor'), c.req.valid('param').period);
    return c.json({ pack }, 200);
  })
  .openapi(closePeriodRoute, async (c) => {
    return c.json(await closePeriod(useCaseContext(c), c.req.valid('param').period), 200);
  })
  .openapi(steeringExportRoute, async (c) => {
    const csv = await exportSteeringCsv(useCaseContext(c));
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="statusrapporter.csv"',
    });
  })
  .openapi(publicStatusRoute, async (c) => {
    return c.json({ status: await readPublicStatus(useCaseContext(c), c.req.valid('param').slug) }, 200);
  });
