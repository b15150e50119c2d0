import { type Kysely, sql } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  await sql`create extension if not exists unaccent with schema public`.execute(db);

  await db.schema
    .createTable('policies')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('municipality', 'text', (c) => c.notNull())
    .addColumn('period_from', 'integer', (c) => c.notNull())
    .addColumn('period_to', 'integer', (c) => c.notNull())
    .addColumn('vision', 'text', (c) => c.notNull())
    .addColumn('lead_owner_duties', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('status_report_months', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{3,9}'`))
    .addColumn('status_report_audience', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('strategy_tracks')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('also_written', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  // Lead units and partners: units of the municipality ("Integrationsteamet") and wider groups
  // ("Udvalgte borgergrupper"). reports_to names the role a lead unit reports to.
  await db.schema
    .createTable('organisational_units')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('reports_to', 'text')
    .execute();

  await db.schema
    .createTable('focus_areas')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('policy_id', 'integer', (c) => c.notNull().references('policies.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('focus-area', 'target-group')`))
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('aims', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('lead_unit_id', 'integer', (c) => c.notNull().references('organisational_units.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('focus_area_tracks')
    .addColumn('focus_area_id', 'integer', (c) =>
      c.notNull().references('focus_areas.id').onDelete('cascade'),
    )
    .addColumn('strategy_track_id', 'integer', (c) =>
      c.notNull().references('strategy_tracks.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('focus_area_tracks_pk', ['focus_area_id', 'strategy_track_id'])
    .execute();

  await db.schema
    .createTable('focus_area_partners')
    .addColumn('focus_area_id', 'integer', (c) =>
      c.notNull().references('focus_areas.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) =>
      c.notNull().references('organisational_units.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('focus_area_partners_pk', ['focus_area_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('initiatives')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('listed_year', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // One initiative may belong to several focus areas (Bydelsmødre does).
  await db.schema
    .createTable('focus_area_initiatives')
    .addColumn('focus_area_id', 'integer', (c) =>
      c.notNull().references('focus_areas.id').onDelete('cascade'),
    )
    .addColumn('initiative_id', 'integer', (c) =>
      c.notNull().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('focus_area_initiatives_pk', ['focus_area_id', 'initiative_id'])
    .execute();

  await db.schema
    .createIndex('focus_area_initiatives_initiative_idx')
    .on('focus_area_initiatives')
    .column('initiative_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'focus_area_initiatives',
    'initiatives',
    'focus_area_partners',
    'focus_area_tracks',
    'focus_areas',
    'organisational_units',
    'strategy_tracks',
    'policies',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
