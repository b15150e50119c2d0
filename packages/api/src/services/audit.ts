import { recordAudit } from '@brobygger/db';
import type { UseCaseContext } from './context.ts';

export interface AuditEntry {
  /** What happened, as `<thing>.<verb-in-past-tense>` (`role.granted`, `account.deleted`). */
  action: string;
  targetType?: 'user' | 'session' | (string & {});
  targetId?: string | null;
  details?: Record<string, unknown>;
  /** Who did it, when not the context's actor (e.g. the user who just signed in). */
  actorId?: string | null;
}

/**
 * The one way to write the audit log: who (the context's actor unless given), what, about which
 * target, from which IP and browser. Call it with the use case's transaction context so the
 * entry commits with the change it describes. Never put passwords or tokens in `details`.
 */
export async function audit(ctx: UseCaseContext, entry: AuditEntry): Promise<void> {
  await recordAudit(ctx.deps.db, {
    actorId: entry.actorId !== undefined ? entry.actorId : ctx.actorId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details,
    ...ctx.meta,
  });
}
