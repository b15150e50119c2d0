import { type Kysely, sql } from 'kysely';

// Frozen in time: a migration never imports application code.
// Staff's volunteer search (issue 10) is a shared read (ADR 0013): kept per public-data generation
// for all of staff, so the tables it reads move the counter in the transaction of a change.
const tables = ['volunteer_profiles', 'volunteer_languages', 'volunteer_interests'];

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
