import { type Kysely, sql } from 'kysely';

// Frozen in time: a migration never imports application code.
// The steering overview (issue 13) is kept per public-data generation (ADR 0015): besides the
// reports and focus areas, it shows the lead owners (user_roles) and whether the previous period
// is closed (reporting_period_closures), so changes to those move the counter too.
const tables = ['user_roles', 'reporting_period_closures'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of tables) {
    await sql`
      create trigger ${sql.raw(`${table}_bump_public_data_generation`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function bump_public_data_generation()
    `.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of tables) {
    await sql`drop trigger if exists ${sql.raw(`${table}_bump_public_data_generation`)} on ${sql.table(table)}`.execute(
      db,
    );
  }
}
