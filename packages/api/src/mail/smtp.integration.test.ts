import type { AddressInfo } from 'node:net';
import { enqueueEmail } from '@brobygger/db';
import { openTestDatabase } from '@brobygger/db/testing';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSender } from './smtp.ts';

/** A real SMTP peer on localhost that keeps what it receives, or refuses one recipient. */
async function startSmtpPeer() {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refused@')) return callback(new Error('550 mailbox unavailable'));
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

const until = async (check: () => Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out');
};

describe('the SMTP sender', () => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  let peer: Awaited<ReturnType<typeof startSmtpPeer>>;
  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    peer = await startSmtpPeer();
  });
  afterAll(async () => {
    await peer?.close();
    await handle?.close();
  });

  it('sends queued mail over SMTP and marks it sent; a refused message is kept for a retry', async () => {
    const ok = await enqueueEmail(handle.db, {
      to: 'anna@example.dk',
      subject: 'Bekræft din e-mailadresse',
      text: 'Hej Anna\n\nhttp://localhost:3000/bekraeft-email?token=abc',
      kind: 'verify-email',
    });
    const refused = await enqueueEmail(handle.db, {
      to: 'refused@example.dk',
      subject: 'x',
      text: 'y',
      kind: 'test',
    });
    const sender = startSmtpSender(handle.db, peer.url, pino({ level: 'silent' }));
    try {
      const row = (id: number) =>
        handle.db.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await until(async () => (await row(ok)).sent_at !== null && (await row(refused)).attempts > 0);
      expect(peer.received).toHaveLength(1);
      expect(peer.received[0]?.to).toEqual(['anna@example.dk']);
      expect(peer.received[0]?.raw).toContain('Subject: =?UTF-8?Q?Bekr=C3=A6ft_din_e-mailadresse?=');
      expect(peer.received[0]?.raw).toContain('bekraeft-email?token=abc');
      const failed = await row(refused);
      expect(failed.sent_at).toBeNull();
      expect(failed.last_error).toContain('550');
    } finally {
      await sender.stop();
    }
  });
});
