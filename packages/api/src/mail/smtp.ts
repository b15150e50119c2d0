import type { Database } from '@brobygger/db';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import { deliverPendingEmails } from './send.ts';

/**
 * Sends the outbox over SMTP: at once when mail is queued, and every 30 s for retries.
 * Returns the function that wakes it and the one that stops it.
 */
export function startSmtpSender(db: Kysely<Database>, smtpUrl: string, logger: Logger) {
  const transport = nodemailer.createTransport(smtpUrl);
  let running: Promise<unknown> | undefined;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = deliverPendingEmails(db, transport, logger)
      .catch((error) => logger.error({ err: error }, 'email sender failed'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const timer = setInterval(run, 30_000);
  timer.unref();
  run();
  return {
    wake: run,
    async stop() {
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
