export { type ApiApp, type ApiType, createApi } from './app.ts';
export { readSessionCookie, sessionCookieName } from './auth/cookies.ts';
export { type BootedApi, type BootOptions, bootApi, resolveDataDir } from './boot.ts';
export type { ApiConfig, ApiDependencies } from './context.ts';
export { type Env, envSchema, parseEnv } from './env.ts';
export { createLogger } from './logger.ts';
export { settleAfterResponse } from './services/after-response.ts';
export { UseCaseError } from './services/errors.ts';
export { DataDirBusyError, type Operations, openOperations } from './services/operations.ts';
