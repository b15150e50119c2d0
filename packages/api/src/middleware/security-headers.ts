import { secureHeaders } from 'hono/secure-headers';

/**
 * Security headers for API responses. JSON never needs to load anything, so the CSP denies
 * everything; the portal sets its own page CSP (with a script nonce) for HTML.
 */
export function apiSecurityHeaders({ production }: { production: boolean }) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    crossOriginResourcePolicy: 'same-origin',
    strictTransportSecurity: production ? 'max-age=31536000; includeSubDomains' : false,
    xXssProtection: '0',
  });
}
