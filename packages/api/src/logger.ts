import pino, { type Logger } from 'pino';

/** Structured JSON logs on stdout (one object per line), as log collectors expect. */
export function createLogger(level: string, name = 'brobygger'): Logger {
  return pino({ name, level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
}
