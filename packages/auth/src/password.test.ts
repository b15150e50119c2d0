import { describe, expect, it } from 'vitest';
import { hashPassword, isCommonPassword, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('are hashed with Argon2id at m=19456 KiB, t=2, p=1', async () => {
    const hash = await hashPassword('en lang og god adgangskode');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'en lang og god adgangskode')).toBe(true);
    expect(await verifyPassword(hash, 'en lang og god adgangskodE')).toBe(false);
  });

  it('verify false against a broken hash instead of throwing', async () => {
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });

  it('refuses the most common passwords, whatever their case', () => {
    expect(isCommonPassword('password1')).toBe(true);
    expect(isCommonPassword('Qwertyuiop')).toBe(true);
    expect(isCommonPassword('12345678')).toBe(true);
    expect(isCommonPassword('brobygger-demo-xk3')).toBe(false);
  });
});
