import type { Migration, MigrationProvider } from 'kysely';
import * as policy from './2026-11-26T1200-policy.ts';
import * as accounts from './2026-11-26T1300-accounts.ts';
import * as jobs from './2026-11-27T0000-jobs.ts';
import * as publicDataGeneration from './2026-11-27T0000-public-data-generation.ts';
import * as events from './2026-11-27T0300-events.ts';
import * as emailAttachments from './2026-11-27T0310-email-attachments.ts';
// Associations and volunteers (issue 10)
import * as associations from './2026-11-27T0400-associations.ts';
// Knowledge (issue 11)
import * as knowledge from './2026-11-27T0500-knowledge.ts';
// Search (issue 12)
import * as search from './2026-11-27T0600-search.ts';
import * as statusReports from './2026-11-27T1300-status-reports.ts';
import * as steeringOverviewGeneration from './2026-11-27T1310-steering-overview-generation.ts';
import * as volunteerSearchGeneration from './2026-11-27T1320-volunteer-search-generation.ts';
import * as statusReportAttachments from './2026-11-27T1330-status-report-attachments.ts';
import * as searchBoundedWork from './2026-11-27T1400-search-bounded-work.ts';

/**
 * Every migration, in order. An in-code index instead of Kysely's FileMigrationProvider, which
 * cannot import .ts files under Vitest or from a bundle. Names sort by their timestamp.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-26T1200-policy': policy,
  '2026-11-26T1300-accounts': accounts,
  '2026-11-27T0000-jobs': jobs,
  '2026-11-27T0000-public-data-generation': publicDataGeneration,
  '2026-11-27T1300-status-reports': statusReports,
  '2026-11-27T0300-events': events,
  '2026-11-27T0310-email-attachments': emailAttachments,
  '2026-11-27T1310-steering-overview-generation': steeringOverviewGeneration,
  '2026-11-27T1320-volunteer-search-generation': volunteerSearchGeneration,
  // Status reports: uploaded attachments (issue 13)
  '2026-11-27T1330-status-report-attachments': statusReportAttachments,
  // Associations and volunteers (issue 10)
  '2026-11-27T0400-associations': associations,
  // Search (issue 12)
  '2026-11-27T0600-search': search,
  '2026-11-27T1400-search-bounded-work': searchBoundedWork,
  // Knowledge (issue 11)
  '2026-11-27T0500-knowledge': knowledge,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
