import type { Database } from '@brobygger/db';
import {
  enqueueEmail,
  markEmailFailed,
  markEmailSent,
  type OutgoingEmail,
  pendingEmails,
} from '@brobygger/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ApiDependencies } from '../context.ts';

/** Puts an email in the outbox; a sender (SMTP) or the development mailbox takes it from there. */
export async function queueEmail(deps: ApiDependencies, email: OutgoingEmail): Promise<void> {
  const id = await enqueueEmail(deps.db, email);
  if (deps.config.devMailbox) {
    deps.logger.info({ emailId: id, kind: email.kind }, 'email kept in the development mailbox');
  }
  deps.onMailQueued?.();
}

export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

/** Sends what waits in the outbox; a failure is retried later, up to five attempts. */
export async function deliverPendingEmails(
  db: Kysely<Database>,
  transport: MailTransport,
  logger: Logger,
  from = 'Brobygger <no-reply@brobygger.dk>',
): Promise<number> {
  let sent = 0;
  for (const email of await pendingEmails(db)) {
    const id = Number(email.id);
    try {
      await transport.sendMail({ from, to: email.to_address, subject: email.subject, text: email.text_body });
      await markEmailSent(db, id);
      sent++;
    } catch (error) {
      await markEmailFailed(db, id, error instanceof Error ? error.message : String(error));
      logger.warn({ emailId: id, err: error }, 'sending email failed; will retry');
    }
  }
  return sent;
}
