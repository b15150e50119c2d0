import { describe, expect, it } from 'vitest';
import { emailSchema, loginSchema, passwordSchema, registerSchema } from './accounts.ts';
import { roleGrantSchema } from './roles.ts';

describe('emailSchema', () => {
  it('trims and lower-cases', () => {
    expect(emailSchema.parse('  Anna.Hansen@Skanderborg.DK ')).toBe('anna.hansen@skanderborg.dk');
  });

  it.each([
    ['a look-alike Cyrillic letter', 'аnna@example.dk'],
    ['a zero-width space', 'anna\u200b@example.dk'],
    ['a right-to-left override', 'anna\u202e@example.dk'],
    ['a full-width at sign', 'anna＠example.dk'],
    ['no domain', 'anna@'],
    ['no at sign', 'anna.example.dk'],
    ['two at signs', 'a@b@example.dk'],
    ['an overlong address', `${'a'.repeat(250)}@example.dk`],
    ['an overlong local part', `${'a'.repeat(65)}@example.dk`],
    ['a newline (header injection)', 'anna@example.dk\nBcc: x@y.dk'],
  ])('refuses %s', (_label, email) => {
    expect(emailSchema.safeParse(email).success).toBe(false);
  });
});

describe('passwordSchema', () => {
  it('counts characters, not bytes', () => {
    expect(passwordSchema.safeParse('æøåæøåæø').success).toBe(true);
    expect(passwordSchema.safeParse('🙂🙂🙂🙂🙂🙂🙂').success).toBe(false);
    expect(passwordSchema.safeParse('x'.repeat(128)).success).toBe(true);
    expect(passwordSchema.safeParse('x'.repeat(129)).success).toBe(false);
  });
});

describe('registerSchema', () => {
  it('names each field that is wrong', () => {
    const result = registerSchema.safeParse({ email: 'nope', password: 'short', displayName: ' ' });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
  });

  it('refuses unknown fields such as a role', () => {
    const result = registerSchema.safeParse({
      email: 'a@b.dk',
      password: 'lang-nok-kode',
      displayName: 'A',
      role: 'admin',
    });
    expect(result.success).toBe(false);
  });
});

describe('loginSchema', () => {
  it('accepts a TOTP code of six digits only', () => {
    expect(loginSchema.safeParse({ email: 'a@b.dk', password: 'x', totpCode: '123456' }).success).toBe(true);
    expect(loginSchema.safeParse({ email: 'a@b.dk', password: 'x', totpCode: '12345' }).success).toBe(false);
  });
});

describe('roleGrantSchema', () => {
  it('asks a lead owner for a focus area and an association role for an association', () => {
    expect(roleGrantSchema.safeParse({ role: 'lead_owner' }).success).toBe(false);
    expect(roleGrantSchema.safeParse({ role: 'lead_owner', focusArea: 'kvinder' }).success).toBe(true);
    expect(roleGrantSchema.safeParse({ role: 'association_admin', associationId: 1 }).success).toBe(true);
    expect(roleGrantSchema.safeParse({ role: 'staff', associationId: 1 }).success).toBe(false);
    expect(roleGrantSchema.safeParse({ role: 'superuser' }).success).toBe(false);
  });
});
