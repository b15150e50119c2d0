import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface AuditEvent {
  actorId: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

/** Writes who did what, when and from where. Never store passwords or tokens in details. */
export async function recordAudit(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: event.actorId,
      action: event.action,
      target_type: event.targetType ?? null,
      target_id: event.targetId ?? null,
      ip: event.ip?.slice(0, 100) ?? null,
      user_agent: event.userAgent?.slice(0, 300) ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

export interface AuditFilter {
  limit: number;
  before?: number | undefined;
  action?: string | undefined;
  actorId?: string | undefined;
  targetId?: string | undefined;
}

export async function listAudit(db: Kysely<Database>, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_log as l')
    .leftJoin('users as u', 'u.id', 'l.actor_id')
    .select([
      'l.id',
      'l.occurred_at as occurredAt',
      'l.actor_id as actorId',
      'u.email as actorEmail',
      'l.action',
      'l.target_type as targetType',
      'l.target_id as targetId',
      'l.ip',
      'l.user_agent as userAgent',
      'l.details',
    ])
    .orderBy('l.id', 'desc')
    .limit(filter.limit);
  if (filter.before !== undefined) query = query.where('l.id', '<', filter.before);
  if (filter.action) query = query.where('l.action', '=', filter.action);
  if (filter.actorId) query = query.where('l.actor_id', '=', filter.actorId);
  if (filter.targetId) query = query.where('l.target_id', '=', filter.targetId);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/**
 * Keeps the events by or about a user but drops what leads to the person (IP and browser), except
 * on the `account.deleted` event itself. The actor id goes when the user row does (set null).
 */
export async function anonymiseAuditTrail(db: Kysely<Database>, userId: string): Promise<void> {
  await db
    .updateTable('audit_log')
    .set({ ip: null, user_agent: null })
    .where((eb) => eb.or([eb('actor_id', '=', userId), eb('target_id', '=', userId)]))
    .where('action', '!=', 'account.deleted')
    .execute();
}
