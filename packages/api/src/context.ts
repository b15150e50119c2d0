import type { Database, DatabaseKind, SessionRow, UserView } from '@brobygger/db';
import type { Actor } from '@brobygger/domain';
import type { SearchEngine } from '@brobygger/search';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { SessionCache } from './auth/session-cache.ts';
import type { EventListCache } from './cache/event-list-cache.ts';
import type { PublicReadCache } from './cache/public-read-cache.ts';
import type { FileStore } from './files/store.ts';

export interface ApiConfig {
  production: boolean;
  /** The portal's public origin, e.g. https://brobygger.skanderborg.dk */
  publicUrl: string;
  /** No SMTP_URL: mail stays in the outbox, readable by admins (development only). */
  devMailbox: boolean;
  /** Status reports: the day of March and September whose end is the deadline (default 15). */
  reportDeadlineDay?: number;
}

/** What a route needs from the outside world; createApi() receives it, tests build it. */
export interface ApiDependencies {
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
  searchKind: 'postgres' | 'meilisearch';
  logger: Logger;
  config: ApiConfig;
  /** The client's IP address as the server sees it (or from a trusted proxy). */
  clientIp?: (c: Context) => string | null;
  /** Called after jobs (mail among them) were queued and committed, so a runner looks at once. */
  onJobsQueued?: () => void;
  /**
   * Answers of public reads shared by all callers (createApi makes one per API instance when not
   * given). A use case that changes public data calls `invalidate()` after its commit.
   */
  publicCache?: PublicReadCache;
  /**
   * Sessions checked in the last moment (SESSION_CACHE_MS; ADR 0013). None: every request checks
   * its session in the database (the default of createApi, and so of the tests).
   */
  sessionCache?: SessionCache;
  /** The clock of the status-report rules (open period, overdue); tests inject one. */
  now?: () => Date;
  /** `GET /api/events` answers for a second (createApi makes one); changes drop it (`dropShortLivedCopies`). */
  eventListCache?: EventListCache;
  // Search (issue 12)
  /** The search engine (bootApi makes it from MEILI_URL); none: PostgreSQL over `db`. */
  search?: SearchEngine;
  /** Uploaded files (issue 11): a folder under DATA_DIR by default; createApi makes a temporary one when not given. */
  files?: FileStore;
}

export interface SignedInUser {
  id: string;
  email: string;
  displayName: string;
  totpEnabled: boolean;
}

export interface AppEnv {
  Variables: {
    deps: ApiDependencies;
    requestId: string;
    logger: Logger;
    actor: Actor;
    user: SignedInUser | null;
    session: SessionRow | null;
    /** The signed-in user's account as the session check read it (GET /api/me answers it). */
    account: UserView | null;
    authVia: 'cookie' | 'bearer' | null;
  };
}
