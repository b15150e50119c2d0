import type { Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
// Mail may carry attachments (issue 9: the sign-up confirmation carries the event's .ics):
// [{ filename, contentType, content }] with text content, or null.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('email_outbox').addColumn('attachments', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('email_outbox').dropColumn('attachments').execute();
}
