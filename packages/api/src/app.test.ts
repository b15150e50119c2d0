import { testDatabaseKinds } from '@brobygger/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxBodyBytes } from './middleware/json-body.ts';
import { createTestApi, readJson } from './test-support.ts';

describe.each(testDatabaseKinds())('the API on %s', (kind) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi(kind);
  });
  afterAll(async () => {
    await api?.close();
  });

  describe('GET /api/health', () => {
    it('says which engines serve the data', async () => {
      const res = await api.app.request('/api/health');
      expect(res.status).toBe(200);
      expect(await readJson(res)).toEqual({ status: 'ok', database: kind, search: 'postgres' });
    });
  });

  describe('errors', () => {
    it('answers unknown routes with 404 in the error format', async () => {
      const res = await api.app.request('/api/findes-ikke');
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const body = await readJson(res);
      expect(body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    });

    it('answers a body over the limit with 413', async () => {
      const res = await api.app.request('/api/focus-areas', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'x'.repeat(maxBodyBytes + 1) }),
      });
      expect(res.status).toBe(413);
      expect((await readJson(res)).error.code).toBe('payload_too_large');
    });

    it('answers malformed JSON with 400', async () => {
      const res = await api.app.request('/api/focus-areas', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name": ',
      });
      expect(res.status).toBe(400);
      expect(await readJson(res)).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });
    });

    it('does not answer writes on read-only routes', async () => {
      const res = await api.app.request('/api/focus-areas/kvinder', {
        method: 'DELETE',
      });
      expect(res.status).toBe(404);
      const check = await api.app.request('/api/focus-areas/kvinder');
      expect(check.status).toBe(200);
    });
  });

  describe('security headers and request ids', () => {
    it('sets them on successful and failed answers alike', async () => {
      for (const path of ['/api/focus-areas', '/api/findes-ikke', '/api/focus-areas/UGYLDIG']) {
        const res = await api.app.request(path);
        expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
        expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('strict-transport-security')).toBeNull();
        expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      }
    });

    it('logs each request as JSON with its request id', async () => {
      const res = await api.app.request('/api/strategy-tracks', {
        headers: { 'x-request-id': 'trace-abc_123' },
      });
      expect(res.headers.get('x-request-id')).toBe('trace-abc_123');
      const line = api.logLines.find((entry) => entry.reqId === 'trace-abc_123');
      expect(line).toMatchObject({
        method: 'GET',
        path: '/api/strategy-tracks',
        status: 200,
        msg: 'request',
      });
      expect(typeof line?.ms).toBe('number');
    });

    it('does not echo a request id that is unsafe to log', async () => {
      const res = await api.app.request('/api/strategy-tracks', {
        headers: { 'x-request-id': 'a b<script>' },
      });
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});

describe('in production', () => {
  it('adds HSTS', async () => {
    const api = await createTestApi('pglite', { production: true });
    try {
      const res = await api.app.request('/api/health');
      expect(res.headers.get('strict-transport-security')).toContain('max-age=31536000');
    } finally {
      await api.close();
    }
    // A fresh PGlite takes seconds to start, many more on a busy machine.
  }, 120_000);
});
