import type { ReportAttachmentRow } from '@brobygger/db';

/** An uploaded file of a report as the API shows it (never its storage key). */
export function attachmentView(row: ReportAttachmentRow) {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    uploadedAt: new Date(row.createdAt).toISOString(),
    url: `/api/status-reports/${row.reportId}/attachments/${row.id}`,
  };
}
