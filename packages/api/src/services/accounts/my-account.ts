import { invalidateOwnSession, listUserSessions } from '@brobygger/auth';
import { deleteUserRow, findUserById, getUserView, listAudit, listOutbox } from '@brobygger/db';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { invalidField, notFound, notSignedIn } from '../errors.ts';
import { exportEventData } from '../events/erasure.ts';
// Knowledge (issue 11)
import { exportKnowledgeData } from '../knowledge/export.ts';
import { checkPassword } from '../password-check.ts';
import { exportStatusWork } from '../status/export.ts';
import { exportVolunteerData } from '../volunteers/index.ts';
import { personalDataErasers } from './erasure.ts';
import { keepAnAdministrator } from './last-admin.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The signed-in user, with roles. */
export async function getMyAccount(ctx: UseCaseContext) {
  if (ctx.account && ctx.account.id === ctx.actorId) return ctx.account;
  const view = ctx.actorId ? await getUserView(ctx.deps.db, ctx.actorId) : undefined;
  if (!view) throw notSignedIn();
  return view;
}

/** The signed-in user's sessions that are still valid, most recently used first. */
export async function listMySessions(ctx: UseCaseContext) {
  return ctx.actorId ? listUserSessions(ctx.deps.db, ctx.actorId) : [];
}

/**
 * Ends one of the signed-in user's sessions. Someone else's session is "not found": its existence
 * is none of the caller's business. Answers whether it was the current one.
 */
export async function endMySession(ctx: UseCaseContext, sessionId: string): Promise<{ wasCurrent: boolean }> {
  const actorId = ctx.actorId;
  if (!actorId) throw notSignedIn();
  await transaction(ctx, async (tx, db) => {
    if (!(await invalidateOwnSession(db, actorId, sessionId))) throw notFound('Sessionen findes ikke.');
    await audit(tx, { action: 'session.ended', targetType: 'session', targetId: null });
  });
  return { wasCurrent: sessionId === ctx.sessionId };
}

/** Everything we hold about the signed-in user (GDPR art. 15 and 20), as one document. */
export async function exportMyData(ctx: UseCaseContext) {
  const { db } = ctx.deps;
  const userId = ctx.actorId;
  const user = userId ? await findUserById(db, userId) : undefined;
  const view = userId ? await getUserView(db, userId) : undefined;
  if (!userId || !user || !view) throw notSignedIn();
  const [sessions, byYou, aboutYou, emails] = await Promise.all([
    listUserSessions(db, userId),
    listAudit(db, { limit: 10_000, actorId: userId }),
    listAudit(db, { limit: 10_000, targetId: userId }),
    listOutbox(db, { limit: 10_000, to: user.email }),
  ]);
  const eventRegistrations = await exportEventData(ctx, userId);
  const statusReports = await exportStatusWork(ctx, userId);
  // Knowledge (issue 11): forum posts, suggestions, follows and flags.
  const knowledge = await exportKnowledgeData(ctx, userId);
  const auditById = new Map([...byYou, ...aboutYou].map((event) => [event.id, event]));
  await audit(ctx, { action: 'account.exported', targetType: 'user', targetId: userId });
  return {
    exportedAt: new Date().toISOString(),
    about:
      'Alt hvad Brobygger har gemt om dig. Adgangskoden og koder til totrinsbekræftelse er kun gemt som uigenkaldelige hash-værdier og er derfor ikke med.',
    account: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      locale: user.locale,
      emailVerifiedAt: iso(user.email_verified_at),
      totpEnabledAt: iso(user.totp_enabled_at),
      disabledAt: iso(user.disabled_at),
      passwordChangedAt: iso(user.password_changed_at),
      createdAt: iso(user.created_at),
      updatedAt: iso(user.updated_at),
    },
    roles: view.roles,
    sessions: sessions.map((session) => ({
      createdAt: iso(session.created_at),
      lastSeenAt: iso(session.last_seen_at),
      expiresAt: iso(session.expires_at),
      ip: session.ip,
      userAgent: session.user_agent,
    })),
    auditLog: [...auditById.values()]
      .sort((a, b) => b.id - a.id)
      .map((event) => ({
        occurredAt: iso(event.occurredAt),
        action: event.action,
        ip: event.ip,
        userAgent: event.userAgent,
        details: event.details,
      })),
    emails: emails.map((email) => ({
      subject: email.subject,
      kind: email.kind,
      createdAt: iso(email.createdAt),
      sentAt: iso(email.sentAt),
    })),
    eventRegistrations,
    statusReports,
    // Associations and volunteers (issue 10): the volunteer profile and association memberships.
    ...(await exportVolunteerData(ctx, userId)),
    knowledge,
  };
}

/**
 * Deletes the signed-in user's account after checking the password (through the password
 * throttle). The audit log keeps that an account was deleted, but not whose: the actor is null
 * and no email or name is written. Each feature forgets its own data (`personalDataErasers`).
 * The last active administrator cannot delete their account (409).
 */
export async function deleteMyAccount(ctx: UseCaseContext, password: string): Promise<void> {
  const user = ctx.actorId ? await findUserById(ctx.deps.db, ctx.actorId) : undefined;
  if (!user) throw notSignedIn();
  const check = await checkPassword(ctx, user.email, user.password_hash, password);
  if (!check.passwordOk) throw invalidField('password', 'Adgangskoden er forkert');
  await check.succeeded();
  await transaction(ctx, async (tx, db) => {
    await keepAnAdministrator(tx, user.id);
    await audit(tx, { actorId: null, action: 'account.deleted', targetType: 'user', targetId: user.id });
    for (const erase of personalDataErasers) await erase(tx, { id: user.id, email: user.email });
    await deleteUserRow(db, user.id);
  });
}
