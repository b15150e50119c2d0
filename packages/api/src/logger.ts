import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs on stdout (one object per line), as log collectors expect.
 *
 * Written asynchronously (`sync: false`): a line is handed to the operating system as soon as the
 * previous write is done, and lines that come while one is in flight go together in the next
 * write. At a few requests a second that is a write per line, as before; under load it is one
 * write for many lines rather than a system call per request (which cost as much as answering a
 * cached read). Pino flushes what is left when the process exits, also on SIGINT and SIGTERM.
 */
export function createLogger(level: string, name = 'brobygger'): Logger {
  return pino(
    { name, level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ dest: 1, sync: false }),
  );
}
