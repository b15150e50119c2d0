import type { AppLoadContext } from '@remix-run/node';
import { Hono } from 'hono';
import { createApiClient, type InProcessApi } from './api-client';
import { compressResponses, staticFiles } from './compression';
import { fetchCurrentUser } from './current-user';
import { limitFormBody } from './form-body-limit';
import { createCspNonce, pageSecurityHeaders } from './security-headers';

export interface PortalLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface PortalApi extends InProcessApi {
  /** Answers every request under /api (its routes carry the /api prefix themselves). */
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
}

const safeMethods = new Set(['GET', 'HEAD']);

/**
 * Whether a page request may change something: reads always may; anything else (a Remix action)
 * must come from the portal's own origin or PUBLIC_URL. The API checks this too, but only for
 * the calls it receives; the portal refuses before any action runs.
 */
export function isSameOriginRequest(request: Request, publicUrl?: string): boolean {
  if (safeMethods.has(request.method)) return true;
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const allowed = new Set([new URL(request.url).origin]);
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  return allowed.has(origin);
}

export interface PortalServerOptions {
  api: PortalApi;
  /** Remix's request handler (`createRequestHandler(build, mode)`). */
  handleRequest: (request: Request, loadContext: AppLoadContext) => Promise<Response>;
  /** Remix's built browser assets (`build/client`); omitted in development, where Vite serves them. */
  clientDir?: string;
  /** Where users reach the portal (PUBLIC_URL); a trusted Origin besides the request's own. */
  publicUrl?: string | undefined;
  /** NODE_ENV=production: adds HSTS. */
  production: boolean;
  /** Running under Vite's dev server, whose hot reloading needs a looser CSP. */
  dev?: boolean;
  logger?: PortalLogger;
}

const personalPages =
  /^\/(?:min-side|admin|log-ind|log-ud|opret-bruger|nulstil-adgangskode|bekraeft-email)(?:[/.]|$)/;

/**
 * A page no cache may keep: the account pages, anything that sets a cookie (a login), and every
 * page shown to a signed-in visitor (the header shows their name).
 */
async function isPersonal(
  path: string,
  response: Response,
  currentUser: Promise<unknown> | undefined,
): Promise<boolean> {
  if (personalPages.test(path) || response.headers.has('Set-Cookie')) return true;
  return Boolean(currentUser && (await currentUser.catch(() => null)));
}

type PortalEnv = { Variables: { cspNonce: string; staticFile?: string } };

function hasExtension(path: string): boolean {
  return path.slice(path.lastIndexOf('/') + 1).includes('.');
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * The portal's HTTP app: static files, the API under /api, and every other path rendered by Remix.
 * It does not listen; `server/main.ts` serves it, and tests call `app.request()`.
 */
export function createPortalServer(options: PortalServerOptions): Hono<PortalEnv> {
  const { api, handleRequest, clientDir, publicUrl, production, dev = false, logger } = options;
  const app = new Hono<PortalEnv>();

  // Outermost, so it sees every answer (pages, the API, static files) with its final headers.
  app.use('*', compressResponses());

  // Pages and static files get the portal's security headers; the API sets its own.
  app.use('*', async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    const started = performance.now();
    const nonce = createCspNonce();
    c.set('cspNonce', nonce);
    await next();
    for (const [name, value] of Object.entries(pageSecurityHeaders(nonce, { production, dev }))) {
      c.res.headers.set(name, value);
    }
    // Built assets would drown the page requests in the log.
    if (c.get('staticFile')) return;
    logger?.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round(performance.now() - started),
      },
      'portal request',
    );
  });

  if (clientDir) {
    const serveFile = staticFiles<PortalEnv>(clientDir, (path, c) => c.set('staticFile', path));
    // Every built file has an extension; API calls and pages never look on disk (a stat per request).
    app.use('*', (c, next) =>
      isApiPath(c.req.path) || !hasExtension(c.req.path) ? next() : serveFile(c, next),
    );
  }

  app.use('*', limitFormBody());

  app.all('/api', (c) => api.fetch(c.req.raw, c.env));
  app.all('/api/*', (c) => api.fetch(c.req.raw, c.env));

  app.all('*', async (c) => {
    const request = c.req.raw;
    if (!isSameOriginRequest(request, publicUrl)) {
      return c.text('Forbidden: the form was not sent from this site.', 403);
    }
    let currentUser: ReturnType<AppLoadContext['currentUser']> | undefined;
    const client = createApiClient(api, {
      origin: new URL(request.url).origin,
      headers: request.headers,
      env: c.env,
      onMutation: () => {
        currentUser = undefined;
      },
    });
    const loadContext: AppLoadContext = {
      api: client,
      cspNonce: c.get('cspNonce'),
      currentUser: () => {
        currentUser ??= fetchCurrentUser(client);
        return currentUser;
      },
    };
    const response = await handleRequest(request, loadContext);
    // The language and the session come from cookies, so caches must key on them.
    response.headers.append('Vary', 'Cookie');
    if (await isPersonal(c.req.path, response, currentUser))
      response.headers.set('Cache-Control', 'no-store');
    return response;
  });

  app.onError((error, c) => {
    logger?.error({ err: error, path: c.req.path }, 'portal request failed');
    return c.text('Internal Server Error', 500);
  });

  return app;
}
