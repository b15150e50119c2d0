import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalServer } from './create-portal-server';
import { maxFormBodyBytes } from './form-body-limit';

// Real HTTP, so the test sees what a socket sees: when the answer comes and how much was read.
describe('the portal’s form body limit', () => {
  let remixCalls = 0;
  let bytesReadByRemix = 0;
  let server: ReturnType<typeof serve>;
  let port: number;

  beforeAll(async () => {
    const portal = createPortalServer({
      api: new Hono().all('/api/*', (c) => c.json({ ok: true })),
      handleRequest: async (request) => {
        remixCalls += 1;
        bytesReadByRemix += (await request.arrayBuffer()).byteLength;
        return new Response('ok');
      },
      production: false,
    });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: portal.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const origin = () => `http://127.0.0.1:${port}`;

  it('lets a normal form through', async () => {
    remixCalls = 0;
    const res = await fetch(`${origin()}/log-ind`, {
      method: 'POST',
      headers: { origin: origin(), 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=a%40b.dk&password=${'x'.repeat(1000)}`,
    });
    expect(res.status).toBe(200);
    expect(remixCalls).toBe(1);
  });

  it('refuses a declared length over the limit with 413 before reading it', async () => {
    remixCalls = 0;
    const res = await fetch(`${origin()}/log-ind`, {
      method: 'POST',
      headers: { origin: origin(), 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=${'x'.repeat(maxFormBodyBytes)}`,
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('Payload Too Large');
    expect(remixCalls).toBe(0);
  });

  it('refuses a chunked body as soon as it passes the limit, without waiting for the rest', async () => {
    remixCalls = 0;
    bytesReadByRemix = 0;
    const total = 50 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const outcome = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered: number | undefined;
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/log-ind',
          headers: {
            origin: origin(),
            'content-type': 'application/x-www-form-urlencoded',
            'transfer-encoding': 'chunked',
          },
        },
        (res) => {
          answered = res.statusCode;
          res.resume();
          // Abort the upload: the server has answered, the rest would never be read.
          req.destroy();
          resolve({ status: res.statusCode ?? 0, sent });
        },
      );
      req.on('error', (error) => {
        if (answered === undefined) reject(error);
      });
      const writeMore = () => {
        while (answered === undefined && sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', writeMore);
            return;
          }
        }
        if (answered === undefined) req.end();
      };
      writeMore();
    });
    expect(outcome.status).toBe(413);
    // The answer came long before the 50 MB were sent, and Remix never saw the body.
    expect(outcome.sent).toBeLessThan(total);
    expect(remixCalls).toBe(0);
    expect(bytesReadByRemix).toBe(0);
  });

  it('leaves the API to its own limit', async () => {
    const res = await fetch(`${origin()}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(maxFormBodyBytes + 1) }),
    });
    expect(res.status).toBe(200);
  });
});
