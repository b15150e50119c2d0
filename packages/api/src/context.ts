import type { Database, DatabaseKind, SessionRow } from '@brobygger/db';
import type { Actor } from '@brobygger/domain';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { EventListCache } from './cache/event-list-cache.ts';
import type { PublicReadCache } from './cache/public-read-cache.ts';

export interface ApiConfig {
  production: boolean;
  /** The portal's public origin, e.g. https://brobygger.skanderborg.dk */
  publicUrl: string;
  /** No SMTP_URL: mail stays in the outbox, readable by admins (development only). */
  devMailbox: boolean;
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
  /** `GET /api/events` answers for a second (createApi makes one); events use cases invalidate it. */
  eventListCache?: EventListCache;
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
    authVia: 'cookie' | 'bearer' | null;
  };
}
