import { seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail, insertReport, listFocusAreaRefs, seedPolicy } from '@brobygger/db';
import { openTestDatabase, testDatabaseKinds } from '@brobygger/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiJobRunner } from './index.ts';

describe.each(testDatabaseKinds())('status-report reminders on %s', (kind) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let clock = new Date('2027-02-20T12:00:00Z');
  const runner = () =>
    createApiJobRunner({
      db: database.db,
      logger: pino({ level: 'silent' }),
      now: () => clock,
      publicUrl: 'https://brobygger.example',
    });
  const mail = async (kind: string) =>
    (
      await database.db
        .selectFrom('email_outbox')
        .select(['to_address', 'subject', 'text_body'])
        .where('kind', '=', kind)
        .orderBy('to_address')
        .orderBy('subject')
        .execute()
    ).map((row) => `${row.to_address}: ${row.subject}`);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedPolicy(database.db);
    await seedDemoAccounts(database.db);
    // September 2026 was filed by every area, so only March 2027 is in play.
    const author = await findUserByEmail(database.db, 'tovholder@brobygger.test');
    for (const area of await listFocusAreaRefs(database.db)) {
      const id = await insertReport(database.db, {
        focusAreaId: area.id,
        periodKey: '2026-09',
        overallStatus: 'on_track',
        content: { summary: 'x' },
        createdBy: author?.id ?? null,
      });
      await database.db
        .updateTable('status_reports')
        .set({ state: 'acknowledged' })
        .where('id', '=', id as number)
        .execute();
    }
  }, 180_000);
  afterAll(async () => {
    await database?.close();
  });

  it('sends nothing before the first reminder date', async () => {
    await runner().drain();
    expect(await mail('status-reminder-14-days')).toEqual([]);
    expect(await mail('status-reminder-overdue')).toEqual([]);
  });

  it('mails each lead owner once 14 days before, however many processes and rounds run', async () => {
    clock = new Date('2027-03-01T08:30:00Z'); // 09:30 in Copenhagen on 1 March
    await Promise.all([runner().drain(), runner().drain()]);
    clock = new Date('2027-03-01T12:30:00Z'); // later scans the same day find nothing new
    await runner().drain();
    await runner().drain();
    expect(await mail('status-reminder-14-days')).toEqual([
      'sundhed@brobygger.test: Påmindelse: statusrapporten for Sundhed og trivsel skal indsendes senest 15. marts 2027',
      'tovholder@brobygger.test: Påmindelse: statusrapporten for Kvinder skal indsendes senest 15. marts 2027',
      'tovholder@brobygger.test: Påmindelse: statusrapporten for Viden og videndeling skal indsendes senest 15. marts 2027',
    ]);
    const body = await database.db
      .selectFrom('email_outbox')
      .select('text_body')
      .where('kind', '=', 'status-reminder-14-days')
      .executeTakeFirstOrThrow();
    expect(body.text_body).toContain('https://brobygger.example/tovholder/');
  });

  it('skips an area whose report is in, and runs a reminder job twice without mailing twice', async () => {
    const kvinder = (await listFocusAreaRefs(database.db)).find((area) => area.slug === 'kvinder');
    const id = await insertReport(database.db, {
      focusAreaId: kvinder?.id as number,
      periodKey: '2027-03',
      overallStatus: 'on_track',
      content: { summary: 'Indsendt' },
      createdBy: null,
    });
    await database.db
      .updateTable('status_reports')
      .set({ state: 'submitted' })
      .where('id', '=', id as number)
      .execute();
    clock = new Date('2027-03-12T08:00:00Z'); // 09:00 on the 12th: three days before
    await runner().drain();
    // A worker that died after the work: the same job is run again (made pending once more).
    await database.db
      .updateTable('jobs')
      .set({ state: 'pending', finished_at: null })
      .where('type', '=', 'status.reminder')
      .where('key', 'like', '%:3-days')
      .execute();
    await runner().drain();
    expect(await mail('status-reminder-3-days')).toEqual([
      'sundhed@brobygger.test: Påmindelse: statusrapporten for Sundhed og trivsel skal indsendes senest 15. marts 2027',
      'tovholder@brobygger.test: Påmindelse: statusrapporten for Viden og videndeling skal indsendes senest 15. marts 2027',
    ]);
  });

  it('tells the lead owners when the deadline passes without a submitted report, once', async () => {
    clock = new Date('2027-03-15T22:59:00Z'); // 23:59 on the 15th in Copenhagen: not yet
    await runner().drain();
    expect(await mail('status-reminder-overdue')).toEqual([]);
    clock = new Date('2027-03-15T23:00:00Z');
    await runner().drain();
    clock = new Date('2027-03-16T05:00:00Z');
    await runner().drain();
    expect(await mail('status-reminder-overdue')).toEqual([
      'sundhed@brobygger.test: Statusrapporten for Sundhed og trivsel (2027-03) mangler',
      'tovholder@brobygger.test: Statusrapporten for Viden og videndeling (2027-03) mangler',
    ]);
    // Every mail is also a mail.send job, and the runner delivered it to the dev mailbox.
    const unsent = await database.db
      .selectFrom('email_outbox')
      .select('id')
      .where('sent_at', 'is', null)
      .execute();
    expect(unsent).toEqual([]);
  });
});
