import { type Kysely, sql } from 'kysely';

// Frozen in time: a migration never imports application code.
//
// Status reports (issue 13): files uploaded to a report (ADR 0015, ADR 0018). The bytes live in the
// file store under `storage_key` (a generated name); this row is all the database keeps. A report's
// link attachments stay where they were, in `status_reports.content` (the JSON is unchanged).
// Not public: no public-data trigger (the public status never shows attachments).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('status_report_attachments')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('status_reports.id').onDelete('cascade'))
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('status_report_attachments_report_idx')
    .on('status_report_attachments')
    .column('report_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('status_report_attachments').ifExists().execute();
}
