import type { AppLoadContext } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import type { CurrentUser } from '../load-context';
import { loginUrl } from './redirect-to';

export function isAdmin(user: { roles: readonly { role: string }[] } | null | undefined): boolean {
  return user?.roles.some((grant) => grant.role === 'admin') ?? false;
}

/** The signed-in user; anonymous visitors are sent to /log-ind and brought back afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<CurrentUser> {
  const user = await context.currentUser();
  if (!user) throw redirect(loginUrl(request));
  return user;
}

/**
 * The signed-in visitor, only to let them in or send them to /log-ind: for a shared page, which
 * shows the same to everyone its API reads allow (the page cache keeps it once for all of them;
 * `sharedPages` in apps/portal/server/create-portal-server.ts). Show nothing of the user from it.
 */
export async function requireVisitor(request: Request, context: AppLoadContext): Promise<void> {
  if (!(await context.visitor())) throw redirect(loginUrl(request));
}

/** An admin; other signed-in users get the 403 page. */
export async function requireAdmin(request: Request, context: AppLoadContext): Promise<CurrentUser> {
  const user = await requireUser(request, context);
  if (!isAdmin(user)) throw data({ reason: 'role' }, { status: 403 });
  return user;
}
