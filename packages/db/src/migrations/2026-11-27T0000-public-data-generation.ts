import { type Kysely, sql } from 'kysely';

/** The policy's tables: public, rarely changing, cached by every API process. */
const publicTables = [
  'policies',
  'strategy_tracks',
  'organisational_units',
  'focus_areas',
  'focus_area_tracks',
  'focus_area_partners',
  'initiatives',
  'focus_area_initiatives',
];

// Frozen in time: a migration never imports application code.
// One row counting the changes to public data. A statement-level trigger on each public table bumps
// it in the same transaction as the change, however the change is made (API, CLI, seed, psql), so
// every process's read cache learns of it by reading one row (ADR 0011).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('public_data_generation')
    .addColumn('id', 'boolean', (c) => c.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn('generation', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into public_data_generation (id, generation) values (true, 0)`.execute(db);
  await sql`
    create function bump_public_data_generation() returns trigger language plpgsql as $$
    begin
      update public_data_generation set generation = generation + 1 where id;
      return null;
    end
    $$
  `.execute(db);
  for (const table of publicTables) {
    await sql`
      create trigger ${sql.raw(`${table}_bump_public_data_generation`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function bump_public_data_generation()
    `.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of publicTables) {
    await sql`drop trigger if exists ${sql.raw(`${table}_bump_public_data_generation`)} on ${sql.table(table)}`.execute(
      db,
    );
  }
  await sql`drop function if exists bump_public_data_generation()`.execute(db);
  await db.schema.dropTable('public_data_generation').execute();
}
