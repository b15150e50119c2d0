import { createHmac } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, request } from '@playwright/test';

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe with the WCAG 2.1 A and AA rules and fails with a readable list of what it found. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

/** A one-page PDF with a line of text (an upload the API takes). */
export function onePagePdf(text: string): Buffer {
  const content = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 PNG. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Switches language through the header's language switch, as a visitor would. */
export async function chooseLanguage(page: Page, language: 'Dansk' | 'English') {
  await page
    .getByRole('list', { name: /Vælg sprog|Choose language/ })
    .getByRole('link', { name: language })
    .click();
}

export const demoPassword = 'brobygger-demo';

/** Signs in through the login form, as a visitor would. */
export async function logIn(page: Page, email: string, password = demoPassword, path = '/log-ind') {
  await page.goto(path);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
}

/** A unique email per call, so tests and runs never share an account. */
export function uniqueEmail(prefix = 'e2e'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@brobygger.test`;
}

/**
 * Calls the API as an API client would: its own cookie-less context, so no session cookie (and
 * so no Origin check) comes into play.
 */
async function withApi<T>(baseURL: string | undefined, use: (api: APIRequestContext) => Promise<T>) {
  const api = await request.newContext({ baseURL: baseURL ?? '' });
  try {
    return await use(api);
  } finally {
    await api.dispose();
  }
}

/** Creates an account through the API (quicker than the form, which has its own test). */
export async function registerThroughApi(baseURL: string | undefined, email: string, password: string) {
  await withApi(baseURL, async (api) => {
    const response = await api.post('/api/auth/register', {
      data: { email, password, displayName: `Test ${email.split('@')[0]}` },
    });
    expect(response.status()).toBe(202);
  });
}

/** The newest message to `to` in the development mailbox, read through the API as the demo admin. */
export async function latestMailTo(baseURL: string | undefined, to: string): Promise<string> {
  return withApi(baseURL, async (api) => {
    const login = await api.post('/api/auth/login', {
      data: { email: 'admin@brobygger.test', password: demoPassword },
    });
    expect(login.status()).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const authorization = { Authorization: `Bearer ${token}` };
    const mailbox = await api.get('/api/admin/dev-mailbox', { headers: authorization });
    const { emails } = (await mailbox.json()) as { emails: { to: string; text: string }[] };
    await api.post('/api/auth/logout', {
      headers: { ...authorization, Origin: new URL(baseURL ?? '').origin },
    });
    const mail = emails.find((email) => email.to === to);
    if (!mail) throw new Error(`no mail to ${to}`);
    return mail.text;
  });
}

/** The current TOTP code (RFC 6238: SHA-1, 30 s, 6 digits) for a base32 secret. */
export function totpCode(base32Secret: string, now = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of base32Secret.replace(/[\s=]/g, '').toUpperCase()) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  }
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => Number.parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 1000 / 30)));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = (hmac[hmac.length - 1] ?? 0) & 0xf;
  const value = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}
