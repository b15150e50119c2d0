import { type Kysely, sql } from 'kysely';

// Frozen in time: a migration never imports application code.
// Associations and volunteers (issue 10): the association profile (the table exists since the
// accounts migration), its focus areas, invitations of members by email, the moderation of
// activities (events of the type "activity"), volunteer profiles with spoken languages,
// invitations of volunteers to events, and the attendance of erased accounts as a count.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('associations')
    .addColumn('cvr', 'text', (c) => c.check(sql`cvr ~ '^[1-9][0-9]{7}$'`))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('website', 'text')
    .addColumn('address', 'text')
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('verified_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // The public list: verified associations by name.
  await sql`create index associations_verified_name_idx on associations (lower(name)) where verified_at is not null`.execute(
    db,
  );

  await db.schema
    .createTable('association_focus_areas')
    .addColumn('association_id', 'integer', (c) =>
      c.notNull().references('associations.id').onDelete('cascade'),
    )
    .addColumn('focus_area_id', 'integer', (c) =>
      c.notNull().references('focus_areas.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('association_focus_areas_pk', ['association_id', 'focus_area_id'])
    .execute();

  // An invitation link: only the SHA-256 of its secret is kept; used once, by the invited address.
  await db.schema
    .createTable('association_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('association_id', 'integer', (c) =>
      c.notNull().references('associations.id').onDelete('cascade'),
    )
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'member')`))
    .addColumn('secret_hash', 'bytea', (c) => c.notNull())
    .addColumn('invited_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('used_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('association_invitations_association_idx')
    .on('association_invitations')
    .columns(['association_id', 'created_at'])
    .execute();

  // Activities an association posted, and what staff decided about them.
  await db.schema
    .createTable('activity_moderation')
    .addColumn('event_id', 'integer', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
    // null: an activity staff made themselves (only ever unpublished here)
    .addColumn('association_id', 'integer', (c) => c.references('associations.id').onDelete('cascade'))
    .addColumn('posted_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('pending', 'approved', 'rejected', 'unpublished', 'auto')`),
    )
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('activity_moderation_state_idx')
    .on('activity_moderation')
    .columns(['state', 'created_at'])
    .execute();
  await db.schema
    .createIndex('activity_moderation_association_idx')
    .on('activity_moderation')
    .columns(['association_id', 'state'])
    .execute();

  await db.schema
    .createTable('volunteer_profiles')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('skills', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('skills_other', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('availability', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('presentation', 'text', (c) => c.notNull().defaultTo(''))
    // null: no consent (or withdrawn) — staff do not see the profile.
    .addColumn('consent_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index volunteer_profiles_consent_idx on volunteer_profiles (user_id) where consent_at is not null`.execute(
    db,
  );

  await db.schema
    .createTable('volunteer_languages')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language ~ '^[a-z]{2,3}$'`))
    .addColumn('level', 'smallint', (c) => c.notNull().check(sql`level between 0 and 3`))
    .addPrimaryKeyConstraint('volunteer_languages_pk', ['user_id', 'language'])
    .execute();
  await db.schema
    .createIndex('volunteer_languages_language_idx')
    .on('volunteer_languages')
    .columns(['language', 'level', 'user_id'])
    .execute();

  await db.schema
    .createTable('volunteer_interests')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('focus_area_id', 'integer', (c) =>
      c.notNull().references('focus_areas.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('volunteer_interests_pk', ['user_id', 'focus_area_id'])
    .execute();

  // The languages an event asks its volunteers to speak.
  await db.schema
    .createTable('event_volunteer_languages')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language ~ '^[a-z]{2,3}$'`))
    .addPrimaryKeyConstraint('event_volunteer_languages_pk', ['event_id', 'language'])
    .execute();

  await db.schema
    .createTable('volunteer_invitations')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('invited_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('volunteer_invitations_pk', ['event_id', 'user_id'])
    .execute();

  // The list of verified associations is a public read, cached by every API process (ADR 0011).
  for (const table of ['associations', 'association_focus_areas']) {
    await sql`
      create trigger ${sql.raw(`${table}_bump_public_data_generation`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function bump_public_data_generation()
    `.execute(db);
  }

  // An erased account's attendance stays only as a number per event.
  await db.schema
    .createTable('event_erased_attendance')
    .addColumn('event_id', 'integer', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
    .addColumn('attended', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['associations', 'association_focus_areas']) {
    await sql`drop trigger if exists ${sql.raw(`${table}_bump_public_data_generation`)} on ${sql.table(table)}`.execute(
      db,
    );
  }
  for (const table of [
    'event_erased_attendance',
    'volunteer_invitations',
    'event_volunteer_languages',
    'volunteer_interests',
    'volunteer_languages',
    'volunteer_profiles',
    'activity_moderation',
    'association_invitations',
    'association_focus_areas',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`drop index if exists associations_verified_name_idx`.execute(db);
  for (const column of [
    'cvr',
    'description',
    'contact_name',
    'email',
    'phone',
    'website',
    'address',
    'languages',
    'created_by',
    'verified_by',
    'updated_at',
  ]) {
    await db.schema.alterTable('associations').dropColumn(column).execute();
  }
}
