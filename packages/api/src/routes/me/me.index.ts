import { invalidateSession, listUserSessions, verifyPassword } from '@brobygger/auth';
import { findUserById, getUserView, listAudit, listOutbox, recordAudit } from '@brobygger/db';
import { clearSessionCookie } from '../../auth/cookies.ts';
import { requestMeta } from '../../auth/guard.ts';
import { errorBody, fieldError, unauthorized } from '../../errors.ts';
import { createRouter } from '../../openapi.ts';
import {
  deleteMeRoute,
  endMySessionRoute,
  exportMyDataRoute,
  getMeRoute,
  listMySessionsRoute,
} from './me.routes.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const meRouter = createRouter()
  .openapi(getMeRoute, async (c) => {
    const view = await getUserView(c.var.deps.db, c.var.user?.id ?? '');
    if (!view) return unauthorized(c);
    return c.json({ user: { ...view, createdAt: view.createdAt.toISOString() } }, 200);
  })
  .openapi(listMySessionsRoute, async (c) => {
    const sessions = await listUserSessions(c.var.deps.db, c.var.user?.id ?? '');
    return c.json(
      {
        sessions: sessions.map((session) => ({
          id: session.id,
          createdAt: session.created_at.toISOString(),
          lastSeenAt: session.last_seen_at.toISOString(),
          expiresAt: session.expires_at.toISOString(),
          ip: session.ip,
          userAgent: session.user_agent,
          current: session.id === c.var.session?.id,
        })),
      },
      200,
    );
  })
  .openapi(endMySessionRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.var.deps;
    const session = await db
      .selectFrom('sessions')
      .select(['id', 'user_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    // Someone else's session is "not found": its existence is none of the caller's business.
    if (!session || session.user_id !== c.var.user?.id)
      return c.json(errorBody('not_found', 'Sessionen findes ikke.'), 404);
    await invalidateSession(db, session.id);
    await recordAudit(db, {
      actorId: session.user_id,
      action: 'session.ended',
      targetType: 'session',
      targetId: null,
      ...requestMeta(c),
    });
    if (session.id === c.var.session?.id) clearSessionCookie(c, c.var.deps.config.production);
    return c.body(null, 204);
  })
  .openapi(exportMyDataRoute, async (c) => {
    const { db } = c.var.deps;
    const userId = c.var.user?.id ?? '';
    const user = await findUserById(db, userId);
    const view = await getUserView(db, userId);
    if (!user || !view) return unauthorized(c);
    const [sessions, byYou, aboutYou, emails] = await Promise.all([
      listUserSessions(db, userId),
      listAudit(db, { limit: 10_000, actorId: userId }),
      listAudit(db, { limit: 10_000, targetId: userId }),
      listOutbox(db, { limit: 10_000, to: user.email }),
    ]);
    const auditById = new Map([...byYou, ...aboutYou].map((event) => [event.id, event]));
    await recordAudit(db, {
      actorId: userId,
      action: 'account.exported',
      targetType: 'user',
      targetId: userId,
      ...requestMeta(c),
    });
    c.header('Content-Disposition', 'attachment; filename="brobygger-mine-data.json"');
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
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
      },
      200,
    );
  })
  .openapi(deleteMeRoute, async (c) => {
    const { password } = c.req.valid('json');
    const { db, config } = c.var.deps;
    const user = await findUserById(db, c.var.user?.id ?? '');
    if (!user) return unauthorized(c);
    if (!(await verifyPassword(user.password_hash, password))) {
      return fieldError(c, 'password', 'Adgangskoden er forkert');
    }
    await db.transaction().execute(async (trx) => {
      // The audit trail keeps that an account was deleted, but not whose: the actor is set to
      // null on delete and no email or name is written. Mail to the address goes too.
      await recordAudit(trx, {
        actorId: null,
        action: 'account.deleted',
        targetType: 'user',
        targetId: user.id,
        ...requestMeta(c),
      });
      await trx.deleteFrom('email_outbox').where('to_address', '=', user.email).execute();
      await trx.deleteFrom('login_throttle').where('key', '=', `account:${user.email}`).execute();
      await trx
        .updateTable('audit_log')
        .set({ ip: null, user_agent: null })
        .where((eb) => eb.or([eb('actor_id', '=', user.id), eb('target_id', '=', user.id)]))
        .where('action', '!=', 'account.deleted')
        .execute();
      await trx.deleteFrom('users').where('id', '=', user.id).execute();
    });
    clearSessionCookie(c, config.production);
    return c.body(null, 204);
  });
