import type { Kysely } from 'kysely';
import type { Database, EmailAttachment } from '../schema.ts';
import { enqueueJob } from './jobs.ts';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  kind: string;
  /** Text attachments, e.g. an event's .ics. */
  attachments?: EmailAttachment[];
}

/** The job type that sends one email of the outbox; its payload is `{ emailId }`. */
export const sendEmailJobType = 'mail.send';

/**
 * Writes an email to the outbox and the job that sends it, in one transaction (the caller's, when
 * `db` is one). Returns the email's id.
 */
export async function enqueueEmail(db: Kysely<Database>, email: OutgoingEmail): Promise<number> {
  if (!db.isTransaction) return db.transaction().execute((trx) => enqueueEmail(trx, email));
  const row = await db
    .insertInto('email_outbox')
    .values({
      to_address: email.to,
      subject: email.subject,
      text_body: email.text,
      kind: email.kind,
      ...(email.attachments?.length ? { attachments: JSON.stringify(email.attachments) } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await enqueueJob(db, {
    type: sendEmailJobType,
    payload: { emailId: id },
    key: `${sendEmailJobType}:${id}`,
  });
  return id;
}

export async function listOutbox(
  db: Kysely<Database>,
  { limit = 50, to }: { limit?: number; to?: string } = {},
) {
  let query = db
    .selectFrom('email_outbox')
    .select([
      'id',
      'to_address as to',
      'subject',
      'text_body as text',
      'kind',
      'created_at as createdAt',
      'sent_at as sentAt',
    ])
    .orderBy('id', 'desc')
    .limit(limit);
  if (to) query = query.where('to_address', '=', to);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** One email of the outbox, unless it is gone (its recipient deleted their account). */
export async function findEmail(db: Kysely<Database>, id: number) {
  return db.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markEmailSent(db: Kysely<Database>, id: number): Promise<void> {
  await db.updateTable('email_outbox').set({ sent_at: new Date() }).where('id', '=', id).execute();
}

/** Forgets mail to an address (its account is being deleted); its send jobs then find nothing. */
export async function deleteEmailsTo(db: Kysely<Database>, address: string): Promise<void> {
  await db.deleteFrom('email_outbox').where('to_address', '=', address).execute();
}
