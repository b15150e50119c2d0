export { type ApiApp, type ApiType, createApi } from './app.ts';
export { readSessionCookie, sessionCookieName } from './auth/cookies.ts';
export { type BootedApi, type BootOptions, bootApi, resolveDataDir } from './boot.ts';
export {
  entityTag,
  matchesIfNoneMatch,
  PublicReadCache,
  type PublicReadCacheOptions,
} from './cache/public-read-cache.ts';
export { answerClientErrors } from './client-error.ts';
export type { ApiConfig, ApiDependencies } from './context.ts';
export { demoAccountsEnabled, type Env, envSchema, parseEnv } from './env.ts';
// Knowledge (issue 11): the file store (an S3-style store implements the same interface) and the
// job runner, for the benchmark's upload and extraction run.
export { type FileStore, FolderFileStore } from './files/store.ts';
export { createApiJobRunner } from './jobs/index.ts';
export { createLogger } from './logger.ts';
export {
  answerFromMemory,
  isPublicRead,
  isSearchRead,
  isShortLivedPublicRead,
  type MemoryAnswer,
  type MemoryRequest,
  shortLivedPublicReadMs,
} from './middleware/public-reads.ts';
// Search (issue 12): the rebuild, for the benchmark
export { type RebuildOutcome, rebuildSearchIndex } from './search/rebuild.ts';
export { settleAfterResponse } from './services/after-response.ts';
export { UseCaseError } from './services/errors.ts';
export { DataDirBusyError, type Operations, openOperations } from './services/operations.ts';
export { searchAudienceOf } from './services/search/index.ts';
export type {
  DescriptionRevisionView,
  PublicStatusView,
  StatusReportView,
  StatusWorkspaceView,
  SteeringOverviewView,
  SteeringPackView,
} from './services/status/index.ts';
export { sharedReadAction } from './shared-reads.ts';
