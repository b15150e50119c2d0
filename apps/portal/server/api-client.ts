import type { ApiType } from '@brobygger/api';
import { hc } from 'hono/client';
import type { ApiClient } from '../app/load-context';

export interface InProcessApi {
  /** Hono's `app.request(input, init, env)`: `env` carries the Node socket for getConnInfo. */
  request: (input: RequestInfo | URL, init?: RequestInit, env?: unknown) => Response | Promise<Response>;
}

/** What the API must see of the visitor's own request. */
export interface ForwardedRequest {
  /** The visitor's origin (scheme, host, port): the in-process calls are made to it. */
  origin: string;
  headers: Headers;
  /** The Node server's bindings (`c.env`), so the API finds the client's address as if called directly. */
  env?: unknown;
  /** Called before every state-changing call, so cached reads (the current user) are read again. */
  onMutation?: () => void;
}

// The session cookie, the Origin the API's CSRF check needs, and what the session list shows.
// X-Forwarded-For counts only when the API is told to trust a proxy (TRUST_PROXY).
const forwardedHeaders = ['cookie', 'origin', 'user-agent', 'x-forwarded-for', 'accept-language'];

/**
 * The typed API client the portal's loaders and actions use. It calls the API app in-process
 * (no socket) on the visitor's behalf: same cookies, same Origin, same client address.
 */
export function createApiClient(api: InProcessApi, forward: ForwardedRequest): ApiClient {
  const headers: Record<string, string> = {};
  for (const name of forwardedHeaders) {
    const value = forward.headers.get(name);
    if (value) headers[name] = value;
  }
  return hc<ApiType>(forward.origin, {
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      if (method !== 'GET' && method !== 'HEAD') forward.onMutation?.();
      return api.request(input, init, forward.env);
    },
    headers,
  });
}
