import {
  changePasswordSchema,
  disableTotpSchema,
  enableTotpSchema,
  loginSchema,
  passwordResetRequestSchema,
  passwordResetSchema,
  registerSchema,
  verifyEmailSchema,
} from '@brobygger/domain';
import { createRoute, z } from '@hono/zod-openapi';
import { permit } from '../../auth/guard.ts';
import {
  errors,
  jsonBody,
  jsonContent,
  messageSchema,
  optionallySignedIn,
  publicAccess,
  signedIn,
} from '../../openapi.ts';

export const roleViewSchema = z.object({
  id: z.number().int(),
  role: z.string(),
  focusArea: z.string().nullable().optional(),
  focusAreaName: z.string().nullable(),
  associationId: z.number().int().nullable().optional(),
  associationName: z.string().nullable(),
});

export const userViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  emailVerified: z.boolean(),
  totpEnabled: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
  roles: z.array(roleViewSchema),
});

const tags = ['Accounts'];

export const registerRoute = createRoute({
  operationId: 'register',
  security: publicAccess,
  method: 'post',
  path: '/auth/register',
  tags,
  summary: 'Create an account (a volunteer). Answers the same whether or not the email is taken.',
  request: jsonBody(registerSchema),
  responses: { 202: jsonContent(messageSchema, 'Accepted: check your email'), ...errors(403, 415, 422, 429) },
});

export const loginRoute = createRoute({
  operationId: 'login',
  security: publicAccess,
  method: 'post',
  path: '/auth/login',
  tags,
  summary: 'Sign in; sets the session cookie and answers the token for API clients',
  request: jsonBody(loginSchema),
  responses: {
    200: jsonContent(
      z.object({ user: userViewSchema, token: z.string(), expiresAt: z.string() }),
      'Signed in. Send the token as `Authorization: Bearer <token>`, or rely on the cookie.',
    ),
    ...errors(401, 403, 415, 422, 429),
  },
});

export const logoutRoute = createRoute({
  operationId: 'logout',
  security: optionallySignedIn,
  method: 'post',
  path: '/auth/logout',
  tags,
  summary: 'End the current session',
  responses: { 204: { description: 'Signed out' }, ...errors(403) },
});

export const verifyEmailRoute = createRoute({
  operationId: 'verifyEmail',
  security: publicAccess,
  method: 'post',
  path: '/auth/verify-email',
  tags,
  summary: 'Confirm an email address with the single-use token from the email',
  request: jsonBody(verifyEmailSchema),
  responses: { 200: jsonContent(messageSchema, 'Confirmed'), ...errors(400, 403, 415, 422) },
});

export const resendVerificationRoute = createRoute({
  operationId: 'resendVerification',
  security: signedIn,
  middleware: [permit('account:update-own')] as const,
  method: 'post',
  path: '/auth/verify-email/resend',
  tags,
  summary: 'Send the confirmation email again',
  responses: { 202: jsonContent(messageSchema, 'Sent, unless already confirmed'), ...errors(401, 403) },
});

export const requestPasswordResetRoute = createRoute({
  operationId: 'requestPasswordReset',
  security: publicAccess,
  method: 'post',
  path: '/auth/password-reset',
  tags,
  summary: 'Email a single-use link for choosing a new password. Answers the same for any email.',
  request: jsonBody(passwordResetRequestSchema),
  responses: { 202: jsonContent(messageSchema, 'Accepted'), ...errors(403, 415, 422, 429) },
});

export const confirmPasswordResetRoute = createRoute({
  operationId: 'confirmPasswordReset',
  security: publicAccess,
  method: 'post',
  path: '/auth/password-reset/confirm',
  tags,
  summary: 'Choose a new password with the token from the email; ends every session',
  request: jsonBody(passwordResetSchema),
  responses: { 200: jsonContent(messageSchema, 'Password changed'), ...errors(400, 403, 415, 422) },
});

export const changePasswordRoute = createRoute({
  operationId: 'changePassword',
  security: signedIn,
  middleware: [permit('account:update-own')] as const,
  method: 'post',
  path: '/auth/password',
  tags,
  summary: 'Change the password; ends the other sessions',
  request: jsonBody(changePasswordSchema),
  responses: { 200: jsonContent(messageSchema, 'Password changed'), ...errors(401, 403, 415, 422, 429) },
});

export const setupTotpRoute = createRoute({
  operationId: 'setupTotp',
  security: signedIn,
  middleware: [permit('account:update-own')] as const,
  method: 'post',
  path: '/auth/totp/setup',
  tags,
  summary: 'Start turning on two-factor authentication: a new TOTP secret to scan',
  responses: {
    200: jsonContent(z.object({ secret: z.string(), uri: z.string() }), 'The secret and otpauth URI'),
    ...errors(401, 403, 409),
  },
});

export const enableTotpRoute = createRoute({
  operationId: 'enableTotp',
  security: signedIn,
  middleware: [permit('account:update-own')] as const,
  method: 'post',
  path: '/auth/totp/enable',
  tags,
  summary: 'Turn two-factor authentication on with a code from the app; answers recovery codes once',
  request: jsonBody(enableTotpSchema),
  responses: {
    200: jsonContent(z.object({ recoveryCodes: z.array(z.string()) }), 'Enabled'),
    ...errors(401, 403, 409, 415, 422),
  },
});

export const disableTotpRoute = createRoute({
  operationId: 'disableTotp',
  security: signedIn,
  middleware: [permit('account:update-own')] as const,
  method: 'post',
  path: '/auth/totp/disable',
  tags,
  summary: 'Turn two-factor authentication off (needs the password and a current code or a recovery code)',
  request: jsonBody(disableTotpSchema),
  responses: { 200: jsonContent(messageSchema, 'Disabled'), ...errors(401, 403, 409, 415, 422) },
});
