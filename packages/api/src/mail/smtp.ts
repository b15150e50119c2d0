import nodemailer from 'nodemailer';
import type { MailTransport } from './send.ts';

/** An SMTP transport for SMTP_URL (`smtp://host:port`, `smtps://user:pass@host`). */
export function createSmtpTransport(smtpUrl: string): MailTransport & { close(): void } {
  return nodemailer.createTransport(smtpUrl);
}
