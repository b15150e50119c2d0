export { DataDirBusyError, lockDataDir } from './data-dir-lock.ts';
export { type MigrationOutcome, migrateToLatest } from './migrate.ts';
export {
  type DatabaseHandle,
  type DatabaseKind,
  type DatabaseOptions,
  openDatabase,
} from './open-database.ts';
// Associations and volunteers (issue 10)
export * from './queries/associations.ts';
export * from './queries/audit.ts';
export * from './queries/calendar-feeds.ts';
export * from './queries/event-guests.ts';
export * from './queries/event-participants.ts';
export * from './queries/event-reminders.ts';
export * from './queries/event-series.ts';
export * from './queries/events.ts';
// Knowledge: resource library and forum (issue 11)
export * from './queries/forum.ts';
export * from './queries/health.ts';
export * from './queries/jobs.ts';
export * from './queries/outbox.ts';
export * from './queries/policy.ts';
export * from './queries/public-data.ts';
export * from './queries/resources.ts';
// Search (issue 12)
export * from './queries/search-sources.ts';
export * from './queries/status.ts';
export * from './queries/users.ts';
export * from './queries/volunteers.ts';
export type * from './schema.ts';
export { seedDemoEvents } from './seed/demo-events.ts';
export { seedDemoVolunteers } from './seed/demo-volunteers.ts';
export { policyFacts, policySlug, type SeedOutcome, seedPolicy } from './seed/seed-policy.ts';
