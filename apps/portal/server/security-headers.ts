import { randomBytes } from 'node:crypto';

/** A fresh Content-Security-Policy nonce: 128 random bits, base64. */
export function createCspNonce(): string {
  return randomBytes(16).toString('base64');
}

export interface SecurityHeaderOptions {
  /** Adds Strict-Transport-Security (only behind HTTPS, i.e. NODE_ENV=production). */
  production: boolean;
  /** Vite's dev server injects inline scripts and styles for hot reloading. */
  dev?: boolean;
}

const nonceSlot = '\u0000nonce\u0000';
const templates = new Map<boolean, string[]>();

/** The page CSP with `nonce` in it (built once per mode; every page request needs one). */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  const dev = options.dev ?? false;
  let template = templates.get(dev);
  if (!template) {
    // The parts around the nonce (one part when the policy has none: development).
    template = buildContentSecurityPolicy(nonceSlot, { dev }).split(nonceSlot);
    templates.set(dev, template);
  }
  return template.join(nonce);
}

function buildContentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  const directives = options.dev
    ? {
        'default-src': "'self'",
        'script-src': "'self' 'unsafe-inline'",
        'style-src': "'self' 'unsafe-inline'",
        'img-src': "'self' data:",
        'font-src': "'self'",
        'connect-src': "'self' ws: wss:",
      }
    : {
        'default-src': "'self'",
        'script-src': `'self' 'nonce-${nonce}'`,
        'style-src': "'self'",
        'img-src': "'self' data:",
        'font-src': "'self'",
        'connect-src': "'self'",
      };
  return Object.entries({
    ...directives,
    'object-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'self'",
    'frame-ancestors': "'none'",
  })
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');
}

/** Powerful browser features the portal never uses, off for the page and its frames (as the API). */
export const permissionsPolicy = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
  'browsing-topics',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** The headers every portal page and static file carries. */
export function pageSecurityHeaders(nonce: string, options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(nonce, { dev: options.dev ?? false }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': permissionsPolicy,
  };
  if (options.production) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}
