import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

/** Configuration from the environment, read once at start-up (README, "Configuration"). */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalString,
  MEILI_URL: optionalString,
  MEILI_MASTER_KEY: optionalString,
  SMTP_URL: optionalString,
  /** Where users reach the portal; links in emails point here and it is a trusted Origin. */
  PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((value) => value === 'true' || value === '1'),
  /** How often (ms) the job runner looks for due jobs when no enqueue in this process woke it. */
  JOBS_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  /**
   * Seed the demo accounts (README, "Demo accounts"): on by default unless NODE_ENV=production,
   * where they are refused (their password is public).
   */
  DEMO_ACCOUNTS: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((value) =>
      value === undefined || value === '' ? undefined : value === 'true' || value === '1',
    ),
  /**
   * The portal keeps rendered pages of public data in memory until the data changes (ADR 0013).
   * On by default; `false` renders every page (to compare, or to rule the cache out).
   */
  PAGE_CACHE: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((value) => value === undefined || value === '' || value === 'true' || value === '1'),
  /**
   * How long (ms) a process trusts a session it has checked before checking it in the database
   * again (ADR 0013). A sign-out or a role change in this process is seen at once; in another
   * process on the same PostgreSQL within this bound. 0 checks every request. Default 1000.
   */
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(10_000).default(1000),
  /** Status reports: the day of March and September whose end (Copenhagen time) is the deadline. */
  STATUS_REPORT_DEADLINE_DAY: z.coerce.number().int().min(1).max(28).default(15),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  if (result.data.NODE_ENV === 'production' && result.data.DEMO_ACCOUNTS === true) {
    throw new Error(
      'Invalid configuration: DEMO_ACCOUNTS: demo accounts have a public password and are refused with NODE_ENV=production',
    );
  }
  return result.data;
}

/** Whether this start seeds the demo accounts: DEMO_ACCOUNTS, else on unless NODE_ENV=production. */
export function demoAccountsEnabled(env: Env): boolean {
  return env.DEMO_ACCOUNTS ?? env.NODE_ENV !== 'production';
}
