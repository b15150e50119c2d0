import { resolve } from 'node:path';
import { seedDemoAccounts } from '@brobygger/auth';
import {
  getPublicDataGeneration,
  migrateToLatest,
  openDatabase,
  seedDemoEvents,
  seedDemoVolunteers,
  seedPolicy,
  type UserView,
} from '@brobygger/db';
import { defaultReportingRules } from '@brobygger/domain';
import type { Context } from 'hono';
import type { Logger } from 'pino';
import { createApi } from './app.ts';
import { visitorIdentifier } from './auth/session.ts';
import { SessionCache } from './auth/session-cache.ts';
import { PublicReadCache } from './cache/public-read-cache.ts';
import type { ApiDependencies } from './context.ts';
import { demoAccountsEnabled, type Env, parseEnv } from './env.ts';
// Knowledge (issue 11)
import { defaultFileStore } from './files/store.ts';
import { createApiJobRunner } from './jobs/index.ts';
import { rebuildSearchIndexIfEmpty } from './jobs/search.ts';
import { createLogger } from './logger.ts';
import { createSmtpTransport } from './mail/smtp.ts';
import { answerFromMemory, type MemoryAnswer, type MemoryRequest } from './middleware/public-reads.ts';
import { createSearchEngine } from './search/engine.ts';
import { settleAfterResponse } from './services/after-response.ts';
import { seedStatusDemo } from './services/status/demo.ts';
import { sharedReads } from './shared-reads.ts';

export interface BootOptions {
  env?: Record<string, string | undefined>;
  logger?: Logger;
  /** How the server finds a request's client address (the Node adapter's socket). */
  clientIp?: (c: Context) => string | null;
}

export interface BootedApi {
  app: ReturnType<typeof createApi>;
  env: Env;
  logger: Logger;
  /**
   * The public-data change counter (ADR 0011), read at most once a second: what a cache of
   * anything derived from public data (the portal's page cache) keys on.
   */
  publicDataGeneration(): Promise<number>;
  /**
   * Who a page request comes from, by its session cookie (the same check and session cache as
   * every API request): for the portal's page cache, which needs only the account menu.
   */
  identifyVisitor(headers: Headers, connection?: object): Promise<UserView | null>;
  /** Moves whenever this process changes the event list (a short-lived public read). */
  eventListVersion(): number;
  /**
   * A GET answered from what this process holds (public, short-lived and shared reads), with the
   * chain's headers and log line, or undefined: for a server to ask before anything else.
   */
  answerFromMemory(request: MemoryRequest): MemoryAnswer | undefined | Promise<MemoryAnswer | undefined>;
  close(): Promise<void>;
}

/**
 * Opens the database (PGlite under DATA_DIR, or PostgreSQL at DATABASE_URL), runs pending
 * migrations, loads the policy (idempotent) and builds the API. Both the portal server and the
 * standalone API server start this way.
 */
