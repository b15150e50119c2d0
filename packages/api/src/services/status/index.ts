// Initiative tracking and the half-yearly status reports (issue 13).
export {
  addReportAttachment,
  deleteDraftReport,
  openReportAttachment,
  removeReportAttachment,
  reportEditPath,
} from './attachments.ts';
export { readDescriptionHistory, reviseDescription } from './description.ts';
export { addInitiative, editInitiative } from './initiatives.ts';
export { readPublicStatus } from './public.ts';
export {
  acknowledgeReport,
  commentOnReport,
  createReport,
  listSubmittedReports,
  readAreaWorkspace,
  readReport,
  reportingPeriods,
  returnReport,
  submitReport,
  updateReport,
} from './reports.ts';
export {
  closePeriod,
  exportSteeringCsv,
  readSteeringOverview,
  readSteeringPack,
  steeringOverviewAnswer,
} from './steering.ts';

import type { readDescriptionHistory } from './description.ts';
import type { readPublicStatus } from './public.ts';
import type { readAreaWorkspace, readReport } from './reports.ts';
import type { readSteeringOverview, readSteeringPack } from './steering.ts';

/** The answers' shapes, for the portal's pages (the OpenAPI document describes them loosely). */
export type StatusReportView = Awaited<ReturnType<typeof readReport>>;
export type StatusWorkspaceView = Awaited<ReturnType<typeof readAreaWorkspace>>;
export type DescriptionRevisionView = Awaited<ReturnType<typeof readDescriptionHistory>>[number];
export type SteeringOverviewView = Awaited<ReturnType<typeof readSteeringOverview>>;
export type SteeringPackView = Awaited<ReturnType<typeof readSteeringPack>>;
export type PublicStatusView = Awaited<ReturnType<typeof readPublicStatus>>;
