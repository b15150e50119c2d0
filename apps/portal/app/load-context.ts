import type { ApiType } from '@brobygger/api';
import type { hc, InferResponseType } from 'hono/client';

/** The API's typed client; in the portal server it calls the API in-process, without a socket. */
export type ApiClient = ReturnType<typeof hc<ApiType>>;

/** The signed-in user as `GET /api/me` describes them. */
export type CurrentUser = InferResponseType<ApiClient['api']['me']['$get'], 200>['user'];

export interface PortalLoadContext {
  api: ApiClient;
  /** This request's Content-Security-Policy nonce, for the inline scripts Remix renders. */
  cspNonce: string;
  /**
   * The signed-in user, or null for anonymous visitors. Asked of the API once per request (again
   * only after a state-changing call), however many loaders want it.
   */
  currentUser: () => Promise<CurrentUser | null>;
  /**
   * The same user, for the header's account menu only (the root loader). A page whose loaders
   * never call `currentUser()` is the same for everyone but for that menu, so the page cache can
   * share it with signed-in visitors and put their own menu in (apps/portal/server/page-cache.ts).
   */
  headerUser: () => Promise<CurrentUser | null>;
  /**
   * The same user, only to decide whether they may see the page (sign in first, or 403): for a
   * page that shows everyone it lets in the same thing (a shared page, ADR 0013), which the page
   * cache may then keep once for all of them. A loader that shows anything about the visitor
   * must use `currentUser()`.
   */
  visitor: () => Promise<CurrentUser | null>;
}

declare module '@remix-run/server-runtime' {
  interface AppLoadContext extends PortalLoadContext {}
}
