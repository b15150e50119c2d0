import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressResponses, compressStream, negotiateEncoding, staticFiles } from './compression';

const page = `<!DOCTYPE html><html><body>${'<p>Sammen om integration i Skanderborg Kommune</p>'.repeat(100)}</body></html>`;

function app() {
  return new Hono()
    .use('*', compressResponses())
    .get('/page', (c) => c.html(page, 200, { Vary: 'Cookie' }))
    .get('/json', (c) => c.json({ items: Array.from({ length: 200 }, (_, id) => ({ id, name: 'Kvinder' })) }))
    .get('/small', (c) => c.json({ ok: true }, 200, { 'Content-Length': '11' }))
    .get('/image', (c) => c.body(new Uint8Array(4096), 200, { 'Content-Type': 'image/png' }))
    .get('/no-transform', (c) => c.html(page, 200, { 'Cache-Control': 'no-transform' }))
    .get('/tagged', (c) => c.json({ text: 'x'.repeat(2000) }, 200, { ETag: '"abc"' }))
    .get('/not-found', (c) => c.html(page, 404));
}

async function bytes(response: Response) {
  return Buffer.from(await response.arrayBuffer());
}

describe('negotiateEncoding', () => {
  it('prefers brotli, then gzip, and honours q-values and *', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.5, gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBeNull();
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0.1, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBeNull();
    expect(negotiateEncoding('')).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
    expect(negotiateEncoding('BR')).toBe('br');
    expect(negotiateEncoding('br;q=abc, gzip')).toBe('gzip');
  });
});

