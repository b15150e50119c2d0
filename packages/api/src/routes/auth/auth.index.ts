import { clearSessionCookie, writeSessionCookie } from '../../auth/cookies.ts';
import { createRouter } from '../../openapi.ts';
import {
  changePassword,
  confirmPasswordReset,
  disableTwoFactor,
  enableTwoFactor,
  login,
  logout,
  register,
  requestPasswordReset,
  resendVerification,
  setUpTwoFactor,
  verifyEmail,
} from '../../services/accounts/index.ts';
import { useCaseContext } from '../../use-case-context.ts';
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

// Handlers parse (the route's zod schemas), call one use case, and shape the answer. A use
// case's expected failure (UseCaseError) becomes its 4xx answer in app.ts.
export const authRouter = createRouter()
  .openapi(registerRoute, async (c) => {
    await register(useCaseContext(c), c.req.valid('json'));
    return c.json(
      { message: 'Tak! Vi har sendt en e-mail til adressen. Følg linket i den for at bekræfte din bruger.' },
      202,
    );
  })
  .openapi(loginRoute, async (c) => {
    const { user, session } = await login(useCaseContext(c), c.req.valid('json'));
    writeSessionCookie(c, session.token, c.get('deps').config.production);
    return c.json(
      {
        user: { ...user, createdAt: user.createdAt.toISOString() },
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
      },
      200,
    );
  })
  .openapi(logoutRoute, async (c) => {
    await logout(useCaseContext(c));
    clearSessionCookie(c, c.get('deps').config.production);
    return c.body(null, 204);
  })
  .openapi(verifyEmailRoute, async (c) => {
    await verifyEmail(useCaseContext(c), c.req.valid('json').token);
    return c.json({ message: 'Tak! Din e-mailadresse er bekræftet.' }, 200);
  })
  .openapi(resendVerificationRoute, async (c) => {
    await resendVerification(useCaseContext(c));
    return c.json({ message: 'Vi har sendt en ny e-mail med et link.' }, 202);
  })
  .openapi(requestPasswordResetRoute, async (c) => {
    await requestPasswordReset(useCaseContext(c), c.req.valid('json').email);
    return c.json(
      {
        message:
          'Hvis adressen hører til en bruger, har vi sendt en e-mail med et link til at vælge en ny adgangskode.',
      },
      202,
    );
  })
  .openapi(confirmPasswordResetRoute, async (c) => {
    await confirmPasswordReset(useCaseContext(c), c.req.valid('json'));
    return c.json({ message: 'Din adgangskode er ændret. Du kan nu logge ind.' }, 200);
  })
  .openapi(changePasswordRoute, async (c) => {
    await changePassword(useCaseContext(c), c.req.valid('json'));
    return c.json({ message: 'Din adgangskode er ændret, og du er logget ud alle andre steder.' }, 200);
  })
  .openapi(setupTotpRoute, async (c) => {
    return c.json(await setUpTwoFactor(useCaseContext(c)), 200);
  })
  .openapi(enableTotpRoute, async (c) => {
    return c.json(await enableTwoFactor(useCaseContext(c), c.req.valid('json').code), 200);
  })
  .openapi(disableTotpRoute, async (c) => {
    await disableTwoFactor(useCaseContext(c), c.req.valid('json'));
    return c.json({ message: 'Totrinsbekræftelse er slået fra.' }, 200);
  });
