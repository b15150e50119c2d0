import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';

/**
 * The readable API reference at /api/docs: Scalar's renderer over /api/openapi.json. Its browser
 * bundle ships in the npm package and is served from here, so the page loads no script from
 * another site (the CSP for /api/docs allows only our origin and the page's nonce).
 */
const entry = pathToFileURL(createRequire(import.meta.url).resolve('@scalar/api-reference'));
const bundleUrl = new URL('browser/standalone.js', entry);
const packageUrl = new URL('../package.json', entry);

let bundle: Promise<{ script: Buffer; version: string }> | undefined;
function loadBundle() {
  bundle ??= Promise.all([readFile(bundleUrl), readFile(packageUrl, 'utf8')]).then(([script, pkg]) => ({
    script,
    version: (JSON.parse(pkg) as { version: string }).version,
  }));
  return bundle;
}

/** Where the page loads the renderer: versioned, so it can be cached for good. */
export async function docsScriptPath(): Promise<string> {
  return `/api/docs/scalar-${(await loadBundle()).version}.js`;
}

export const docsRouter = new Hono<AppEnv>()
  .get(
    '/docs',
    // The page is in English (as the API document); say so for screen readers.
    async (c, next) => {
      await next();
      const html = await c.res.text();
      c.res = new Response(
        html.replace(/^<!doctype html>\s*<html>/i, '<!doctype html>\n<html lang="en">'),
        c.res,
      );
    },
    Scalar(async (c) => ({
      url: '/api/openapi.json',
      pageTitle: 'Brobygger API',
      cdn: await docsScriptPath(),
      nonce: c.get('secureHeadersNonce'),
      // Nothing from another site: no web fonts, no hosted proxy, no AI or MCP features.
      withDefaultFonts: false,
      proxyUrl: '',
      agent: { disabled: true },
      mcp: { disabled: true },
      telemetry: false,
      showDeveloperTools: 'never',
      forceDarkModeState: 'light',
      hideDarkModeToggle: true,
      // Scalar's muted greys fall below WCAG AA contrast (4.5:1) on white: darken them.
      customCss: `.light-mode, .light-mode .sidebar {
  --scalar-color-2: #3d3d3d;
  --scalar-color-3: #4f4f4f;
  --scalar-sidebar-color-2: #3d3d3d;
  --scalar-sidebar-search-color: #4f4f4f;
  --scalar-color-green: #0a6b3a;
  --scalar-color-blue: #1d4fb8;
  --scalar-color-orange: #9a4300;
  --scalar-color-red: #b0152d;
  --scalar-color-purple: #5b2fa6;
  --scalar-color-yellow: #7a5600;
}
.light-mode .hljs-string, .light-mode .hljs-number, .light-mode .hljs-attr { color: #0a5a30; }
.dark-mode .hljs-string, .dark-mode .hljs-number, .dark-mode .hljs-attr { color: #9ee6b8; }
.light-mode .sidebar-heading-type { color: inherit; }
.dark-mode {
  --scalar-color-2: rgba(255, 255, 245, 0.78);
  --scalar-color-3: rgba(255, 255, 245, 0.7);
  --scalar-color-blue: #a5b4fc;
  --scalar-color-green: #6ee7b7;
  --scalar-color-orange: #fdba74;
  --scalar-color-red: #fda4af;
  --scalar-color-purple: #d8b4fe;
  --scalar-color-yellow: #fde68a;
}`,
    })),
  )
  .get('/docs/:file{scalar-[0-9A-Za-z.+-]+\\.js}', async (c) => {
    const { script, version } = await loadBundle();
    if (c.req.param('file') !== `scalar-${version}.js`) return c.notFound();
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(new Uint8Array(script));
  });
