import type { Database, DatabaseKind } from '@brobygger/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';

/** What a route needs from the outside world; createApi() receives it, tests build it. */
export interface ApiDependencies {
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
  searchKind: 'postgres' | 'meilisearch';
  logger: Logger;
}

export interface AppEnv {
  Variables: {
    deps: ApiDependencies;
    requestId: string;
    logger: Logger;
  };
}
