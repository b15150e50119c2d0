// @ts-check
// The text extraction's own process (ADR 0018). `files/extract-text.ts` forks this file for one
// stored file and sends it `{ path, contentType, maxChars, timeoutMs }` over IPC; it reads the file from that
// path itself, extracts its text with unpdf (pdf.js, for PDF) or officeparser (docx, xlsx, pptx,
// odt), and answers with the text, cleaned and cut to `maxChars`, then exits. The file's bytes and
// everything the parsers build live and die in this process: the server's memory does not grow by
// the file's size, and the parent kills this process at its time limit (its heap is capped with
// --max-old-space-size).
//
// Plain JavaScript, so that `node` runs it as it is wherever the API runs from its sources (tsx
// for `pnpm dev` and the benchmarks, Vitest); the compiled servers get a bundled copy of it beside
// their own bundle under the same name (apps/portal/scripts/bundle-server.mjs,
// apps/api/scripts/bundle.mjs).
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/**
 * @typedef {{ path: string; contentType: string; maxChars: number; timeoutMs: number }} Request
 * @typedef {{ ok: true; text: string; peakRssBytes: number }
 *   | { ok: false; unreadable: boolean; message: string }} Reply
 */

/**
 * The text of a file's bytes by its type: unpdf for PDF, officeparser for the rest.
 * @param {string} contentType
 * @param {Buffer} bytes
 * @returns {Promise<string>}
 */
async function extract(contentType, bytes) {
  if (contentType === 'application/pdf') {
    const { extractText, getDocumentProxy } = await import('unpdf');
    // pdf.js wants a plain Uint8Array, not a Buffer: a view of the same bytes.
    const pdf = await getDocumentProxy(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    try {
      const { text } = await extractText(pdf, { mergePages: true });
      return text;
    } finally {
      await pdf.destroy();
    }
  }
  const { parseOfficeAsync } = await import('officeparser');
  return parseOfficeAsync(bytes, { outputErrorToConsole: false });
}

/**
 * This process's peak resident memory. Linux's VmHWM counts this program alone; getrusage's
 * maxRSS (elsewhere) also counts the server's image the process was forked from.
 * @returns {number}
 */
function peakRssBytes() {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {}
  return process.resourceUsage().maxRSS * 1024;
}

/** @param {Reply} reply */
function answer(reply) {
  process.send?.(reply, undefined, undefined, () => process.exit(0));
}

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

/** @param {Request} request */
async function handle(request) {
  let bytes;
  try {
    bytes = await readFile(request.path);
  } catch (error) {
    // The store's file could not be read: worth another attempt.
    answer({ ok: false, unreadable: false, message: `the file could not be read: ${messageOf(error)}` });
    return;
  }
  let text;
  try {
    text = await extract(request.contentType, bytes);
  } catch (error) {
    // A damaged or encrypted file will not read better next time.
    answer({ ok: false, unreadable: true, message: messageOf(error) });
    return;
  }
  const clean = String(text ?? '')
    .replaceAll(String.fromCharCode(0), '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, request.maxChars);
  answer({ ok: true, text: clean, peakRssBytes: peakRssBytes() });
}

if (!process.send) {
  console.error('extract-text-child.js is started by the API (files/extract-text.ts), with an IPC channel.');
  process.exit(2);
}
// SIGKILL rather than exit() below: exit() waits for libuv's threads, and one stuck reading the
// file (a named pipe, a hung network mount) would keep this process alive for ever.
const die = () => process.kill(process.pid, 'SIGKILL');
process.once('message', (request) => {
  const { timeoutMs } = /** @type {Request} */ (request);
  // The parent kills this process at its time limit; should the parent be gone by then, it ends itself.
  if (timeoutMs > 0) setTimeout(die, timeoutMs).unref();
  handle(/** @type {Request} */ (request)).catch((error) => {
    answer({ ok: false, unreadable: false, message: messageOf(error) });
  });
});
// The server went away (or has its answer): nobody waits for this process any more.
process.once('disconnect', die);
