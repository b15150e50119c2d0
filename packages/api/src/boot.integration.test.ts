import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { bootApi } from './boot.ts';

describe('bootApi', () => {
  // Booting opens PGlite, migrates and hashes the demo accounts' passwords: slow on a busy machine.
  it('starts the job runner, which an enqueue wakes at once, and stops it on close', {
    timeout: 180_000,
  }, async () => {
    const booted = await bootApi({
      // An hour between polls: only the wake-up after the enqueue can deliver the mail in time.
      env: { DATA_DIR: 'memory://', JOBS_POLL_MS: '3600000', NODE_ENV: 'test' },
      logger: pino({ level: 'silent' }),
    });
    try {
      const res = await booted.app.request('/api/auth/register', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost' },
        body: JSON.stringify({ email: 'boot@example.dk', password: 'boot-kodeord-123', displayName: 'Boot' }),
      });
      expect(res.status).toBe(202);
      const admin = await booted.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost' },
        body: JSON.stringify({ email: 'admin@brobygger.test', password: 'brobygger-demo' }),
      });
      const { token } = (await admin.json()) as { token: string };
      const auth = { headers: { authorization: `Bearer ${token}` } };
      // Other mail may go out at start-up (status-report reminders): follow this one by its id.
      const mailbox = (await (await booted.app.request('/api/admin/dev-mailbox', auth)).json()) as {
        emails: { id: number; to: string }[];
      };
      const emailId = mailbox.emails.find((email) => email.to === 'boot@example.dk')?.id;
      expect(emailId).toBeDefined();
      const delivered = async () => {
        const list = await booted.app.request('/api/admin/jobs?state=done', auth);
        const body = (await list.json()) as { jobs: { type: string; key: string | null }[] };
        return body.jobs.some((job) => job.key === `mail.send:${emailId}`);
      };
      // The runner delivers the verification mail to the development mailbox.
      await expect.poll(delivered, { timeout: 20_000 }).toBe(true);
    } finally {
      await booted.close();
    }
  });
});
