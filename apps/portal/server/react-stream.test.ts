import { PassThrough } from 'node:stream';
import { createElement } from 'react';
import { renderToPipeableStream } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

/** Renders an element to bytes as the portal's entry.server does (renderToPipeableStream). */
function renderBytes(element: ReturnType<typeof createElement>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    sink.on('end', () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(element, {
      onAllReady: () => pipe(sink),
      onError: reject,
    });
  });
}

describe('React streaming a page', () => {
  // React 18.3's Node renderer copies text into 2,048-byte views; when a character of two or more
  // bytes (æ, ø, å) did not fit at the end of one, it sent the whole view, unwritten byte and all:
  // a NUL in the middle of a Danish word. patches/react-dom@18.3.1.patch sends only what was written.
  it('never puts a NUL byte into the page where æ, ø or å meets the end of a buffer', async () => {
    // Short text chunks (a long one is encoded on its own) until the views fill up, shifted one
    // byte at a time so that every position of a two-byte character meets a view's end.
    for (let shift = 0; shift < 8; shift++) {
      const items = Array.from({ length: 400 }, (_, i) =>
        createElement('li', { key: i }, `${'a'.repeat(shift)}tværgående ${i}`),
      );
      const bytes = await renderBytes(createElement('ul', null, items));
      expect(bytes.includes(0), `shift ${shift}`).toBe(false);
      expect(bytes.toString('utf8')).toContain(`${'a'.repeat(shift)}tværgående 399`);
    }
  });
});
