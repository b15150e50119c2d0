import { type Kysely, sql } from 'kysely';

// Frozen in time: a migration never imports application code.
//
// Initiative tracking and the half-yearly status reports (issue 13): the task-and-goal description
// of a focus area with every revision, the initiatives' status and details, reports per area and
// period with their revisions, transitions, comments and indicator values, the periods the steering
// group has closed, and the markers that make each reminder go out once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('initiatives')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('planned', 'active', 'paused', 'completed', 'stopped')`),
    )
    .addColumn('responsible_unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('partners', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('starts_on', 'date')
    .addColumn('ends_on', 'date')
    .addColumn('links', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();

  await db.schema
    .createTable('focus_area_descriptions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('focus_area_id', 'integer', (c) =>
      c.notNull().references('focus_areas.id').onDelete('cascade'),
    )
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('focus_area_descriptions_revision_unique', ['focus_area_id', 'revision'])
    .execute();

  await db.schema
    .createTable('reporting_period_closures')
    .addColumn('period_key', 'text', (c) => c.primaryKey())
    .addColumn('closed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('closed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('status_reports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('focus_area_id', 'integer', (c) =>
      c.notNull().references('focus_areas.id').onDelete('cascade'),
    )
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`state in ('draft', 'submitted', 'acknowledged', 'returned')`),
    )
    .addColumn('overall_status', 'text', (c) =>
      c.check(sql`overall_status in ('on_track', 'at_risk', 'off_track')`),
    )
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('returned_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // One report per area and period: a second is a conflict.
    .addUniqueConstraint('status_reports_area_period_unique', ['focus_area_id', 'period_key'])
    .execute();
  await db.schema
    .createIndex('status_reports_period_idx')
    .on('status_reports')
    .column('period_key')
    .execute();

  await db.schema
    .createTable('status_report_revisions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('status_reports.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('status_report_revisions_unique', ['report_id', 'revision'])
    .execute();

  await db.schema
    .createTable('status_report_transitions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('status_reports.id').onDelete('cascade'))
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('comment', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('status_report_transitions_report_idx')
    .on('status_report_transitions')
    .column('report_id')
    .execute();

  await db.schema
    .createTable('status_report_comments')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('status_reports.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('status_report_comments_report_idx')
    .on('status_report_comments')
    .column('report_id')
    .execute();

  await db.schema
    .createTable('status_report_indicator_values')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('status_reports.id').onDelete('cascade'))
    .addColumn('indicator_key', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('status_report_indicator_values_pk', ['report_id', 'indicator_key'])
    .execute();

  // One row per reminder or notice sent: its key makes a second sending do nothing.
  await db.schema
    .createTable('status_notifications')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The public focus-area status is cached with the policy's reads (ADR 0011).
  for (const table of ['focus_area_descriptions', 'status_reports', 'status_report_indicator_values']) {
    await sql`
      create trigger ${sql.raw(`${table}_bump_public_data_generation`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function bump_public_data_generation()
    `.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'status_notifications',
    'status_report_indicator_values',
    'status_report_comments',
    'status_report_transitions',
    'status_report_revisions',
    'status_reports',
    'reporting_period_closures',
    'focus_area_descriptions',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  for (const column of ['links', 'ends_on', 'starts_on', 'partners', 'responsible_unit', 'status']) {
    await db.schema.alterTable('initiatives').dropColumn(column).execute();
  }
}
