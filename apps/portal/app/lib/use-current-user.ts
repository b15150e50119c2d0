import { useRouteLoaderData } from '@remix-run/react';
import type { loader as rootLoader } from '../root';

/** Who is signed in, as the root loader saw it: the name and whether they are an admin. */
export function useSignedInUser() {
  return useRouteLoaderData<typeof rootLoader>('root')?.user ?? null;
}
