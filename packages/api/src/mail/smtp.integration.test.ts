import type { AddressInfo } from 'node:net';
import { enqueueEmail, listOutbox, sendEmailJobType } from '@brobygger/db';
import { openTestDatabase } from '@brobygger/db/testing';
import { JobRunner } from '@brobygger/jobs';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDependencies } from '../context.ts';
import { queueEmail, sendEmailJob } from './send.ts';
import { createSmtpTransport } from './smtp.ts';

/** A real SMTP peer on localhost that keeps what it receives, or refuses one recipient. */
async function startSmtpPeer() {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refused@'))
        return callback(new Error(`550 <${address.address}>: mailbox unavailable`));
      callback();
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk) => {
        raw += String(chunk);
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const email = (to: string, kind = 'test') => ({ to, subject: 'x', text: 'y', kind });

describe('the mail.send job', () => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  let peer: Awaited<ReturnType<typeof startSmtpPeer>>;
  let transport: ReturnType<typeof createSmtpTransport>;
  let clock = 0;
  const now = () => new Date(clock);
  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    peer = await startSmtpPeer();
    transport = createSmtpTransport(peer.url);
    // The runner's clock, a moment after the database's now() (the default time of a job).
    clock = Date.now() + 1000;
  });
  afterAll(async () => {
    transport?.close();
    await peer?.close();
    await handle?.close();
  });
  const jobOf = (emailId: number) =>
    handle.db
      .selectFrom('jobs')
      .selectAll()
      .where('type', '=', sendEmailJobType)
      .where('key', '=', `${sendEmailJobType}:${emailId}`)
      .executeTakeFirstOrThrow();
  const emailRow = (id: number) =>
    handle.db.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('sends queued mail over SMTP and marks it sent; a refused message is retried later, then dead', async () => {
    const ok = await enqueueEmail(handle.db, {
      to: 'anna@example.dk',
      subject: 'Bekræft din e-mailadresse',
      text: 'Hej Anna\n\nhttp://localhost:3000/bekraeft-email?token=abc',
      kind: 'verify-email',
    });
    const refused = await enqueueEmail(handle.db, email('refused@example.dk'));
    const runner = new JobRunner({ db: handle.db, jobs: [sendEmailJob(transport)], now, random: () => 0 });
    expect(await runner.drain()).toBe(2);
    expect(peer.received).toHaveLength(1);
    expect(peer.received[0]?.to).toEqual(['anna@example.dk']);
    expect(peer.received[0]?.raw).toContain('Subject: =?UTF-8?Q?Bekr=C3=A6ft_din_e-mailadresse?=');
    expect(peer.received[0]?.raw).toContain('bekraeft-email?token=abc');
    expect((await emailRow(ok)).sent_at).not.toBeNull();
    expect(await jobOf(ok)).toMatchObject({ state: 'done', attempts: 1 });

    const failed = await jobOf(refused);
    expect((await emailRow(refused)).sent_at).toBeNull();
    expect(failed).toMatchObject({ state: 'pending', attempts: 1 });
    expect(failed.last_error).toContain('550');
    expect(failed.last_error).toContain('<recipient>');
    expect(failed.last_error).not.toContain('refused@example.dk');
    // Five attempts in all, 30 s doubling (no jitter here), then dead: nothing is sent twice.
    for (const wait of [15_000, 30_000, 60_000, 120_000]) {
      clock += wait;
      expect(await runner.drain()).toBe(1);
    }
    expect(await jobOf(refused)).toMatchObject({ state: 'dead', attempts: 5 });
    expect(peer.received).toHaveLength(1);
  });

  it('without SMTP keeps mail in the development mailbox, and skips mail deleted with its recipient', async () => {
    const kept = await enqueueEmail(handle.db, email('dev@example.dk'));
    const gone = await enqueueEmail(handle.db, email('slettet@example.dk'));
    await handle.db.deleteFrom('email_outbox').where('id', '=', gone).execute();
    const runner = new JobRunner({ db: handle.db, jobs: [sendEmailJob(undefined)], now });
    expect(await runner.drain()).toBe(2);
    expect(peer.received.map((m) => m.to[0])).not.toContain('dev@example.dk');
    expect((await listOutbox(handle.db, { to: 'dev@example.dk' })).map((m) => m.id)).toEqual([kept]);
    expect(await jobOf(gone)).toMatchObject({ state: 'done' });
  });

  it("queues mail inside the caller's transaction: a rollback leaves neither mail nor job", async () => {
    const deps = { db: handle.db, logger: pino({ level: 'silent' }), config: { devMailbox: false } };
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await queueEmail({ ...deps, db: trx } as unknown as ApiDependencies, email('rollback@example.dk'));
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await listOutbox(handle.db, { to: 'rollback@example.dk' })).toEqual([]);
    const jobs = await handle.db.selectFrom('jobs').select('id').where('state', '=', 'pending').execute();
    expect(jobs).toEqual([]);
  });
  it("sends an attachment (an event's .ics) as a MIME part with its type and file name", async () => {
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Møde\r\nEND:VCALENDAR\r\n';
    const id = await enqueueEmail(handle.db, {
      ...email('kalender@example.dk', 'event-signed-up'),
      attachments: [
        {
          filename: 'arrangement-7.ics',
          contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
          content: ics,
        },
      ],
    });
    expect((await emailRow(id)).attachments).toEqual([
      {
        filename: 'arrangement-7.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: ics,
      },
    ]);
    const runner = new JobRunner({ db: handle.db, jobs: [sendEmailJob(transport)], now, random: () => 0 });
    await runner.drain();
    const raw = peer.received.find((m) => m.to.includes('kalender@example.dk'))?.raw ?? '';
    const unfolded = raw.replace(/\r?\n /g, ' ');
    expect(unfolded).toMatch(/Content-Type: multipart\/mixed/);
    expect(unfolded).toMatch(
      /Content-Type: text\/calendar; charset=utf-8; method=PUBLISH; name=arrangement-7\.ics/,
    );
    expect(unfolded).toMatch(/Content-Disposition: attachment; filename=arrangement-7\.ics/);
    // The part's body, decoded, is the file.
    const encoded =
      /filename=arrangement-7\.ics\r?\n\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n--/.exec(unfolded)?.[1] ?? '';
    expect(Buffer.from(encoded.replace(/\s/g, ''), 'base64').toString('utf8')).toBe(ics);
  });
});
