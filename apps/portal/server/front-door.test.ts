import { mkdtempSync, rmSync } from 'node:fs';
import {
  Agent,
  createServer,
  get as httpGet,
  request as httpRequest,
  type IncomingMessage,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type BootedApi, bootApi } from '@brobygger/api';
import { getRequestListener } from '@hono/node-server';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalServer } from './create-portal-server';
import { withFrontDoor } from './front-door';

/**
 * The front door in front of the real API (booted as the portal boots it, on an embedded database
 * with the demo accounts): what it answers must be what the chain would have answered, and
 * everything it cannot answer must reach the chain.
 */
describe('the front door', () => {
  let dataDir: string;
  let booted: BootedApi;
  let server: Server;
  let base: string;
  /** Requests that went past the front door to the chain. */
  const reachedChain: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'front-door-'));
    booted = await bootApi({
      env: { DATA_DIR: dataDir, DEMO_ACCOUNTS: 'true', PAGE_CACHE: 'true', JOBS_POLL_MS: '60000' },
      logger: pino({ level: 'silent' }),
    });
    // The portal's own chain (its compression and the API under /api), as the server runs it.
    const portal = createPortalServer({
      api: booted.app,
      handleRequest: async () => new Response('<p>side</p>', { headers: { 'content-type': 'text/html' } }),
      production: false,
    });
    const chain = getRequestListener(portal.fetch);
    server = createServer(
      withFrontDoor(booted.answerFromMemory, (req: IncomingMessage, res) => {
        reachedChain.push(`${req.method} ${req.url}`);
        return chain(req, res);
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 180_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await booted?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const before = reachedChain.length;
    // fetch asks for compressed answers unless told otherwise.
    const response = await fetch(base + path, { headers: { 'accept-encoding': 'identity', ...headers } });
    const body = Buffer.from(await response.arrayBuffer());
    return { response, body, viaChain: reachedChain.length > before };
  };
  /** Header names and values, but those that differ on every answer. */
  const stableHeaders = (response: Response) =>
    Object.fromEntries(
      [...response.headers].filter(([name]) => !['date', 'x-request-id', 'keep-alive'].includes(name)),
    );

  async function signIn(email: string): Promise<string> {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email, password: 'brobygger-demo' }),
    });
    expect(login.status).toBe(200);
    return login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  }

  it('answers a public read it holds as the chain did: same status, body and headers', async () => {
    const first = await get('/api/focus-areas');
    expect(first.viaChain).toBe(true);
    const second = await get('/api/focus-areas');
    expect(second.viaChain).toBe(false);
    expect(second.response.status).toBe(200);
    expect(second.body.toString()).toBe(first.body.toString());
    expect(stableHeaders(second.response)).toEqual(stableHeaders(first.response));
    expect(second.response.headers.get('content-length')).toBe(String(first.body.length));
    expect(second.response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('compresses as the client accepts, with a weak ETag, and answers 304 to a validator it holds', async () => {
    const plain = await get('/api/initiatives');
    const etag = plain.response.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"/);
    const br = await get('/api/initiatives', { 'accept-encoding': 'br' });
    expect(br.viaChain).toBe(false);
    // fetch decodes what it was sent: the bytes are the same JSON.
    expect(br.response.headers.get('content-encoding')).toBe('br');
    expect(br.response.headers.get('etag')).toBe(`W/${etag}`);
    expect(br.body.toString()).toBe(plain.body.toString());
    const raw = await new Promise<{ encoding?: string; bytes: Buffer }>((resolve, reject) => {
      httpGet(`${base}/api/initiatives`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ encoding: res.headers['content-encoding'], bytes: Buffer.concat(chunks) }),
        );
      }).on('error', reject);
    });
    expect(raw.encoding).toBe('gzip');
    expect(gunzipSync(raw.bytes).toString()).toBe(plain.body.toString());

    for (const validator of [etag, `W/${etag}`]) {
      const notModified = await get('/api/initiatives', { 'if-none-match': validator });
      expect(notModified.viaChain).toBe(false);
      expect(notModified.response.status).toBe(304);
      expect(notModified.body.length).toBe(0);
    }
  });

  it('sends to the chain what it cannot answer: other methods, a caller’s request id, escapes, unknown paths', async () => {
    await get('/api/focus-areas');
    expect((await get('/api/focus-areas', { 'x-request-id': 'mine-1' })).viaChain).toBe(true);
    expect((await get('/api/focus-areas/%6Bvinder')).viaChain).toBe(true);
    expect((await get('/api/me')).viaChain).toBe(true);
    const before = reachedChain.length;
    const head = await fetch(`${base}/api/focus-areas`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(reachedChain.length).toBe(before + 1);
    // An unknown focus area is a 404 from the chain, every time (errors are never kept).
    for (let i = 0; i < 2; i++) {
      const missing = await get('/api/focus-areas/findes-ikke');
      expect(missing.response.status).toBe(404);
      expect(missing.viaChain).toBe(true);
    }
  });

  it('answers a shared read only to a caller the chain checked and allowed, never to anyone else', async () => {
    const steering = await signIn('styregruppe@brobygger.test');
    const volunteer = await signIn('frivillig@brobygger.test');
    const first = await get('/api/steering/overview', { cookie: steering });
    expect(first.response.status).toBe(200);
    const second = await get('/api/steering/overview', { cookie: steering });
    expect(second.viaChain).toBe(false);
    expect(second.body.toString()).toBe(first.body.toString());
    expect(second.response.headers.get('cache-control')).toBe('no-store');

    const callers: Record<string, string>[] = [
      {},
      { cookie: volunteer },
      { cookie: volunteer },
      { cookie: 'brobygger_session=forged' },
    ];
    for (const headers of callers) {
      const refused = await get('/api/steering/overview', headers);
      expect(refused.viaChain).toBe(true);
      expect([401, 403]).toContain(refused.response.status);
      expect(refused.body.toString()).not.toContain('focusAreas');
    }
  });

  it('answers a signed-in search from memory to a caller it checked, with what was found for their audience', async () => {
    const staff = await signIn('medarbejder@brobygger.test');
    const volunteer = await signIn('frivillig@brobygger.test');
    // A resource only staff may find, indexed by its job.
    const created = await fetch(`${base}/api/resources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, cookie: staff },
      body: JSON.stringify({ kind: 'guide', title: 'Intern tolkeliste', audience: 'staff' }),
    });
    expect(created.status).toBe(201);
    const path = '/api/search?q=tolkeliste';
    let first = await get(path, { cookie: staff, 'x-request-id': 'warm-0' });
    for (let tries = 1; !first.body.toString().includes('Intern tolkeliste') && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      first = await get(path, { cookie: staff, 'x-request-id': `warm-${tries}` });
    }
    expect(first.body.toString()).toContain('Intern tolkeliste');
    const audience = first.response.headers.get('x-search-audience');
    expect(audience).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const second = await get(path, { cookie: staff });
    expect(second.viaChain).toBe(false);
    expect(second.body.toString()).toBe(first.body.toString());
    expect(stableHeaders(second.response)).toEqual(stableHeaders(first.response));
    expect(second.response.headers.get('cache-control')).toBe('no-store');

    // Another audience never gets it, from the chain or from memory.
    for (const expectChain of [true, false]) {
      const theirs = await get(path, { cookie: volunteer });
      expect(theirs.viaChain).toBe(expectChain);
      expect(theirs.response.status).toBe(200);
      expect(theirs.body.toString()).not.toContain('Intern tolkeliste');
      expect(theirs.response.headers.get('x-search-audience')).not.toBe(audience);
    }
    // Nor does a caller the process has not checked, or another query.
    expect((await get(path, { cookie: 'brobygger_session=forged' })).viaChain).toBe(true);
    expect((await get(`${path}&type=event`, { cookie: staff })).viaChain).toBe(true);
    const anonymous = await get(path);
    expect(anonymous.body.toString()).not.toContain('Intern tolkeliste');
    expect(anonymous.response.headers.get('x-search-audience')).toBe('public');
  });

  it('on one keep-alive connection, answers each cookie as its own session, and a sign-out at once', async () => {
    const staff = await signIn('medarbejder@brobygger.test');
    const volunteer = await signIn('frivillig@brobygger.test');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set<unknown>();
    const send = (method: string, path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; audience: string | undefined; body: string }>((resolve, reject) => {
        const req = httpRequest(`${base}${path}`, { method, agent, headers }, (res) => {
          sockets.add(res.socket);
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              audience: res.headers['x-search-audience'] as string | undefined,
              body: Buffer.concat(chunks).toString(),
            }),
          );
        });
        req.on('error', reject);
        req.end();
      });
    try {
      const path = '/api/search?q=sundhed';
      const audiences: Record<string, string | undefined> = {};
      for (let round = 0; round < 3; round++) {
        for (const [who, cookie] of [
          ['staff', staff],
          ['volunteer', volunteer],
        ] as const) {
          const answer = await send('GET', path, { cookie });
          expect(answer.status).toBe(200);
          audiences[who] ??= answer.audience;
          expect(answer.audience).toBe(audiences[who]);
        }
      }
      expect(audiences.staff).not.toBe(audiences.volunteer);
      const signedOut = await send('POST', '/api/auth/logout', { cookie: staff, origin: base });
      expect(signedOut.status).toBe(204);
      const after = await send('GET', path, { cookie: staff });
      expect(after.audience).toBe('public');
      // All of it went over one connection.
      expect(sockets.size).toBe(1);
    } finally {
      agent.destroy();
    }
  });

  it('answers the event list from memory to anonymous callers only', async () => {
    const volunteer = await signIn('frivillig@brobygger.test');
    await get('/api/events');
    expect((await get('/api/events')).viaChain).toBe(false);
    expect((await get('/api/events', { cookie: volunteer })).viaChain).toBe(true);
  });
});
