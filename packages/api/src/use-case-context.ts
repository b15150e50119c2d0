import type { Context } from 'hono';
import { requestMeta } from './auth/guard.ts';
import type { AppEnv } from './context.ts';
import type { UseCaseContext } from './services/context.ts';

/** The use-case context of a request: its dependencies, who is signed in, and from where. */
export function useCaseContext(c: Context<AppEnv>): UseCaseContext {
  return {
    deps: c.get('deps'),
    actorId: c.get('user')?.id ?? null,
    sessionId: c.get('session')?.id ?? null,
    account: c.get('account'),
    meta: requestMeta(c),
  };
}
