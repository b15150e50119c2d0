export { type ApiApp, type ApiOptions, type ApiType, createApi } from './app.ts';
export { type BootedApi, type BootOptions, bootApi, resolveDataDir } from './boot.ts';
export type { ApiDependencies } from './context.ts';
export { type Env, envSchema, parseEnv } from './env.ts';
export { createLogger } from './logger.ts';
