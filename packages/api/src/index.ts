export { type ApiApp, type ApiType, createApi } from './app.ts';
export { readSessionCookie, sessionCookieName } from './auth/cookies.ts';
export { type BootedApi, type BootOptions, bootApi, resolveDataDir } from './boot.ts';
export { answerClientErrors } from './client-error.ts';
export type { ApiConfig, ApiDependencies } from './context.ts';
export { type Env, envSchema, parseEnv } from './env.ts';
export { createLogger } from './logger.ts';
