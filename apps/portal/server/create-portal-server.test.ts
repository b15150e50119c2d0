import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppLoadContext } from '@remix-run/node';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalServer, type PortalServerOptions } from './create-portal-server';

// Its health route echoes the cookies it was sent.
const fakeApi = new Hono().get('/api/health', (c) =>
  c.json({ status: 'ok', cookie: c.req.header('cookie') ?? null }),
);

/** Stands in for Remix: renders the nonce it was given and what the API answered through the context. */
async function fakeRemix(_request: Request, context: AppLoadContext): Promise<Response> {
  const health = (await (await context.api.api.health.$get()).json()) as unknown as { cookie: string | null };
  return new Response(`<script nonce="${context.cspNonce}"></script><p>${health.cookie}</p>`, {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
}

function portal(options: Partial<PortalServerOptions> = {}) {
  return createPortalServer({ api: fakeApi, handleRequest: fakeRemix, production: false, ...options });
}

describe('createPortalServer', () => {
  let clientDir: string;

  beforeAll(() => {
    clientDir = mkdtempSync(join(tmpdir(), 'portal-client-'));
    mkdirSync(join(clientDir, 'assets'));
    writeFileSync(join(clientDir, 'assets', 'entry-abc123.js'), 'console.log(1);');
    writeFileSync(join(clientDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  });

  afterAll(() => rmSync(clientDir, { recursive: true, force: true }));

  it('sets the page security headers with a nonce that matches the rendered scripts', async () => {
    const response = await portal().request('/');
    expect(response.status).toBe(200);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(Buffer.from(nonce ?? '', 'base64')).toHaveLength(16);
    expect(await response.text()).toContain(`<script nonce="${nonce}">`);
    expect(csp).toBe(
      `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self'; img-src 'self' data:; ` +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
        "frame-ancestors 'none'",
    );
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('Vary')).toContain('Cookie');
  });

  it('uses a new nonce for every request', async () => {
    const app = portal();
    const csp = async () => (await app.request('/')).headers.get('Content-Security-Policy');
    expect(await csp()).not.toBe(await csp());
  });

  it('sends HSTS only in production', async () => {
    expect((await portal().request('/')).headers.get('Strict-Transport-Security')).toBeNull();
    expect(
      (await portal({ production: true }).request('/')).headers.get('Strict-Transport-Security'),
    ).toMatch(/^max-age=\d+/);
  });

  it('hands /api to the API untouched by the page headers', async () => {
    const response = await portal().request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', cookie: null });
    expect(response.headers.get('Content-Security-Policy')).toBeNull();
  });

  it('gives Remix a typed in-process API client that forwards the visitor’s cookies', async () => {
    const page = await portal().request('/', { headers: { Cookie: 'lng=en' } });
    expect(await page.text()).toContain('<p>lng=en</p>');
  });

  it('serves built assets, caching fingerprinted ones for good', async () => {
    const app = portal({ clientDir });
    const asset = await app.request('/assets/entry-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('X-Content-Type-Options')).toBe('nosniff');

    const favicon = await app.request('/favicon.svg');
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get('Cache-Control')).toBe('public, max-age=3600');
  });

  it('lets Remix answer paths that are not files', async () => {
    const response = await portal({ clientDir }).request('/fokusomraader');
    expect(response.headers.get('Content-Type')).toContain('text/html');
  });

  it('refuses to serve files outside the build directory', async () => {
    const response = await portal({ clientDir }).request('/../package.json');
    expect(response.headers.get('Content-Type')).toContain('text/html');
  });

  it('logs page requests, not asset requests', async () => {
    const entries: object[] = [];
    const logger = { info: (details: object) => entries.push(details), error: () => {} };
    const app = portal({ clientDir, logger });
    await app.request('/assets/entry-abc123.js');
    await app.request('/fokusomraader');
    expect(entries).toEqual([
      expect.objectContaining({ method: 'GET', path: '/fokusomraader', status: 200 }),
    ]);
  });
});
