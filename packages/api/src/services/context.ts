import type { Database, UserView } from '@brobygger/db';
import type { Kysely } from 'kysely';
import type { ApiDependencies } from '../context.ts';

/** Where a request came from, as the audit log and the throttles see it. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/**
 * What every use case receives: the dependencies (database, configuration, logger), who is
 * acting (null: anonymous, or the operator's CLI) and from where. Route handlers build it from
 * the Hono context (`useCaseContext(c)`); the CLI builds it with `operatorContext()`.
 */
export interface UseCaseContext {
  deps: ApiDependencies;
  actorId: string | null;
  /** The session making the request, if any (kept alive when other sessions are ended). */
  sessionId: string | null;
  meta: RequestMeta;
  /** The signed-in user's account as this request's session check read it (saves reading it again). */
  account?: UserView | null;
}

/** A use case's context inside its transaction: `deps.db` is the transaction. */
export type TransactionContext = UseCaseContext & { readonly inTransaction: true };

/**
 * Runs `work` in one database transaction, with a context whose `deps.db` is the transaction, so
 * every query, audit entry and queued email of the use case commits or rolls back together.
 * The job runner is woken only after the commit (before it, it would find nothing to send).
 * Called inside another use case's transaction, it joins that transaction.
 */
export async function transaction<T>(
  ctx: UseCaseContext,
  work: (tx: TransactionContext, db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  // Already inside one (a use case calling another): join it.
  if (ctx.deps.db.isTransaction) return work({ ...ctx, inTransaction: true }, ctx.deps.db);
  let jobsQueued = false;
  const result = await ctx.deps.db.transaction().execute((trx) =>
    work(
      {
        ...ctx,
        inTransaction: true,
        deps: {
          ...ctx.deps,
          db: trx,
          onJobsQueued: () => {
            jobsQueued = true;
          },
        },
      },
      trx,
    ),
  );
  if (jobsQueued) ctx.deps.onJobsQueued?.();
  return result;
}
