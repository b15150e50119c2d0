import { safeLocalPath } from './safe-path';

export const signedInHome = '/min-side';

/**
 * Where to go after signing in: the `redirectTo` parameter when it is a path on this site (one
 * `safeLocalPath`), else /min-side — so the login cannot be used as an open redirect.
 */
export function safeRedirectTo(value: string | null | undefined): string {
  const target = safeLocalPath(value, signedInHome);
  // Back to the login page would only send a signed-in user round in a circle.
  return /^\/log-ind(?:[/?#]|$)/.test(target) ? signedInHome : target;
}

/** /log-ind, remembering the page to come back to. */
export function loginUrl(request: Request): string {
  const url = new URL(request.url);
  return `/log-ind?${new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })}`;
}
