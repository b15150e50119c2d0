import { join, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Env, MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';

/** The encodings the portal sends, best first. */
export type ContentEncoding = 'br' | 'gzip';

/** Below this many bytes compression costs more than it saves (the answer fits one packet anyway). */
export const compressionThreshold = 1024;

/**
 * The best encoding the client accepts (`Accept-Encoding`, with q-values and `*`), or null for
 * the identity encoding. Brotli wins over gzip at equal weight.
 */
export function negotiateEncoding(acceptEncoding: string | null | undefined): ContentEncoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [token = '', ...parameters] = part.split(';').map((piece) => piece.trim());
    if (!token) continue;
    let q = 1;
    for (const parameter of parameters) {
      // A weight that is not a number counts as "not acceptable".
      if (!/^q=/i.test(parameter)) continue;
      q = /^q=(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i.test(parameter) ? Number(parameter.slice(2)) : 0;
    }
    weights.set(token.toLowerCase(), q);
  }
  const weightOf = (encoding: ContentEncoding) => weights.get(encoding) ?? weights.get('*') ?? 0;
  let best: ContentEncoding | null = null;
  for (const encoding of ['br', 'gzip'] as const) {
    const q = weightOf(encoding);
    if (q > 0 && (best === null || q > weightOf(best))) best = encoding;
  }
  return best;
}

/**
 * Compresses a whole body at once, for answers that are kept and sent many times (the front door's
 * API answers, the page cache's pages): a little more effort than the streaming middleware's.
 */
export function compressWhole(body: string | Uint8Array, encoding: ContentEncoding): Buffer {
  if (encoding === 'gzip') return gzipSync(body, { level: 6 });
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: typeof body === 'string' ? body.length : body.byteLength,
    },
  });
}

/** Adds `Accept-Encoding` to the `Vary` header unless it is there already. */
export function varyOnAcceptEncoding(headers: Headers): void {
  const vary = headers.get('Vary');
  if (vary === '*' || (vary && /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))) return;
  headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

function isCompressible(headers: Headers): boolean {
  const type = headers.get('Content-Type');
  return type !== null && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type);
}

/**
 * Compresses a body as it streams. Whatever the source has written is flushed as soon as it
 * pauses, so a streamed page (React's shell first, deferred data later) still reaches the browser
 * piece by piece; a burst of writes is compressed as one.
 */
export function compressStream(
  body: ReadableStream<Uint8Array>,
  encoding: ContentEncoding,
  sizeHint?: number,
): ReadableStream<Uint8Array> {
  const compressor =
    encoding === 'br'
      ? createBrotliCompress({
          params: {
            // Quality 4 compresses about as fast as gzip and smaller; 11 is for files built once.
            [constants.BROTLI_PARAM_QUALITY]: 4,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            ...(sizeHint ? { [constants.BROTLI_PARAM_SIZE_HINT]: sizeHint } : {}),
          },
        })
      : createGzip({ level: 6 });
  const source = Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
  let flushScheduled = false;
  source.on('data', () => {
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(() => {
      flushScheduled = false;
      if (!compressor.destroyed && !compressor.writableEnded) compressor.flush();
    });
  });
  source.on('error', (error) => compressor.destroy(error));
  compressor.on('close', () => {
    if (!source.destroyed) source.destroy();
  });
  source.pipe(compressor);
  return Readable.toWeb(compressor) as ReadableStream<Uint8Array>;
}

/**
 * Compresses text answers (HTML, JSON, CSS, JavaScript, SVG…) with brotli or gzip, as the client
 * accepts. Leaves alone what is already encoded (the precompressed static files), answers whose
 * `Content-Length` is under the threshold, partial content, HEAD, and answers marked
 * `Cache-Control: no-transform`. A body of unknown length (a streamed page) is always compressed.
 */
export function compressResponses<E extends Env>(): MiddlewareHandler<E> {
  return async (c, next) => {
    await next();
    const response = c.res;
    // Status and headers first: reading `body` turns the server's light answer object into a
    // full Response (a stream), which costs more than a small answer's whole trip.
    const { headers, status } = response;
    if (status === 204 || status === 206 || status === 304) return;
    if (!isCompressible(headers) || headers.has('Content-Encoding')) return;
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(headers.get('Cache-Control') ?? '')) return;
    const length = headers.get('Content-Length');
    if (length !== null && Number(length) < compressionThreshold) return;
    const encoding = negotiateEncoding(c.req.header('Accept-Encoding'));
    if (!encoding || c.req.method === 'HEAD') {
      varyOnAcceptEncoding(headers);
      return;
    }
    if (!response.body) return;

    const compressed = new Response(compressStream(response.body, encoding, Number(length) || undefined), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
    // Assigning c.res copies the old answer's headers across, so set these afterwards.
    c.res = compressed;
    c.res.headers.delete('Content-Length');
    c.res.headers.set('Content-Encoding', encoding);
    varyOnAcceptEncoding(c.res.headers);
    // The bytes differ from the identity answer's: a strong validator would be a lie.
    const etag = c.res.headers.get('ETag');
    if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  };
}

const immutable = 'public, max-age=31536000, immutable';
const shortLived = 'public, max-age=3600';

/**
 * Remix's built browser files from `clientDir`. The build writes a brotli (`.br`) and a gzip
 * (`.gz`) copy beside every text file (`scripts/precompress.mjs`); the one the client accepts is
 * sent. Vite fingerprints everything under /assets, so those are cached for good; the rest (the
 * favicon, DKFDS's files) for an hour. `onFound` gets the path of the file sent.
 */
export function staticFiles<E extends Env>(
  clientDir: string,
  onFound?: (path: string, c: Context<E>) => void,
): MiddlewareHandler<E> {
  const assetsDir = join(clientDir, 'assets') + sep;
  const sent = new WeakMap<Context<E>, string>();
  const serve = serveStatic<E>({
    root: clientDir,
    precompressed: true,
    onFound: (path, c) => {
      sent.set(c, path);
      onFound?.(path, c);
    },
  });
  return async (c, next) => {
    const result = await serve(c, next);
    const path = sent.get(c);
    if (result instanceof Response && path !== undefined) {
      result.headers.set('Cache-Control', path.startsWith(assetsDir) ? immutable : shortLived);
      // Also on the identity answer: a shared cache must not hand it to a client that takes brotli.
      if (isCompressible(result.headers)) varyOnAcceptEncoding(result.headers);
    }
    return result;
  };
}
