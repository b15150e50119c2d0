import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

describe('the standalone API server', () => {
  let child: ChildProcess;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'main.ts')], {
      env: {
        ...process.env,
        API_PORT: String(port),
        DATA_DIR: mkdtempSync(join(tmpdir(), 'brobygger-api-')),
        DATABASE_URL: '',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: join(import.meta.dirname, '..'),
    });
    const deadline = Date.now() + 150_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) return;
      } catch {}
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the API server did not start');
  }, 160_000);

  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('serves the API on API_PORT over HTTP', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(await res.json()).toEqual({ status: 'ok', database: 'pglite', search: 'postgres' });
    const areas = await fetch(`${base}/api/focus-areas`);
    expect(((await areas.json()) as { focusAreas: unknown[] }).focusAreas).toHaveLength(6);
  });

  it('logs each request as one JSON line with a request id', async () => {
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    const res = await fetch(`${base}/api/strategy-tracks`, { headers: { 'x-request-id': 'smoke-test-1' } });
    expect(res.headers.get('x-request-id')).toBe('smoke-test-1');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const line = output
      .split('\n')
      .filter(Boolean)
      .map((text) => JSON.parse(text))
      .find((entry) => entry.reqId === 'smoke-test-1');
    expect(line).toMatchObject({ method: 'GET', path: '/api/strategy-tracks', status: 200 });
  });

  it('answers a URL over the header limit with 431 and a body that says why', async () => {
    const res = await fetch(`${base}/api/focus-areas?q=${'x'.repeat(60 * 1024)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: { code: 'headers_too_large', message: expect.any(String) } });
    // The server is still there for the next request.
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('answers a body over the limit with 413 over real HTTP', async () => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
  });
});
