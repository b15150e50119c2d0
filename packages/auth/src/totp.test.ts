import { describe, expect, it } from 'vitest';
import { currentTotp, generateTotpKey, matchTotp, totpSetup } from './totp.ts';

describe('TOTP', () => {
  const key = generateTotpKey();
  const now = Date.UTC(2026, 10, 26, 12, 0, 10);

  it('accepts the current code and one step of drift', () => {
    expect(matchTotp(key, currentTotp(key, now), null, now)).toBeDefined();
    expect(matchTotp(key, currentTotp(key, now - 30_000), null, now)).toBeDefined();
    expect(matchTotp(key, currentTotp(key, now - 90_000), null, now)).toBeUndefined();
  });

  it('refuses a code that was already used', () => {
    const code = currentTotp(key, now);
    const step = matchTotp(key, code, null, now);
    expect(step).toBeDefined();
    expect(matchTotp(key, code, step ?? null, now)).toBeUndefined();
  });

  it('refuses a wrong code', () => {
    const code = currentTotp(key, now);
    const wrong = code === '000000' ? '111111' : '000000';
    expect(matchTotp(key, wrong, null, now)).toBeUndefined();
  });

  it('gives an otpauth URI for authenticator apps', () => {
    expect(totpSetup(key, 'a@b.dk').uri).toMatch(/^otpauth:\/\/totp\/Brobygger:a%40b\.dk\?/);
  });
});
