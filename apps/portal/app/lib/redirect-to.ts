import { safeReturnTo } from '../i18n/language-cookie';

export const signedInHome = '/min-side';

/**
 * Where to go after signing in: the `redirectTo` parameter when it is a path on this site (one
 * leading "/", not "//" or "/\"), else /min-side — so the login cannot be used as an open redirect.
 */
export function safeRedirectTo(value: string | null | undefined): string {
  const target = safeReturnTo(value, signedInHome);
  // Back to the login page would only send a signed-in user round in a circle.
  return /^\/log-ind(?:[/?#]|$)/.test(target) ? signedInHome : target;
}

/** /log-ind, remembering the page to come back to. */
export function loginUrl(request: Request): string {
  const url = new URL(request.url);
  return `/log-ind?${new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })}`;
}