export async function bootApi(options: BootOptions = {}): Promise<BootedApi> {
  const env = parseEnv(options.env ?? process.env);
  const logger = options.logger ?? createLogger(env.LOG_LEVEL);
  const started = performance.now();
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: resolveDataDir(env.DATA_DIR),
  });
  try {
    const { applied } = await migrateToLatest(database.db, database.schema);
    await seedPolicy(database.db);
    const demoAccountsCreated = demoAccountsEnabled(env) ? await seedDemoAccounts(database.db) : 0;
    // Status reports (issue 13): demo reports beside the demo accounts.
    if (demoAccountsEnabled(env)) {
      await seedStatusDemo(database.db, new Date(), {
        ...defaultReportingRules,
        deadlineDay: env.STATUS_REPORT_DEADLINE_DAY,
      });
    }
    // Demo events go with the demo accounts (issue 9): a few published events in the coming weeks.
    const demoEventsCreated = demoAccountsEnabled(env) ? await seedDemoEvents(database.db) : 0;
    // Associations and volunteers (issue 10): the demo volunteer's profile, with consent.
    if (demoAccountsEnabled(env)) await seedDemoVolunteers(database.db);
    logger.info(
      {
        database: database.kind,
        dataDir: database.kind === 'pglite' ? resolveDataDir(env.DATA_DIR) : undefined,
        migrationsApplied: applied,
        demoAccountsCreated,
        demoEventsCreated,
        ms: Math.round(performance.now() - started),
      },
      'database ready',
    );
  } catch (error) {
    await database.close();
    throw error;
  }
  if (env.NODE_ENV === 'production' && !env.SMTP_URL) {
    logger.warn(
      { smtp: false },
      'SMTP_URL is not set: no mail leaves this server (verification and password-reset mail stay in the dev mailbox). Set SMTP_URL in production.',
    );
  }
  // One job runner per process; several processes on one PostgreSQL share the work safely.
  // Knowledge (issue 11): uploaded files, in a folder under DATA_DIR (ADR 0018).
  const files = await defaultFileStore(resolveDataDir(env.DATA_DIR));
  const mailTransport = env.SMTP_URL ? createSmtpTransport(env.SMTP_URL) : undefined;
  // Search (issue 12): the engine, its settings, and a rebuild when the index is empty.
  const search = await createSearchEngine({
    db: database.db,
    meiliUrl: env.MEILI_URL,
    meiliKey: env.MEILI_MASTER_KEY,
  });
  try {
    await search.start();
    await rebuildSearchIndexIfEmpty(database.db, search);
  } catch (error) {
    await database.close();
    throw error;
  }
  const jobs = createApiJobRunner({
    search,
    db: database.db,
    logger,
    mailTransport,
    pollIntervalMs: env.JOBS_POLL_MS,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    reportDeadlineDay: env.STATUS_REPORT_DEADLINE_DAY,
    files,
  });
  jobs.start();
  const clientIpFromProxy = (c: Context) =>
    c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim().slice(0, 100) || null;
  const publicCache = new PublicReadCache({ readGeneration: () => getPublicDataGeneration(database.db) });
  const deps: ApiDependencies = {
    publicCache,
    sessionCache: new SessionCache({ ttlMs: env.SESSION_CACHE_MS }),
    db: database.db,
    databaseKind: database.kind,
    searchKind: env.MEILI_URL ? 'meilisearch' : 'postgres',
    logger,
    config: {
      production: env.NODE_ENV === 'production',
      publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
      devMailbox: !env.SMTP_URL,
      reportDeadlineDay: env.STATUS_REPORT_DEADLINE_DAY,
    },
    clientIp: env.TRUST_PROXY ? clientIpFromProxy : options.clientIp,
    // A use case that queued jobs wakes this process's runner once its transaction commits.
    onJobsQueued: () => jobs.wake(),
    search,
    // Knowledge (issue 11): attachments in DATA_DIR/files.
    files,
  };
  const app = createApi(deps);
  return {
    app,
    env,
    logger,
    publicDataGeneration: () => publicCache.currentGeneration(),
    identifyVisitor: visitorIdentifier(deps),
    eventListVersion: () => deps.eventListCache?.version ?? 0,
    answerFromMemory: (request) => answerFromMemory(deps, sharedReads, request),
    async close() {
      // Work left for after an answer (a reset link) finishes before the jobs and the database go.
      await settleAfterResponse(deps);
      // Finish the jobs in hand before the database goes.
      await jobs.stop();
      await search.close?.();
      mailTransport?.close();
      await database.close();
    },
  };
}

/**
 * DATA_DIR is relative to where the user ran the command: pnpm runs package scripts inside the
 * package but passes the caller's directory as INIT_CWD, so `pnpm start` and `pnpm cli` at the
 * root both mean ./data at the root.
 */
export function resolveDataDir(dataDir: string): string {
  if (dataDir.startsWith('memory://')) return dataDir;
  return resolve(process.env.INIT_CWD ?? process.cwd(), dataDir);
}
