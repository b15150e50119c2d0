import type { Database, SessionRow } from '@brobygger/db';
import type { Kysely } from 'kysely';
import { newToken, secretMatches, splitToken } from './secrets.ts';

/**
 * Session lifetimes (README, "Sessions"): a session ends after 12 hours without use, and 7 days
 * after login at the latest, whatever the use.
 */
export const sessionIdleTimeoutMs = 12 * 60 * 60 * 1000;
export const sessionAbsoluteLifetimeMs = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, not on every request. */
const touchIntervalMs = 60 * 1000;

export interface SessionMeta {
  ip?: string | null;
  userAgent?: string | null;
}

export interface NewSession {
  token: string;
  id: string;
  expiresAt: Date;
}

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  meta: SessionMeta = {},
  now = new Date(),
): Promise<NewSession> {
  const { id, token, secretHash } = newToken();
  const expiresAt = new Date(now.getTime() + sessionAbsoluteLifetimeMs);
  await db
    .insertInto('sessions')
    .values({
      id,
      user_id: userId,
      secret_hash: secretHash,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      ip: meta.ip?.slice(0, 100) ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { id, token, expiresAt };
}

export function isSessionExpired(
  session: Pick<SessionRow, 'expires_at' | 'last_seen_at'>,
  now = new Date(),
): boolean {
  return (
    now.getTime() >= session.expires_at.getTime() ||
    now.getTime() >= session.last_seen_at.getTime() + sessionIdleTimeoutMs
  );
}

/** The session a token belongs to, if it is valid now; slides the inactivity window. */
export async function validateSessionToken(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<SessionRow | undefined> {
  const parts = splitToken(token);
  if (!parts) return undefined;
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', parts.id).executeTakeFirst();
  if (!session || !secretMatches(parts.secret, session.secret_hash)) return undefined;
  if (isSessionExpired(session, now)) {
    await db.deleteFrom('sessions').where('id', '=', session.id).execute();
    return undefined;
  }
  if (now.getTime() - session.last_seen_at.getTime() >= touchIntervalMs) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', session.id).execute();
    session.last_seen_at = now;
  }
  return session;
}

export async function invalidateSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, except one (the one making the change) if given. */
export async function invalidateUserSessions(
  db: Kysely<Database>,
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listUserSessions(db: Kysely<Database>, userId: string, now = new Date()) {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.filter((row) => !isSessionExpired(row, now));
}

/** Ends one session if it belongs to the user; answers whether it did. */
export async function invalidateOwnSession(
  db: Kysely<Database>,
  userId: string,
  sessionId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('sessions')
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
