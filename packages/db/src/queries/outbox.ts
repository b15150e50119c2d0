import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  kind: string;
}

export async function enqueueEmail(db: Kysely<Database>, email: OutgoingEmail): Promise<number> {
  const row = await db
    .insertInto('email_outbox')
    .values({ to_address: email.to, subject: email.subject, text_body: email.text, kind: email.kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
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

/** Mail not yet sent, oldest first, skipping messages that failed too often. */
export async function pendingEmails(db: Kysely<Database>, limit = 20) {
  return db
    .selectFrom('email_outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('attempts', '<', 5)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function markEmailSent(db: Kysely<Database>, id: number): Promise<void> {
  await db.updateTable('email_outbox').set({ sent_at: new Date() }).where('id', '=', id).execute();
}

export async function markEmailFailed(db: Kysely<Database>, id: number, error: string): Promise<void> {
  await db
    .updateTable('email_outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 500) }))
    .where('id', '=', id)
    .execute();
}

/** Forgets mail to an address (its account is being deleted). */
export async function deleteEmailsTo(db: Kysely<Database>, address: string): Promise<void> {
  await db.deleteFrom('email_outbox').where('to_address', '=', address).execute();
}
