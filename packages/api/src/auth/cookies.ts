import { sessionAbsoluteLifetimeMs } from '@brobygger/auth';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { parse as parseCookie } from 'hono/utils/cookie';

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

const plainCookieValue = /^[A-Za-z0-9_-]+$/;

/** Trims spaces and tabs, as Hono's cookie parser does (not other whitespace). */
function trimCookieSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return text.slice(start, end);
}

/**
 * The session token in a Cookie header, as the chain reads it (Hono's `getCookie`): the first
 * pair of that name whose value is valid. The common case (the first such pair holds a plain
 * token) is read here without building every cookie; anything else goes to Hono's parser.
 */
export function sessionTokenOf(cookieHeader: string | undefined, production: boolean): string | undefined {
  if (!cookieHeader) return undefined;
  const name = sessionCookieName(production);
  if (!cookieHeader.includes(name)) return undefined;
  for (const pair of cookieHeader.split(';')) {
    const equals = pair.indexOf('=');
    if (equals === -1 || trimCookieSpace(pair.slice(0, equals)) !== name) continue;
    const value = trimCookieSpace(pair.slice(equals + 1));
    return plainCookieValue.test(value) ? value : parseCookie(cookieHeader, name)[name];
  }
  return undefined;
}
