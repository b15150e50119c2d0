import { type Database, pruneDoneJobs } from '@brobygger/db';
import { defaultReportingRules } from '@brobygger/domain';
import { type AnyJobDefinition, type JobDefinition, JobRunner, type RecurringJob } from '@brobygger/jobs';
import type { SearchEngine } from '@brobygger/search';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
// Knowledge (issue 11)
import type { ExtractionLimits } from '../files/extract-text.ts';
import type { FileStore } from '../files/store.ts';
import { type MailTransport, sendEmailJob } from '../mail/send.ts';
import { searchEngineOf } from '../search/engine.ts';
import { eventReminderJobs } from './events.ts';
import { fileStoreJobs } from './files.ts';
import { extractTextJob, forumDigestJobs } from './knowledge.ts';
import { searchIndexJob, searchRebuildJob } from './search.ts';
import { statusReminderJob, statusReminderScanJob, statusReminderScanType } from './status.ts';

const day = 24 * 60 * 60_000;

/** Deletes done jobs a month after they finished; dead jobs stay until an admin deals with them. */
export const pruneJobsJob: JobDefinition = {
  type: 'jobs.prune',
  async handler(_payload, { db, now, logger }) {
    const deleted = await pruneDoneJobs(db, new Date(now.getTime() - 30 * day));
    if (deleted > 0) logger.info({ deleted }, 'pruned done jobs');
  },
};

export interface ApiJobsOptions {
  db: Kysely<Database>;
  logger: Logger;
  /** Sends mail over SMTP; without it, mail stays in the development mailbox. */
  mailTransport?: MailTransport | undefined;
  pollIntervalMs?: number | undefined;
  /** Tests inject a clock. */
  now?: () => Date;
  /** The portal's public origin, for links in mail that jobs write (status and events reminders). */
  publicUrl?: string | undefined;
  /** Status reports (issue 13): the deadline day. */
  reportDeadlineDay?: number | undefined;
  // Search (issue 12)
  /** The search engine the index jobs write to (default: PostgreSQL over `db`). */
  search?: SearchEngine | undefined;
  /** Knowledge (issue 11): the file store the text extraction reads and the orphan sweep tidies. */
  files?: FileStore | undefined;
  /** The text extraction's child process: its time limit and heap (tests lower them). */
  extraction?: Partial<ExtractionLimits> | undefined;
}

/**
 * Every job type of the API, and the recurring ones. A feature adds its job type here
 * (ARCHITECTURE.md, "Background jobs").
 */
export function apiJobs(
  options: Pick<
    ApiJobsOptions,
    'mailTransport' | 'publicUrl' | 'reportDeadlineDay' | 'search' | 'files' | 'extraction'
  >,
) {
  const jobs: AnyJobDefinition[] = [sendEmailJob(options.mailTransport), pruneJobsJob];
  const recurring: RecurringJob[] = [{ type: pruneJobsJob.type, everyMs: day, offsetMs: 3 * 60 * 60_000 }];
  // Status reports (issue 13): an hourly scan enqueues each due reminder once.
  const status = {
    publicUrl: options.publicUrl ?? 'http://localhost:3000',
    ...(options.reportDeadlineDay
      ? { rules: { ...defaultReportingRules, deadlineDay: options.reportDeadlineDay } }
      : {}),
  };
  jobs.push(statusReminderScanJob(status), statusReminderJob(status));
  recurring.push({ type: statusReminderScanType, everyMs: 60 * 60_000 });
  // Events (issue 9): reminders before an event.
  const events = eventReminderJobs(options.publicUrl ?? 'http://localhost:3000');
  jobs.push(...events.jobs);
  recurring.push(...events.recurring);
  // Search (issue 12): index updates and rebuilds.
  if (options.search) jobs.push(searchIndexJob(options.search), searchRebuildJob(options.search));
  // Knowledge (issue 11): attachment text for search, and the hourly forum digest.
  const forum = forumDigestJobs(options.publicUrl ?? 'http://localhost:3000');
  jobs.push(extractTextJob(options.files, options.extraction), ...forum.jobs);
  recurring.push(...forum.recurring);
  // The file store: files no row names any more are swept hourly (files/references.ts).
  if (options.files) {
    const store = fileStoreJobs(options.files);
    jobs.push(...store.jobs);
    recurring.push(...store.recurring);
  }
  return { jobs, recurring };
}

/** The job runner of an API process (started by bootApi). */
export function createApiJobRunner(options: ApiJobsOptions): JobRunner {
  const { jobs, recurring } = apiJobs({ ...options, search: options.search ?? searchEngineOf(options) });
  return new JobRunner({
    db: options.db,
    logger: options.logger.child({ component: 'jobs' }),
    jobs,
    recurring,
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}
