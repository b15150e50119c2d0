import { type Kysely, sql } from 'kysely';

// Frozen in time: a migration never imports application code.
// Events and sign-up (issue 9): event types, recurring series, events with their focus areas and
// languages, registrations (members and guests, confirmed/waitlisted), personal calendar feeds.
export async function up(db: Kysely<any>): Promise<void> {
  // A table, not an enum in code: staff can add a type without a release.
  await db.schema
    .createTable('event_types')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name_da', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`
    insert into event_types (slug, name_da, name_en, position) values
      ('coordination-meeting', 'Koordineringsmøde', 'Coordination meeting', 1),
      ('inspiration-meeting', 'Inspirationsmøde', 'Inspiration meeting', 2),
      ('dialogue-meeting', 'Dialogmøde', 'Dialogue meeting', 3),
      ('activity', 'Aktivitet', 'Activity', 4)
  `.execute(db);
  // The types are public and rarely change: cached by every API process like the policy (ADR 0011).
  await sql`
    create trigger event_types_bump_public_data_generation
    after insert or update or delete or truncate on event_types
    for each statement execute function bump_public_data_generation()
  `.execute(db);

  // A recurrence rule; each occurrence is its own row in `events` (own sign-ups and capacity).
  await db.schema
    .createTable('event_series')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('frequency', 'text', (c) =>
      c.notNull().check(sql`frequency in ('weekly', 'every-other-week', 'monthly-weekday')`),
    )
    // Monthly on a weekday: which week of the month (1–4, or -1 for the last); null otherwise.
    .addColumn('week_of_month', 'smallint', (c) =>
      c.check(sql`week_of_month is null or week_of_month in (1, 2, 3, 4, -1)`),
    )
    // A recurrence without an end is refused: `until` is required (a date in Europe/Copenhagen).
    .addColumn('until_date', 'date', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('type_id', 'integer', (c) => c.notNull().references('event_types.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    // Markdown as written; sanitised when it is rendered.
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('online_url', 'text')
    // null = unlimited
    .addColumn('capacity', 'integer', (c) => c.check(sql`capacity is null or capacity >= 0`))
    // null = sign-up open until the start
    .addColumn('signup_deadline', 'timestamptz')
    .addColumn('organiser_name', 'text', (c) => c.notNull())
    .addColumn('organiser_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    // For the associations issue: an event an association runs.
    .addColumn('association_id', 'integer', (c) => c.references('associations.id').onDelete('set null'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published', 'cancelled')`),
    )
    .addColumn('reminder_hours', 'integer', (c) =>
      c.notNull().defaultTo(48).check(sql`reminder_hours between 0 and 720`),
    )
    .addColumn('step_free', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('hearing_loop', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('interpreter', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('childcare', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('series_id', 'integer', (c) => c.references('event_series.id').onDelete('set null'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('events_ends_after_start', sql`ends_at > starts_at`)
    .addCheckConstraint(
      'events_deadline_before_start',
      sql`signup_deadline is null or signup_deadline <= starts_at`,
    )
    .addCheckConstraint('events_has_place', sql`address is not null or online_url is not null`)
    .execute();
  // The list page: published events from now on, in order.
  await db.schema
    .createIndex('events_status_starts_idx')
    .on('events')
    .columns(['status', 'starts_at'])
    .execute();
  await db.schema.createIndex('events_series_idx').on('events').columns(['series_id', 'starts_at']).execute();
  await db.schema.createIndex('events_organiser_user_idx').on('events').column('organiser_user_id').execute();
  await db.schema.createIndex('events_association_idx').on('events').column('association_id').execute();

  await db.schema
    .createTable('event_focus_areas')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('focus_area_id', 'integer', (c) =>
      c.notNull().references('focus_areas.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('event_focus_areas_pk', ['event_id', 'focus_area_id'])
    .execute();
  await db.schema
    .createIndex('event_focus_areas_focus_area_idx')
    .on('event_focus_areas')
    .columns(['focus_area_id', 'event_id'])
    .execute();

  await db.schema
    .createTable('event_languages')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    // ISO 639-1 (two letters) or ISO 639-3 (three letters), lower case.
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language ~ '^[a-z]{2,3}$'`))
    .addPrimaryKeyConstraint('event_languages_pk', ['event_id', 'language'])
    .execute();
  await db.schema
    .createIndex('event_languages_language_idx')
    .on('event_languages')
    .columns(['language', 'event_id'])
    .execute();

  // Arrival order in the queue: taken when someone enters it (a member signing up, a guest
  // confirming), always under the event's row lock, so it is the order of arrival.
  await sql`create sequence event_registration_queue_seq as integer`.execute(db);
  await db.schema
    .createTable('event_registrations')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('guest_name', 'text')
    .addColumn('guest_email', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('confirmed', 'waitlisted', 'pending_guest', 'cancelled')`),
    )
    .addColumn('queue_seq', 'integer', (c) =>
      c.notNull().defaultTo(sql`nextval('event_registration_queue_seq')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('check_in_code', 'text', (c) => c.unique())
    .addColumn('attended_at', 'timestamptz')
    .addColumn('reminded_at', 'timestamptz')
    // Guests: the SHA-256 of the secret in their emailed link, and when an unconfirmed hold expires.
    .addColumn('guest_token_hash', 'bytea')
    .addColumn('guest_expires_at', 'timestamptz')
    .addCheckConstraint(
      'event_registrations_member_or_guest',
      sql`(user_id is not null and guest_email is null and guest_name is null) or (user_id is null and guest_email is not null and guest_name is not null)`,
    )
    .addCheckConstraint(
      'event_registrations_pending_is_guest',
      sql`status <> 'pending_guest' or user_id is null`,
    )
    .execute();
  // One active registration per member (and per guest address) and event.
  await sql`create unique index event_registrations_user_active on event_registrations (event_id, user_id) where status <> 'cancelled' and user_id is not null`.execute(
    db,
  );
  await sql`create unique index event_registrations_guest_active on event_registrations (event_id, lower(guest_email)) where status <> 'cancelled' and guest_email is not null`.execute(
    db,
  );
  await db.schema
    .createIndex('event_registrations_queue_idx')
    .on('event_registrations')
    .columns(['event_id', 'status', 'queue_seq'])
    .execute();
  await db.schema
    .createIndex('event_registrations_user_idx')
    .on('event_registrations')
    .columns(['user_id', 'status'])
    .execute();
  await db.schema
    .createIndex('event_registrations_guest_token_idx')
    .on('event_registrations')
    .column('guest_token_hash')
    .execute();

  // Personal calendar feeds: the URL carries a secret; only its SHA-256 is stored.
  await db.schema
    .createTable('calendar_feed_tokens')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'bytea', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('calendar_feed_tokens_user_idx')
    .on('calendar_feed_tokens')
    .column('user_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists event_types_bump_public_data_generation on event_types`.execute(db);
  for (const table of [
    'calendar_feed_tokens',
    'event_registrations',
    'event_languages',
    'event_focus_areas',
    'events',
    'event_series',
    'event_types',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`drop sequence if exists event_registration_queue_seq`.execute(db);
}