describe('compressResponses', () => {
  it('sends HTML as brotli or gzip by Accept-Encoding, and varies on it', async () => {
    const brotli = await app().request('/page', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(brotli.headers.get('Content-Encoding')).toBe('br');
    expect(brotli.headers.get('Content-Length')).toBeNull();
    expect(brotli.headers.get('Vary')).toBe('Cookie, Accept-Encoding');
    const compressed = await bytes(brotli);
    expect(compressed.length).toBeLessThan(page.length / 10);
    expect(brotliDecompressSync(compressed).toString()).toBe(page);

    const gzip = await app().request('/page', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzip.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gzip)).toString()).toBe(page);
  });

  it('sends the identity encoding to a client that accepts neither, still varying on it', async () => {
    const variants: Record<string, string>[] = [
      {},
      { 'Accept-Encoding': 'identity' },
      { 'Accept-Encoding': 'br;q=0, gzip;q=0' },
    ];
    for (const headers of variants) {
      const response = await app().request('/page', { headers });
      expect(response.headers.get('Content-Encoding')).toBeNull();
      expect(response.headers.get('Vary')).toBe('Cookie, Accept-Encoding');
      expect(await response.text()).toBe(page);
    }
  });

  it('compresses JSON and error pages too', async () => {
    const json = await app().request('/json', { headers: { 'Accept-Encoding': 'br' } });
    expect(json.headers.get('Content-Encoding')).toBe('br');
    expect(JSON.parse(brotliDecompressSync(await bytes(json)).toString()).items).toHaveLength(200);
    const notFound = await app().request('/not-found', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(notFound.status).toBe(404);
    expect(gunzipSync(await bytes(notFound)).toString()).toBe(page);
  });

  it('leaves small answers, images and no-transform answers alone', async () => {
    const headers = { 'Accept-Encoding': 'br, gzip' };
    const small = await app().request('/small', { headers });
    expect(small.headers.get('Content-Encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    const image = await app().request('/image', { headers });
    expect(image.headers.get('Content-Encoding')).toBeNull();
    expect((await bytes(image)).length).toBe(4096);
    const noTransform = await app().request('/no-transform', { headers });
    expect(noTransform.headers.get('Content-Encoding')).toBeNull();
    expect(await noTransform.text()).toBe(page);
  });

  it('sends a HEAD answer without a compressed body', async () => {
    const response = await app().request('/page', { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
    expect(response.headers.get('Content-Encoding')).toBeNull();
  });

  it('weakens a strong ETag: the compressed bytes are not the identity bytes', async () => {
    const response = await app().request('/tagged', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.headers.get('ETag')).toBe('W/"abc"');
    const identity = await app().request('/tagged');
    expect(identity.headers.get('ETag')).toBe('"abc"');
  });

  it('streams: what the source has written arrives before the source has finished', async () => {
    const encoder = new TextEncoder();
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The second part comes only once the first has been read: as a streamed page's deferred data.
    const streaming = new Hono().use('*', compressResponses()).get('/stream', () => {
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(encoder.encode('<p>shell</p>'));
          await released;
          controller.enqueue(encoder.encode('<p>later</p>'));
          controller.close();
        },
      });
      return new Response(body, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    });
    const response = await streaming.request('/stream', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    // Without the flush this loop would wait for ever (and the test time out).
    let received = Buffer.alloc(0);
    const soFar = () => gunzipSync(received, { finishFlush: constants.Z_SYNC_FLUSH }).toString();
    while (soFar() !== '<p>shell</p>') {
      const { value, done } = await reader.read();
      if (done) throw new Error('ended early');
      received = Buffer.concat([received, value]);
    }
    release();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received = Buffer.concat([received, value]);
    }
    expect(gunzipSync(received).toString()).toBe('<p>shell</p><p>later</p>');
  });
});

describe('compressStream', () => {
  it('round-trips a body through brotli and gzip', async () => {
    const source = () => new Response(page).body as ReadableStream<Uint8Array>;
    const brotli = await bytes(new Response(compressStream(source(), 'br', page.length)));
    expect(brotliDecompressSync(brotli).toString()).toBe(page);
    const gzip = await bytes(new Response(compressStream(source(), 'gzip')));
    expect(gunzipSync(gzip).toString()).toBe(page);
  });
});

describe('staticFiles', () => {
  let clientDir: string;
  const script = `console.log(${JSON.stringify('x'.repeat(3000))});`;

  beforeAll(() => {
    clientDir = mkdtempSync(join(tmpdir(), 'portal-static-'));
    mkdirSync(join(clientDir, 'assets'));
    writeFileSync(join(clientDir, 'assets', 'entry-abc123.js'), script);
    writeFileSync(join(clientDir, 'assets', 'entry-abc123.js.br'), brotliCompressSync(script));
    writeFileSync(join(clientDir, 'assets', 'entry-abc123.js.gz'), gzipSync(script));
    writeFileSync(join(clientDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  });

  afterAll(() => rmSync(clientDir, { recursive: true, force: true }));

  function staticApp(found: string[] = []) {
    return new Hono()
      .use('*', compressResponses())
      .use(
        '*',
        staticFiles(clientDir, (path) => found.push(path)),
      )
      .get('*', (c) => c.text('not a file', 404));
  }

  it('sends the precompressed copy the client accepts, cached for good under /assets', async () => {
    const found: string[] = [];
    const brotli = await staticApp(found).request('/assets/entry-abc123.js', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(brotli.status).toBe(200);
    expect(brotli.headers.get('Content-Encoding')).toBe('br');
    expect(brotli.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(brotli.headers.get('Vary')).toBe('Accept-Encoding');
    expect(brotli.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(await bytes(brotli)).toString()).toBe(script);
    expect(found).toEqual([join(clientDir, 'assets', 'entry-abc123.js.br')]);

    const gzip = await staticApp().request('/assets/entry-abc123.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(gzip.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gzip)).toString()).toBe(script);

    const identity = await staticApp().request('/assets/entry-abc123.js');
    expect(identity.headers.get('Content-Encoding')).toBeNull();
    expect(identity.headers.get('Vary')).toBe('Accept-Encoding');
    expect(await identity.text()).toBe(script);
  });

  it('caches files outside /assets for an hour, and passes on what is not a file', async () => {
    const favicon = await staticApp().request('/favicon.svg', { headers: { 'Accept-Encoding': 'br' } });
    expect(favicon.headers.get('Cache-Control')).toBe('public, max-age=3600');
    expect(favicon.headers.get('Content-Encoding')).toBeNull();
    const missing = await staticApp().request('/assets/nothing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Cache-Control')).toBeNull();
  });
});
