import { type Kysely, sql } from 'kysely';

// Frozen in time: a migration never imports application code.
//
// One table of background jobs for every kind of work (ADR 0008). Mail keeps its own table as the
// record of what was sent (the development mailbox and the GDPR export read it); its delivery
// state (attempts, last error) moves to the job that sends it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // An enqueue with a key that exists already does nothing: idempotent enqueues, and one
    // occurrence per period of a recurring job.
    .addColumn('key', 'text', (c) => c.unique())
    .addColumn('state', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`state in ('pending', 'running', 'done', 'dead')`),
    )
    .addColumn('run_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  // What a worker claims: due pending jobs and running jobs whose lease ran out.
  await sql`create index jobs_due_idx on jobs (run_at) where state in ('pending', 'running')`.execute(db);
  await db.schema.createIndex('jobs_state_idx').on('jobs').columns(['state', 'id']).execute();

  // Unsent mail becomes a send job (dead if it had already failed five times).
  await sql`
    insert into jobs (type, payload, key, state, attempts, last_error, created_at)
    select 'mail.send', jsonb_build_object('emailId', id), 'mail.send:' || id,
           case when attempts >= 5 then 'dead' else 'pending' end, attempts, last_error, created_at
    from email_outbox where sent_at is null
  `.execute(db);
  await db.schema.dropIndex('email_outbox_unsent_idx').execute();
  await db.schema.alterTable('email_outbox').dropColumn('attempts').execute();
  await db.schema.alterTable('email_outbox').dropColumn('last_error').execute();
  await db.schema.createIndex('email_outbox_to_idx').on('email_outbox').column('to_address').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('email_outbox_to_idx').execute();
  await db.schema
    .alterTable('email_outbox')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('email_outbox').addColumn('last_error', 'text').execute();
  await db.schema.createIndex('email_outbox_unsent_idx').on('email_outbox').column('sent_at').execute();
  await db.schema.dropTable('jobs').execute();
}
