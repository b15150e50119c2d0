import { sessionAbsoluteLifetimeMs } from '@brobygger/auth';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

const baseName = 'brobygger_session';

/** `__Host-` in production: the browser then insists on Secure, Path=/ and no Domain. */
export const sessionCookieName = (production: boolean) => (production ? `__Host-${baseName}` : baseName);

export function readSessionCookie(c: Context, production: boolean): string | undefined {
  return production ? getCookie(c, baseName, 'host') : getCookie(c, baseName);
}

export function writeSessionCookie(c: Context, token: string, production: boolean): void {
  const options = {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.floor(sessionAbsoluteLifetimeMs / 1000),
  } as const;
  if (production) setCookie(c, baseName, token, { ...options, secure: true, prefix: 'host' });
  else setCookie(c, baseName, token, options);
}

export function clearSessionCookie(c: Context, production: boolean): void {
  if (production) deleteCookie(c, baseName, { path: '/', secure: true, prefix: 'host' });
  else deleteCookie(c, baseName, { path: '/' });
}
