import { enqueueEmail, findEmail, markEmailSent, type OutgoingEmail, sendEmailJobType } from '@brobygger/db';
import type { JobDefinition } from '@brobygger/jobs';
import { z } from 'zod';
import type { ApiDependencies } from '../context.ts';

/**
 * Puts an email in the outbox with the job that sends it (SMTP, or the development mailbox).
 * `deps.db` may be a transaction: the mail then exists only if that transaction commits.
 */
export async function queueEmail(deps: ApiDependencies, email: OutgoingEmail): Promise<void> {
  const id = await enqueueEmail(deps.db, email);
  if (deps.config.devMailbox) {
    deps.logger.info({ emailId: id, kind: email.kind }, 'email kept in the development mailbox');
  }
  // Inside a use case's transaction this only notes it; the runner is woken after the commit.
  deps.onJobsQueued?.();
}

export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    /** Text attachments (an event's .ics), as nodemailer takes them. */
    attachments?: { filename: string; contentType: string; content: string }[];
  }): Promise<unknown>;
}

export const defaultSender = 'Brobygger <no-reply@brobygger.dk>';

/**
 * The job that sends one email of the outbox. With a transport it sends over SMTP; without one
 * (no SMTP_URL) the mail stays in the development mailbox and is only marked as delivered there.
 * Idempotent: mail already sent, or deleted with its recipient's account, is not sent again.
 */
export function sendEmailJob(
  transport: MailTransport | undefined,
  from = defaultSender,
): JobDefinition<{ emailId: number }> {
  return {
    type: sendEmailJobType,
    maxAttempts: 5,
    baseDelayMs: 30_000,
    maxDelayMs: 60 * 60_000,
    payload: z.object({ emailId: z.number().int().positive() }),
    async handler({ emailId }, { db, logger }) {
      const email = await findEmail(db, emailId);
      if (!email || email.sent_at) return;
      if (transport) {
        try {
          await transport.sendMail({
            from,
            to: email.to_address,
            subject: email.subject,
            text: email.text_body,
            ...(email.attachments?.length ? { attachments: email.attachments } : {}),
          });
        } catch (error) {
          // The job's last error outlives the mail (an account deletion removes the mail, not the
          // job), so it must not hold the address.
          const message = error instanceof Error ? error.message : String(error);
          throw new Error(message.replaceAll(email.to_address, '<recipient>'));
        }
        logger.info({ emailId, kind: email.kind }, 'email sent');
      }
      await markEmailSent(db, emailId);
    },
  };
}
