import { pingDatabase } from '@brobygger/db';
import type { UseCaseContext } from './context.ts';

/** Whether the database answers, and which engines serve the data. */
export async function checkHealth(ctx: UseCaseContext) {
  const { databaseKind, searchKind } = ctx.deps;
  try {
    await pingDatabase(ctx.deps.db);
    return { status: 'ok' as const, database: databaseKind, search: searchKind };
  } catch (error) {
    ctx.deps.logger.error({ err: error }, 'health check: database did not answer');
    return { status: 'degraded' as const, database: databaseKind, search: searchKind };
  }
}
