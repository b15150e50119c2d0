import type { ApiType } from '@brobygger/api';
import { hc } from 'hono/client';
import type { ApiClient } from '../app/load-context';

export interface InProcessApi {
  request: (input: RequestInfo | URL, init?: RequestInit) => Response | Promise<Response>;
}

/**
 * The typed API client the portal's loaders use. It calls the API app in-process (no socket) and
 * passes on the visitor's cookies, so the API sees the same session as the browser.
 */
export function createApiClient(api: InProcessApi, forward: { cookie?: string | null } = {}): ApiClient {
  const headers: Record<string, string> = {};
  if (forward.cookie) headers.cookie = forward.cookie;
  return hc<ApiType>('http://portal.internal', {
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => api.request(input, init),
    headers,
  });
}
