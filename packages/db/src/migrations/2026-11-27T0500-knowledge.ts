import { type Kysely, sql } from 'kysely';

// Frozen in time: a migration never imports application code.
// Knowledge (issue 11): the resource library (resources, their revisions, tags, focus areas,
// suggestions and attachments) and the forum (threads, posts and their revisions, flags,
// moderation notes, follows and the digest's state).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('resources')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('guide', 'document', 'link', 'contact', 'template')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    // Markdown as written; sanitised when it is rendered.
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('url', 'text')
    .addColumn('audience', 'text', (c) =>
      c.notNull().check(sql`audience in ('public', 'volunteers', 'associations', 'staff')`),
    )
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_reviewed_at', 'timestamptz')
    .addColumn('last_reviewed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('resources_audience_updated')
    .on('resources')
    .columns(['audience', 'updated_at'])
    .execute();
  await db.schema.createIndex('resources_reviewed').on('resources').column('last_reviewed_at').execute();

  // Every edit is a revision: the whole resource as it was saved, numbered from 1.
  await db.schema
    .createTable('resource_revisions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('resource_id', 'integer', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('focus_areas', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('resource_revisions_number', ['resource_id', 'number'])
    .execute();

  await db.schema
    .createTable('resource_tags')
    .addColumn('resource_id', 'integer', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('resource_tags_pk', ['resource_id', 'tag'])
    .execute();
  await db.schema.createIndex('resource_tags_tag').on('resource_tags').column('tag').execute();

  await db.schema
    .createTable('resource_focus_areas')
    .addColumn('resource_id', 'integer', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('focus_area_id', 'integer', (c) =>
      c.notNull().references('focus_areas.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('resource_focus_areas_pk', ['resource_id', 'focus_area_id'])
    .execute();
  await db.schema
    .createIndex('resource_focus_areas_area')
    .on('resource_focus_areas')
    .column('focus_area_id')
    .execute();

  await db.schema
    .createTable('resource_suggestions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('resource_id', 'integer', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('base_revision', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'accepted', 'rejected')`),
    )
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('resource_suggestions_pending')
    .on('resource_suggestions')
    .columns(['status', 'created_at'])
    .execute();

  // A file is stored under a generated key; the name it came with is only shown.
  await db.schema
    .createTable('resource_attachments')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('resource_id', 'integer', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('extracted_text', 'text')
    .addColumn('extracted_at', 'timestamptz')
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('resource_attachments_resource')
    .on('resource_attachments')
    .column('resource_id')
    .execute();

  // ---- Forum ----
  // Categories are the focus areas (focus_area_id) plus the general one (null).
  await db.schema
    .createTable('forum_threads')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('focus_area_id', 'integer', (c) => c.references('focus_areas.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('question', 'discussion')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('accepted_post_id', 'integer')
    .addColumn('resource_id', 'integer', (c) => c.references('resources.id').onDelete('set null'))
    .addColumn('locked_at', 'timestamptz')
    .addColumn('hidden_at', 'timestamptz')
    .addColumn('last_post_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('forum_threads_category')
    .on('forum_threads')
    .columns(['focus_area_id', 'last_post_at'])
    .execute();
  await db.schema.createIndex('forum_threads_last_post').on('forum_threads').column('last_post_at').execute();

  await db.schema
    .createTable('forum_posts')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('thread_id', 'integer', (c) => c.notNull().references('forum_threads.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('is_opening', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('hidden_at', 'timestamptz')
    .addColumn('hidden_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('edited_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('forum_posts_thread').on('forum_posts').columns(['thread_id', 'id']).execute();
  await sql`alter table forum_threads add constraint forum_threads_accepted_post
    foreign key (accepted_post_id) references forum_posts(id) on delete set null`.execute(db);
  // A resource made from an accepted answer links back to it.
  await db.schema
    .alterTable('resources')
    .addColumn('source_post_id', 'integer', (c) => c.references('forum_posts.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('forum_post_revisions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('post_id', 'integer', (c) => c.notNull().references('forum_posts.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('editor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('forum_post_revisions_post')
    .on('forum_post_revisions')
    .column('post_id')
    .execute();

  await db.schema
    .createTable('forum_flags')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('post_id', 'integer', (c) => c.notNull().references('forum_posts.id').onDelete('cascade'))
    .addColumn('reporter_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolved_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('resolution', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('forum_flags_open')
    .on('forum_flags')
    .columns(['resolved_at', 'post_id'])
    .execute();

  await db.schema
    .createTable('forum_moderation_notes')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('thread_id', 'integer', (c) => c.notNull().references('forum_threads.id').onDelete('cascade'))
    .addColumn('post_id', 'integer', (c) => c.references('forum_posts.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('staff_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // A follow of a thread (thread_id) or a category (category: a focus area's slug or 'generelt').
  await db.schema
    .createTable('forum_follows')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('thread_id', 'integer', (c) => c.references('forum_threads.id').onDelete('cascade'))
    .addColumn('category', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('forum_follows_one_target', sql`(thread_id is null) <> (category is null)`)
    .execute();
  await sql`create unique index forum_follows_thread on forum_follows (user_id, thread_id) where thread_id is not null`.execute(
    db,
  );
  await sql`create unique index forum_follows_category on forum_follows (user_id, category) where category is not null`.execute(
    db,
  );

  // One row per follower: where their digest got to, and the secret of their unsubscribe link.
  await db.schema
    .createTable('forum_digest_state')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('last_post_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_sent_at', 'timestamptz')
    .addColumn('unsubscribe_token', 'bytea', (c) => c.notNull().unique())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'forum_digest_state',
    'forum_follows',
    'forum_moderation_notes',
    'forum_flags',
    'forum_post_revisions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('resources').dropColumn('source_post_id').execute();
  await sql`alter table forum_threads drop constraint forum_threads_accepted_post`.execute(db);
  await db.schema.dropTable('forum_posts').execute();
  await db.schema.dropTable('forum_threads').execute();
  for (const table of [
    'resource_attachments',
    'resource_suggestions',
    'resource_focus_areas',
    'resource_tags',
    'resource_revisions',
    'resources',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
