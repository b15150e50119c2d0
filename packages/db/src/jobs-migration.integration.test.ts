import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate.ts';
import { migrationProvider } from './migrations/index.ts';
import type { DatabaseHandle } from './open-database.ts';
import { enqueueEmail, listOutbox } from './queries/outbox.ts';
import { openTestDatabase, testDatabaseKinds } from './testing/index.ts';

describe.each(testDatabaseKinds())('the jobs migration on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind, { migrate: false });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('turns unsent mail of the old outbox into send jobs, dead when it had failed five times', async () => {
    const migrator = new Migrator({
      db: handle.db,
      provider: migrationProvider,
      ...(handle.schema === 'public' ? {} : { migrationTableSchema: handle.schema }),
    });
    const before = await migrator.migrateTo('2026-11-26T1300-accounts');
    expect(before.error).toBeUndefined();
    const old = handle.db as any;
    const row = (to: string, extra: Record<string, unknown>) =>
      old
        .insertInto('email_outbox')
        .values({ to_address: to, subject: 's', text_body: 't', kind: 'k', ...extra })
        .returning('id')
        .executeTakeFirstOrThrow();
    const waiting = Number((await row('waiting@example.dk', {})).id);
    const sent = Number((await row('sent@example.dk', { sent_at: new Date() })).id);
    const failed = Number(
      (await row('failed@example.dk', { attempts: 5, last_error: '550 no such user' })).id,
    );

    await migrateToLatest(handle.db, handle.schema);
    const jobs = await handle.db.selectFrom('jobs').selectAll().orderBy('id').execute();
    expect(jobs.map((job) => [job.type, job.key, job.state, job.attempts, job.last_error])).toEqual([
      ['mail.send', `mail.send:${waiting}`, 'pending', 0, null],
      ['mail.send', `mail.send:${failed}`, 'dead', 5, '550 no such user'],
    ]);
    expect(jobs[0]?.payload).toEqual({ emailId: waiting });
    expect((await listOutbox(handle.db)).map((email) => email.id).sort()).toEqual(
      [waiting, sent, failed].sort(),
    );

    // New mail gets its job in the same transaction; the key keeps the ids of old and new apart.
    const fresh = await enqueueEmail(handle.db, { to: 'ny@example.dk', subject: 's', text: 't', kind: 'k' });
    const job = await handle.db
      .selectFrom('jobs')
      .selectAll()
      .where('key', '=', `mail.send:${fresh}`)
      .executeTakeFirstOrThrow();
    expect(job.state).toBe('pending');
  });
});
