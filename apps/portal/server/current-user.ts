import type { ApiClient, CurrentUser } from '../app/load-context';

/** `GET /api/me`: the user, null when nobody is signed in (401), an error for anything else. */
export async function fetchCurrentUser(api: ApiClient): Promise<CurrentUser | null> {
  const response = await api.api.me.$get();
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`GET /api/me answered ${response.status}`);
  const { user } = (await response.json()) as { user: CurrentUser };
  return user;
}
