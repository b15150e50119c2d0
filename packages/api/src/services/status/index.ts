// Initiative tracking and the half-yearly status reports (issue 13).
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
export { closePeriod, exportSteeringCsv, readSteeringOverview, readSteeringPack } from './steering.ts';
