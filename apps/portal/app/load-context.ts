import type { ApiType } from '@brobygger/api';
import type { hc } from 'hono/client';

/** The API's typed client; in the portal server it calls the API in-process, without a socket. */
export type ApiClient = ReturnType<typeof hc<ApiType>>;

export interface PortalLoadContext {
  api: ApiClient;
  /** This request's Content-Security-Policy nonce, for the inline scripts Remix renders. */
  cspNonce: string;
}

declare module '@remix-run/server-runtime' {
  interface AppLoadContext extends PortalLoadContext {}
}
