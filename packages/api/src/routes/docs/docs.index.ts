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
    })),
  )
  .get('/docs/:file{scalar-[0-9A-Za-z.+-]+\\.js}', async (c) => {
    const { script, version } = await loadBundle();
    if (c.req.param('file') !== `scalar-${version}.js`) return c.notFound();
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(new Uint8Array(script));
  });
