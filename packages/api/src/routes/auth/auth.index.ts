import {
  clearLoginFailures,
  consumeLinkToken,
  createSession,
  generateTotpKey,
  hashPassword,
  invalidateSession,
  invalidateUserSessions,
  isCommonPassword,
  issueLinkToken,
  matchTotp,
  recordLoginFailure,
  replaceRecoveryCodes,
  retryAfterSeconds,
  throttleKeys,
  totpSetup,
  useRecoveryCode,
  verifyAgainstNothing,
  verifyPassword,
} from '@brobygger/auth';
import { createUser, findUserByEmail, findUserById, getUserView, recordAudit } from '@brobygger/db';
import type { Context } from 'hono';
import { clearSessionCookie, writeSessionCookie } from '../../auth/cookies.ts';
import { clientIp, requestMeta } from '../../auth/guard.ts';
import type { AppEnv } from '../../context.ts';
import { errorBody, fieldError, unauthorized } from '../../errors.ts';
import {
  alreadyRegisteredMessage,
  passwordChangedMessage,
  resetPasswordMessage,
  verifyEmailMessage,
} from '../../mail/messages.ts';
import { queueEmail } from '../../mail/send.ts';
import { createRouter } from '../../openapi.ts';
import {
  changePasswordRoute,
  confirmPasswordResetRoute,
  disableTotpRoute,
  enableTotpRoute,
  loginRoute,
  logoutRoute,
  registerRoute,
  requestPasswordResetRoute,
  resendVerificationRoute,
  setupTotpRoute,
  verifyEmailRoute,
} from './auth.routes.ts';

const commonPasswordMessage = 'Adgangskoden er for almindelig – vælg en, der er sværere at gætte';
const link = (c: Context<AppEnv>, path: string, token: string) =>
  `${new URL(path, c.var.deps.config.publicUrl).toString()}?token=${encodeURIComponent(token)}`;

function tooManyAttempts(c: Context<AppEnv>, seconds: number) {
  c.header('Retry-After', String(seconds));
  return c.json(errorBody('too_many_requests', `For mange forsøg. Prøv igen om ${seconds} sekunder.`), 429);
}

