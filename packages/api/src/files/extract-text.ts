import { type ChildProcess, fork } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { FileStore } from './store.ts';

/**
 * The child process's entry: `extract-text-child.js` beside this file when the API runs from its
 * sources, and beside the bundle (dist/server.js, dist/main.js, dist/cli.js) when it is compiled,
 * where the build scripts put a bundled copy under the same name.
 */
export const extractTextChildPath = fileURLToPath(new URL('./extract-text-child.js', import.meta.url));

export interface ExtractionLimits {
  /** The child is killed when it has not answered within this time. */
  timeoutMs: number;
  /** The child's JavaScript heap (`--max-old-space-size`), in MB. */
  maxOldSpaceMb: number;
}

/**
 * Two minutes (well inside the job runner's five-minute lease) and 256 MB of heap: a 20 MB PDF
 * takes a second or two and a few tens of MB (docs/benchmarks.md).
 */
export const defaultExtractionLimits: ExtractionLimits = { timeoutMs: 120_000, maxOldSpaceMb: 256 };

/** The child did not answer: it timed out, crashed or could not read the file. The job retries. */
export class ExtractionError extends Error {
  override name = 'ExtractionError';
  constructor(
    message: string,
    /** The child's process id (it is gone by the time this is thrown). */
    readonly childPid?: number,
  ) {
    super(message);
  }
}

export type ExtractionResult =
  /** `readable: false`: the parser could not read the file (damaged, encrypted); `text` is ''. */
  { text: string; readable: boolean; message?: string; childPeakRssBytes?: number };

type Reply =
  | { ok: true; text: string; peakRssBytes: number }
  | { ok: false; unreadable: boolean; message: string };

/** The children running now: killed when this process exits, so none outlives the server. */
const running = new Set<ChildProcess>();
let killOnExit = false;

/** Fails at start-up rather than at the first upload when a build left the child's entry out. */
export function assertExtractionChildShipped(path = extractTextChildPath): void {
  if (!existsSync(path)) {
    throw new Error(
      `The text extraction's child entry is missing: ${path}. The build must put extract-text-child.js beside the server bundle (ADR 0018).`,
    );
  }
}

/**
 * Extracts the text of the file at `path` in a child process of its own (unpdf for PDF,
 * officeparser for Office files): the bytes are read there, not here. The text comes back over
 * IPC, cleaned and cut to `maxChars`. A child that runs past `limits.timeoutMs` is killed; a
 * timeout, a crash (an out-of-memory abort at `limits.maxOldSpaceMb` among them) or a file the
 * child cannot read throws an ExtractionError.
 */
export function extractTextInChild(
  path: string,
  contentType: string,
  options: { maxChars: number; limits?: Partial<ExtractionLimits>; entry?: string },
): Promise<ExtractionResult> {
  const limits = { ...defaultExtractionLimits, ...options.limits };
  return new Promise((resolve, reject) => {
    const child = fork(options.entry ?? extractTextChildPath, [], {
      // Only the heap cap: none of the server's own flags (a loader, --inspect), and none of its
      // environment (DATABASE_URL, SMTP_URL): the parsers read files from strangers.
      execArgv: [`--max-old-space-size=${limits.maxOldSpaceMb}`],
      env: { NODE_ENV: process.env.NODE_ENV ?? 'production' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    running.add(child);
    if (!killOnExit) {
      killOnExit = true;
      process.once('exit', () => {
        for (const stillRunning of running) stillRunning.kill('SIGKILL');
      });
    }
    // What the child wrote to stderr: its beginning names the failure; V8 says "heap out of
    // memory" before a long native stack.
    let stderr = '';
    let outOfMemory = false;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      outOfMemory ||= /heap out of memory|Reached heap limit/i.test(stderr.slice(-100) + chunk);
      if (stderr.length < 4000) stderr += chunk;
    });
    let settled = false;
    let timedOut = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
    };
    const fail = (message: string) => settle(() => reject(new ExtractionError(message, child.pid)));
    const timeoutMessage = `text extraction took over ${Math.round(limits.timeoutMs / 100) / 10} s; its child process was killed`;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
      // The job fails once the child is gone ('close' below); should that not come, a little later.
      setTimeout(() => fail(timeoutMessage), 5000).unref();
    }, limits.timeoutMs);
    child.on('error', (error) => {
      child.kill('SIGKILL');
      fail(`the text extraction's child process failed: ${error.message}`);
    });
    child.once('message', (message) => {
      const reply = message as Reply;
      settle(() => {
        if (child.connected) child.disconnect();
        if (reply.ok) {
          resolve({
            text: reply.text.slice(0, options.maxChars),
            readable: true,
            childPeakRssBytes: reply.peakRssBytes,
          });
        } else if (reply.unreadable) {
          resolve({ text: '', readable: false, message: reply.message });
        } else {
          reject(new ExtractionError(`text extraction failed: ${reply.message}`, child.pid));
        }
      });
    });
    // 'close', not 'exit': it comes after the IPC channel and stderr have been read to the end.
    child.once('close', (code, signal) => {
      running.delete(child);
      if (timedOut) {
        fail(timeoutMessage);
        return;
      }
      const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
      const why = outOfMemory ? ` (out of memory: its heap is capped at ${limits.maxOldSpaceMb} MB)` : '';
      const lines = stderr.split('\n').map((line) => line.trim());
      const said = lines.find((line) => /error|fatal/i.test(line)) ?? lines.find(Boolean);
      fail(
        `the text extraction's child process ${how} before it answered${why}${said && !outOfMemory ? `: ${said.slice(0, 300)}` : ''}`,
      );
    });
    // A child that died at once cannot take the request: 'close' above says how it ended.
    child.send({ path, contentType, maxChars: options.maxChars, timeoutMs: limits.timeoutMs }, () => {});
  });
}

/**
 * Runs `use` with a path on this machine holding the stored file `key`: the store's own path when
 * it has one (the folder store), else a temporary copy streamed out of it and removed afterwards.
 * Undefined when the store has no such file.
 */
export async function withLocalFile<T>(
  files: FileStore,
  key: string,
  use: (path: string) => Promise<T>,
): Promise<T | undefined> {
  const path = files.localPath(key);
  if (path) {
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    return exists ? use(path) : undefined;
  }
  const file = await files.open(key);
  if (!file) return undefined;
  const copy = join(tmpdir(), `brobygger-extract-${key}`);
  try {
    await pipeline(file.stream, createWriteStream(copy));
    return await use(copy);
  } finally {
    await rm(copy, { force: true });
  }
}
