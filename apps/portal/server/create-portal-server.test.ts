import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppLoadContext } from '@remix-run/node';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalServer, isSameOriginRequest, type PortalServerOptions } from './create-portal-server';

// Its health route echoes the cookies it was sent; /api/echo echoes what the portal forwards.
type NodeBindings = { incoming?: { socket: { remoteAddress: string } } } | undefined;
const fakeApi = new Hono()
  .get('/api/health', (c) => c.json({ status: 'ok', cookie: c.req.header('cookie') ?? null }))
  .all('/api/echo', (c) =>
    c.json({
      url: c.req.url,
      method: c.req.method,
      cookie: c.req.header('cookie') ?? null,
      origin: c.req.header('origin') ?? null,
      userAgent: c.req.header('user-agent') ?? null,
      remoteAddress: (c.env as NodeBindings)?.incoming?.socket.remoteAddress ?? null,
    }),
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

  it('looks on disk only for paths with an extension, never for pages or the API', async () => {
    writeFileSync(join(clientDir, 'fokusomraader'), 'not a page');
    mkdirSync(join(clientDir, 'api'), { recursive: true });
    writeFileSync(join(clientDir, 'api', 'health'), 'not the API');
    const app = portal({ clientDir });
    expect(await (await app.request('/fokusomraader')).text()).not.toBe('not a page');
    expect(await (await app.request('/api/health')).json()).toEqual({ status: 'ok', cookie: null });
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

  it('forwards cookie, Origin, User-Agent and the Node bindings to in-process API calls', async () => {
    let echoed: unknown;
    const handleRequest = async (_request: Request, context: AppLoadContext) => {
      // The echo route is not in the API's type; call it through the client's fetch.
      const client = context.api as unknown as { api: { echo: { $post: () => Promise<Response> } } };
      echoed = await (await client.api.echo.$post()).json();
      return new Response('ok');
    };
    const app = portal({ handleRequest });
    const env = { incoming: { socket: { remoteAddress: '203.0.113.7' } } };
    await app.request(
      'http://portal.test/min-side',
      {
        method: 'POST',
        headers: {
          Cookie: 'brobygger_session=abc',
          Origin: 'http://portal.test',
          'User-Agent': 'TestBrowser/1.0',
        },
      },
      env,
    );
    expect(echoed).toEqual({
      url: 'http://portal.test/api/echo',
      method: 'POST',
      cookie: 'brobygger_session=abc',
      origin: 'http://portal.test',
      userAgent: 'TestBrowser/1.0',
      remoteAddress: '203.0.113.7',
    });
  });

  it('asks the API for the current user once per request, and again after a change', async () => {
    let calls = 0;
    const api = new Hono()
      .get('/api/me', (c) => {
        calls++;
        return c.json({ user: { id: 'u1', displayName: 'Frida' } });
      })
      .post('/api/auth/logout', (c) => c.body(null, 204));
    const handleRequest = async (_request: Request, context: AppLoadContext) => {
      await Promise.all([context.currentUser(), context.currentUser()]);
      await context.api.api.auth.logout.$post();
      const user = await context.currentUser();
      return new Response(user?.displayName ?? 'anonymous');
    };
    const response = await portal({ api, handleRequest }).request('/');
    expect(await response.text()).toBe('Frida');
    expect(calls).toBe(2);
  });

  it('treats a 401 from GET /api/me as an anonymous visitor', async () => {
    const api = new Hono().get('/api/me', (c) =>
      c.json({ error: { code: 'unauthorized', message: '' } }, 401),
    );
    const handleRequest = async (_request: Request, context: AppLoadContext) =>
      new Response(String(await context.currentUser()));
    expect(await (await portal({ api, handleRequest }).request('/')).text()).toBe('null');
  });

  it('refuses page POSTs without our own Origin, before Remix sees them', async () => {
    let reached = 0;
    const handleRequest = async () => {
      reached++;
      return new Response('ok');
    };
    const app = portal({ handleRequest, publicUrl: 'https://brobygger.example' });
    const post = (origin?: string) =>
      app.request('http://portal.test/log-ind', {
        method: 'POST',
        headers: origin ? { Origin: origin } : {},
      });
    expect((await post()).status).toBe(403);
    expect((await post('https://evil.example')).status).toBe(403);
    expect((await post('null')).status).toBe(403);
    expect(reached).toBe(0);
    expect((await post('http://portal.test')).status).toBe(200);
    expect((await post('https://brobygger.example')).status).toBe(200);
    expect((await app.request('http://portal.test/log-ind')).status).toBe(200);
    expect(reached).toBe(3);
  });
});

describe('isSameOriginRequest', () => {
  const request = (method: string, origin?: string) =>
    new Request('http://localhost:3000/min-side', { method, headers: origin ? { Origin: origin } : {} });

  it('lets reads through and checks everything else', () => {
    expect(isSameOriginRequest(request('GET'))).toBe(true);
    expect(isSameOriginRequest(request('HEAD'))).toBe(true);
    expect(isSameOriginRequest(request('POST'))).toBe(false);
    expect(isSameOriginRequest(request('DELETE', 'http://localhost:3000'))).toBe(true);
    expect(isSameOriginRequest(request('POST', 'http://localhost:3001'))).toBe(false);
    expect(isSameOriginRequest(request('POST', 'https://localhost:3000'))).toBe(false);
    expect(isSameOriginRequest(request('POST', 'https://x.dk'), 'https://x.dk/sti')).toBe(true);
  });
});