export const authRouter = createRouter()
  .openapi(registerRoute, async (c) => {
    const input = c.req.valid('json');
    const { deps } = c.var;
    if (isCommonPassword(input.password)) {
      return fieldError(c, 'password', commonPasswordMessage);
    }
    // Hash whether or not the email is taken, so the time taken does not tell either.
    const passwordHash = await hashPassword(input.password);
    const user = await createUser(deps.db, {
      email: input.email,
      passwordHash,
      displayName: input.displayName,
    });
    if (user) {
      const token = await issueLinkToken(deps.db, user.id, 'verify-email');
      await queueEmail(
        deps,
        verifyEmailMessage(input.email, input.displayName, link(c, '/bekraeft-email', token)),
      );
      await recordAudit(deps.db, {
        actorId: user.id,
        action: 'account.registered',
        targetType: 'user',
        targetId: user.id,
        ...requestMeta(c),
      });
    } else {
      const existing = await findUserByEmail(deps.db, input.email);
      if (existing && existing.disabled_at === null) {
        const token = await issueLinkToken(deps.db, existing.id, 'reset-password');
        await queueEmail(deps, alreadyRegisteredMessage(input.email, link(c, '/nulstil-adgangskode', token)));
      }
    }
    return c.json(
      { message: 'Tak! Vi har sendt en e-mail til adressen. Følg linket i den for at bekræfte din bruger.' },
      202,
    );
  })
  .openapi(loginRoute, async (c) => {
    const input = c.req.valid('json');
    const { db, config } = c.var.deps;
    const meta = requestMeta(c);
    const keys = throttleKeys(input.email, clientIp(c));
    const wait = await retryAfterSeconds(db, keys);
    if (wait > 0) return tooManyAttempts(c, wait);

    const user = await findUserByEmail(db, input.email);
    const passwordOk = user
      ? await verifyPassword(user.password_hash, input.password)
      : await verifyAgainstNothing(input.password);
    const fail = async (reason: string) => {
      await recordLoginFailure(db, keys);
      await recordAudit(db, {
        actorId: null,
        action: 'login.failed',
        targetType: 'user',
        targetId: user?.id ?? null,
        details: { reason },
        ...meta,
      });
      return c.json(errorBody('invalid_credentials', 'Forkert e-mail eller adgangskode.'), 401);
    };
    if (!user || !passwordOk) return fail(user ? 'password' : 'unknown-email');
    if (user.disabled_at !== null) return fail('disabled');

    if (user.totp_enabled_at !== null && user.totp_key) {
      if (input.recoveryCode) {
        if (!(await useRecoveryCode(db, user.id, input.recoveryCode))) return fail('recovery-code');
      } else if (input.totpCode) {
        const step = matchTotp(user.totp_key, input.totpCode, user.totp_last_step);
        if (step === undefined) return fail('totp');
        await db.updateTable('users').set({ totp_last_step: step }).where('id', '=', user.id).execute();
      } else {
        return c.json(errorBody('totp_required', 'Skriv koden fra din godkendelsesapp.'), 401);
      }
    }

    await clearLoginFailures(db, `account:${user.email}`);
    const session = await createSession(db, user.id, meta);
    await recordAudit(db, {
      actorId: user.id,
      action: 'login',
      targetType: 'user',
      targetId: user.id,
      ...meta,
    });
    writeSessionCookie(c, session.token, config.production);
    const view = await getUserView(db, user.id);
    if (!view) throw new Error('user vanished during login');
    return c.json(
      {
        user: { ...view, createdAt: view.createdAt.toISOString() },
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
      },
      200,
    );
  })
  .openapi(logoutRoute, async (c) => {
    const { db, config } = c.var.deps;
    const session = c.var.session;
    if (session) {
      await invalidateSession(db, session.id);
      await recordAudit(db, {
        actorId: session.user_id,
        action: 'logout',
        targetType: 'user',
        targetId: session.user_id,
        ...requestMeta(c),
      });
    }
    clearSessionCookie(c, config.production);
    return c.body(null, 204);
  })
  .openapi(verifyEmailRoute, async (c) => {
    const { token } = c.req.valid('json');
    const { db } = c.var.deps;
    const userId = await consumeLinkToken(db, token, 'verify-email');
    if (!userId) return c.json(errorBody('invalid_token', 'Linket er ugyldigt, brugt eller udløbet.'), 400);
    await db
      .updateTable('users')
      .set({ email_verified_at: new Date(), updated_at: new Date() })
      .where('id', '=', userId)
      .execute();
    await recordAudit(db, {
      actorId: userId,
      action: 'account.email-verified',
      targetType: 'user',
      targetId: userId,
      ...requestMeta(c),
    });
    return c.json({ message: 'Tak! Din e-mailadresse er bekræftet.' }, 200);
  })
  .openapi(resendVerificationRoute, async (c) => {
    const { deps } = c.var;
    const user = await findUserById(deps.db, c.var.user?.id ?? '');
    if (user && user.email_verified_at === null) {
      const token = await issueLinkToken(deps.db, user.id, 'verify-email');
      await queueEmail(
        deps,
        verifyEmailMessage(user.email, user.display_name, link(c, '/bekraeft-email', token)),
      );
    }
    return c.json({ message: 'Vi har sendt en ny e-mail med et link.' }, 202);
  })
  .openapi(requestPasswordResetRoute, async (c) => {
    const { email } = c.req.valid('json');
    const { deps } = c.var;
    // Shares the login throttle per IP, so the endpoint cannot be used to flood an inbox.
    const keys = throttleKeys(`reset:${email}`, clientIp(c));
    const wait = await retryAfterSeconds(deps.db, keys);
    if (wait > 0) return tooManyAttempts(c, wait);
    await recordLoginFailure(deps.db, keys);
    const user = await findUserByEmail(deps.db, email);
    if (user && user.disabled_at === null) {
      const token = await issueLinkToken(deps.db, user.id, 'reset-password');
      await queueEmail(deps, resetPasswordMessage(email, link(c, '/nulstil-adgangskode', token)));
      await recordAudit(deps.db, {
        actorId: null,
        action: 'password.reset-requested',
        targetType: 'user',
        targetId: user.id,
        ...requestMeta(c),
      });
    }
    return c.json(
      {
        message:
          'Hvis adressen hører til en bruger, har vi sendt en e-mail med et link til at vælge en ny adgangskode.',
      },
      202,
    );
  })
  .openapi(confirmPasswordResetRoute, async (c) => {
    const { token, password } = c.req.valid('json');
    const { deps } = c.var;
    if (isCommonPassword(password)) {
      return fieldError(c, 'password', commonPasswordMessage);
    }
    const userId = await consumeLinkToken(deps.db, token, 'reset-password');
    const user = userId ? await findUserById(deps.db, userId) : undefined;
    if (!user || user.disabled_at !== null) {
      return c.json(errorBody('invalid_token', 'Linket er ugyldigt, brugt eller udløbet.'), 400);
    }
    const now = new Date();
    await deps.db
      .updateTable('users')
      .set({
        password_hash: await hashPassword(password),
        password_changed_at: now,
        // The link came by email, so the address is proven.
        email_verified_at: user.email_verified_at ?? now,
        updated_at: now,
      })
      .where('id', '=', user.id)
      .execute();
    await invalidateUserSessions(deps.db, user.id);
    await clearLoginFailures(deps.db, `account:${user.email}`);
    await queueEmail(deps, passwordChangedMessage(user.email));
    await recordAudit(deps.db, {
      actorId: user.id,
      action: 'password.reset',
      targetType: 'user',
      targetId: user.id,
      ...requestMeta(c),
    });
    return c.json({ message: 'Din adgangskode er ændret. Du kan nu logge ind.' }, 200);
  })
  .openapi(changePasswordRoute, async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json');
    const { deps } = c.var;
    const user = await findUserById(deps.db, c.var.user?.id ?? '');
    if (!user) return unauthorized(c);
    const keys = throttleKeys(user.email, clientIp(c));
    const wait = await retryAfterSeconds(deps.db, keys);
    if (wait > 0) return tooManyAttempts(c, wait);
    if (!(await verifyPassword(user.password_hash, currentPassword))) {
      await recordLoginFailure(deps.db, keys);
      return fieldError(c, 'currentPassword', 'Den nuværende adgangskode er forkert');
    }
    if (isCommonPassword(newPassword)) {
      return fieldError(c, 'newPassword', commonPasswordMessage);
    }
    const now = new Date();
    await deps.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(newPassword), password_changed_at: now, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    const ended = await invalidateUserSessions(deps.db, user.id, c.var.session?.id);
    await queueEmail(deps, passwordChangedMessage(user.email));
    await recordAudit(deps.db, {
      actorId: user.id,
      action: 'password.changed',
      targetType: 'user',
      targetId: user.id,
      details: { otherSessionsEnded: ended },
      ...requestMeta(c),
    });
    return c.json({ message: 'Din adgangskode er ændret, og du er logget ud alle andre steder.' }, 200);
  })
  .openapi(setupTotpRoute, async (c) => {
    const { db } = c.var.deps;
    const user = c.var.user;
    if (!user) return unauthorized(c);
    if (user.totpEnabled)
      return c.json(errorBody('conflict', 'Totrinsbekræftelse er allerede slået til.'), 409);
    const key = generateTotpKey();
    await db
      .updateTable('users')
      .set({ totp_key: key, totp_last_step: null })
      .where('id', '=', user.id)
      .execute();
    return c.json(totpSetup(key, user.email), 200);
  })
  .openapi(enableTotpRoute, async (c) => {
    const { code } = c.req.valid('json');
    const { db } = c.var.deps;
    const user = await findUserById(db, c.var.user?.id ?? '');
    if (!user) return unauthorized(c);
    if (user.totp_enabled_at !== null)
      return c.json(errorBody('conflict', 'Totrinsbekræftelse er allerede slået til.'), 409);
    if (!user.totp_key) return c.json(errorBody('conflict', 'Start opsætningen først.'), 409);
    const step = matchTotp(user.totp_key, code, null);
    if (step === undefined) {
      return fieldError(
        c,
        'code',
        'Koden passer ikke. Tjek at uret på din telefon går rigtigt, og prøv igen.',
      );
    }
    await db
      .updateTable('users')
      .set({ totp_enabled_at: new Date(), totp_last_step: step })
      .where('id', '=', user.id)
      .execute();
    const recoveryCodes = await replaceRecoveryCodes(db, user.id);
    await recordAudit(db, {
      actorId: user.id,
      action: 'totp.enabled',
      targetType: 'user',
      targetId: user.id,
      ...requestMeta(c),
    });
    return c.json({ recoveryCodes }, 200);
  })
  .openapi(disableTotpRoute, async (c) => {
    const { password } = c.req.valid('json');
    const { db } = c.var.deps;
    const user = await findUserById(db, c.var.user?.id ?? '');
    if (!user) return unauthorized(c);
    if (user.totp_enabled_at === null)
      return c.json(errorBody('conflict', 'Totrinsbekræftelse er ikke slået til.'), 409);
    if (!(await verifyPassword(user.password_hash, password))) {
      return fieldError(c, 'password', 'Adgangskoden er forkert');
    }
    await db
      .updateTable('users')
      .set({ totp_enabled_at: null, totp_key: null, totp_last_step: null })
      .where('id', '=', user.id)
      .execute();
    await db.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
    await recordAudit(db, {
      actorId: user.id,
      action: 'totp.disabled',
      targetType: 'user',
      targetId: user.id,
      ...requestMeta(c),
    });
    return c.json({ message: 'Totrinsbekræftelse er slået fra.' }, 200);
  });
