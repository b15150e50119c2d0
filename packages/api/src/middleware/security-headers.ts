import { Hono, type MiddlewareHandler } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../context.ts';

/**
 * Powerful browser features that neither the API nor the portal uses, switched off for the page
 * and every frame in it (Permissions-Policy). The portal sends the same list.
 */
export const permissionsPolicy = {
  accelerometer: [],
  autoplay: [],
  camera: [],
  displayCapture: [],
  geolocation: [],
  gyroscope: [],
  magnetometer: [],
  microphone: [],
  midi: [],
  payment: [],
  publickeyCredentialsGet: [],
  screenWakeLock: [],
  serial: [],
  usb: [],
  xrSpatialTracking: [],
  browsingTopics: [],
} satisfies Record<string, never[]>;

const common = (production: boolean) =>
  ({
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    crossOriginResourcePolicy: 'same-origin',
    strictTransportSecurity: production ? 'max-age=31536000; includeSubDomains' : false,
    xXssProtection: '0',
    permissionsPolicy,
  }) as const;

/** The HTML API reference at /api/docs and its script, served from our own origin. */
export function isDocsPath(path: string): boolean {
  return path === '/api/docs' || path.startsWith('/api/docs/');
}

/**
 * Security headers for API responses. JSON never needs to load anything, so the CSP denies
 * everything; the portal sets its own page CSP (with a script nonce) for HTML. The API reference
 * (/api/docs) is the one HTML page here: its scripts come only from our own origin or carry the
 * request's nonce (Hono's `secureHeadersNonce`), no `eval`, and it may fetch only from us.
 */
export function apiSecurityHeaders({ production }: { production: boolean }): MiddlewareHandler<AppEnv> {
  const json = secureHeaders({
    ...common(production),
    // Headers that only a document (or an old browser) reads: not on JSON, where each costs bytes
    // on every answer and protects nothing (OWASP's REST security cheat sheet keeps the rest).
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  });
  const docs = secureHeaders({
    ...common(production),
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'", NONCE],
      // The renderer injects <style> elements without a nonce: styles (never scripts) may be
      // inline on this one page, which shows nothing but our own OpenAPI document.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      objectSrc: ["'none'"],
    },
  });
  return (c, next) => (isDocsPath(c.req.path) ? docs(c, next) : json(c, next));
}

const jsonAnswerHeaders = new Map<boolean, Promise<Record<string, string>>>();
const foundJsonAnswerHeaders = new Map<boolean, Record<string, string>>();

/**
 * `jsonAnswerSecurityHeaders` once it has found them (undefined before): for answers made
 * synchronously (`answerFromMemory`).
 */
export function jsonSecurityHeaders(production: boolean): Record<string, string> | undefined {
  const found = foundJsonAnswerHeaders.get(production);
  if (!found) void jsonAnswerSecurityHeaders(production);
  return found;
}

/**
 * The headers `apiSecurityHeaders` gives a JSON answer, found once by running it: for answers made
 * without the middleware chain (the public read cache's fast path), so there is one source.
 */
export function jsonAnswerSecurityHeaders(production: boolean): Promise<Record<string, string>> {
  let found = jsonAnswerHeaders.get(production);
  if (!found) {
    const probe = new Hono()
      .use(apiSecurityHeaders({ production }) as unknown as MiddlewareHandler)
      .get('/api/probe', (c) => c.body(null, 204));
    found = Promise.resolve(probe.request('/api/probe')).then((res) => {
      const headers = Object.fromEntries(res.headers);
      foundJsonAnswerHeaders.set(production, headers);
      return headers;
    });
    jsonAnswerHeaders.set(production, found);
  }
  return found;
}
