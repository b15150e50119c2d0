import { data } from '@remix-run/node';

/** The API answered something the page cannot turn into a 4xx: our fault, a 500 page. */
export class ApiCallError extends Error {
  constructor(
    readonly endpoint: string,
    readonly status: number,
  ) {
    super(`${endpoint} answered ${status}`);
    this.name = 'ApiCallError';
  }
}

/**
 * Turns a failed API call a loader cannot do without into the page's answer. The API refuses odd
 * input (a control character in a slug, a malformed id) with 400 or 422, and that is the visitor's
 * input, not our failure: the page answers 400. A 404 from the API is the page's 404. Anything
 * else (5xx, or a status the page does not expect) is an error, logged and shown as a 500.
 */
export function apiFailure(endpoint: string, status: number): never {
  if (status === 400 || status === 422) throw data({ about: 'bad-request' }, { status: 400 });
  if (status === 404) throw data({ about: 'page' }, { status: 404 });
  throw new ApiCallError(endpoint, status);
}
