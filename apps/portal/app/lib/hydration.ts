import { useMatches } from '@remix-run/react';

/**
 * What the root layout reads of a route's `handle`. A page ships no JavaScript unless one of its
 * matched routes asks for it with `export const handle = hydrate;`: every form works without
 * JavaScript, and a public page without scripts loads fast on a phone (docs/benchmarks.md).
 */
export interface RouteHandle {
  /** The page loads React and Remix in the browser and hydrates. */
  hydrate?: boolean;
}

/** `export const handle = hydrate;` in a route module makes its pages ship JavaScript. */
export const hydrate: RouteHandle = { hydrate: true };

/**
 * Whether the page ships its scripts (`<Scripts>`, `<ScrollRestoration>`). Decided on the server
 * from the matched routes. In the browser the app runs only on a page that asked for it, so there
 * the answer is always yes — also after a client-side navigation to a page that would not ask.
 */
export function useShipsJavaScript(): boolean {
  const matches = useMatches();
  if (typeof document !== 'undefined') return true;
  return matches.some((match) => (match.handle as RouteHandle | undefined)?.hydrate === true);
}
