import { Writable } from 'node:stream';
import { testDatabaseKinds } from '@brobygger/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApi } from './boot.ts';
import { call, createTestApi, readJson, sessionCookieFrom } from './test-support.ts';

describe.each(testDatabaseKinds())('hardened answers of the API on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  const password = 'et-rigtig-godt-kodeord-42';
  const email = 'haerdet@example.dk';
  const ip = '203.0.113.88';

  beforeAll(async () => {
    api = await createTestApi(kind);
    const registered = await call(api.app, 'POST', '/api/auth/register', {
      json: { email, password, displayName: 'Hærdet Bruger' },
      ip,
    });
    expect(registered.status).toBeLessThan(300);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('sends a Permissions-Policy that turns off the powerful features, on success and failure', async () => {
    for (const path of ['/api/health', '/api/findes-ikke']) {
      const res = await api.app.request(path);
      const policy = res.headers.get('permissions-policy') ?? '';
      expect(policy, path).toContain('camera=()');
      expect(policy, path).toContain('geolocation=()');
      expect(policy, path).toContain('microphone=()');
    }
  });

  it('marks the login answer (with its token) and every personal answer no-store', async () => {
    const login = await call(api.app, 'POST', '/api/auth/login', { json: { email, password }, ip });
    expect(login.status).toBe(200);
    expect(login.headers.get('cache-control')).toBe('no-store');
    const failed = await call(api.app, 'POST', '/api/auth/login', {
      json: { email, password: 'forkert-kodeord-1' },
      ip,
    });
    expect(failed.headers.get('cache-control')).toBe('no-store');
    const cookie = sessionCookieFrom(login.headers);
    for (const path of ['/api/me', '/api/me/sessions', '/api/me/export']) {
      const byCookie = await call(api.app, 'GET', path, { cookie });
      expect(byCookie.status, path).toBe(200);
      expect(byCookie.headers.get('cache-control'), path).toBe('no-store');
      const byToken = await call(api.app, 'GET', path, { token: login.json.token });
      expect(byToken.headers.get('cache-control'), path).toBe('no-store');
    }
    // A public read is the same answer for everyone, signed in or not: the read cache answers it
    // before any session is looked up, cacheable but revalidated by its ETag.
    for (const auth of [{ cookie }, { token: login.json.token }, {}]) {
      const read = await call(api.app, 'GET', '/api/focus-areas', auth);
      expect(read.status).toBe(200);
      expect(read.headers.get('cache-control')).toBe('no-cache');
      expect(read.headers.get('etag')).toBeTruthy();
    }
    // Not signed in: personal routes still say no-store (401).
    expect((await api.app.request('/api/me')).headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a body without Content-Type with 415 unsupported_media_type', async () => {
    // A byte body: no Content-Type is added for it.
    const body = new TextEncoder().encode(JSON.stringify({ email, password }));
    const withoutLength = await api.app.request('/api/auth/login', {
      method: 'POST',
      headers: { origin: 'http://localhost' },
      body,
    });
    expect(withoutLength.status).toBe(415);
    expect((await readJson(withoutLength)).error.code).toBe('unsupported_media_type');
    const withLength = await api.app.request('/api/auth/login', {
      method: 'POST',
      headers: { origin: 'http://localhost', 'content-length': String(body.byteLength) },
      body,
    });
    expect(withLength.status).toBe(415);
    expect((await readJson(withLength)).error.code).toBe('unsupported_media_type');
  });

  describe('the API reference at /api/docs', () => {
    it('is an HTML page whose scripts all come from our own origin or carry the nonce', async () => {
      const res = await api.app.request('/api/docs');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(nonce, csp).toBeDefined();
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toMatch(/https?:/);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1] ?? '');
      expect(scripts.length).toBeGreaterThan(0);
      for (const attributes of scripts) {
        expect(attributes).toContain(`nonce="${nonce}"`);
        const src = /src="([^"]*)"/.exec(attributes)?.[1];
        if (src) expect(src).toMatch(/^\/api\/docs\/scalar-[\d.]+\.js$/);
      }
      expect(html).not.toMatch(/jsdelivr|unpkg|cdn\./);
      expect(html).toContain('/api/openapi.json');
    });

    it('serves the renderer’s script from the npm package, cacheable for good', async () => {
      const page = await (await api.app.request('/api/docs')).text();
      const src = /<script src="([^"]+)"/.exec(page)?.[1] ?? '';
      const res = await api.app.request(src);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(res.headers.get('cache-control')).toContain('immutable');
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
      expect((await api.app.request('/api/docs/scalar-0.0.1.js')).status).toBe(404);
    });

    it('keeps the strict JSON CSP on every other API answer', async () => {
      const res = await api.app.request('/api/openapi.json');
      expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; /);
      expect(res.headers.get('content-security-policy')).not.toContain('script-src');
    });
  });
});

describe('start-up', () => {
  async function bootLog(env: Record<string, string>) {
    const lines: { level: number; msg: string }[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _encoding, done) {
          for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
          done();
        },
      }),
    );
    const booted = await bootApi({
      env: { DATA_DIR: `memory://boot-${Math.random()}`, DATABASE_URL: '', ...env },
      logger,
    });
    await booted.close();
    return lines;
  }

  it('warns in production when SMTP_URL is not set, since mail would go nowhere', async () => {
    const lines = await bootLog({ NODE_ENV: 'production' });
    const warning = lines.find((line) => /SMTP_URL/.test(line.msg));
    expect(warning?.level).toBe(40);
  }, 120_000);

  it('does not warn when SMTP_URL is set', async () => {
    // Nothing is queued, so the sender never connects.
    const lines = await bootLog({ NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:9' });
    expect(lines.some((line) => /database ready/.test(line.msg))).toBe(true);
    expect(lines.some((line) => /SMTP_URL/.test(line.msg))).toBe(false);
  }, 120_000);
});
