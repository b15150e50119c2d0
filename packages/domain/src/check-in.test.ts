import { describe, expect, it } from 'vitest';
import {
  checkInAlphabet,
  checkInByCodeSchema,
  formatCheckInCode,
  generateCheckInCode,
  normaliseCheckInCode,
} from './check-in.ts';

describe('check-in codes', () => {
  it('are 8 characters of Crockford base32 and differ from each other', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => generateCheckInCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(checkInAlphabet).toHaveLength(32);
    expect(new Set(checkInAlphabet).size).toBe(32);
  });

  it('take every character from the random source', () => {
    let i = 0;
    expect(generateCheckInCode(() => i++)).toBe('01234567');
    expect(generateCheckInCode(() => 31)).toBe('ZZZZZZZZ');
  });

  it('are shown with a dash and read back whatever the case, spacing or look-alike letters', () => {
    expect(formatCheckInCode('7K2QH9XM')).toBe('7K2Q-H9XM');
    expect(normaliseCheckInCode('7k2q-h9xm')).toBe('7K2QH9XM');
    expect(normaliseCheckInCode(' 7K2Q H9XM ')).toBe('7K2QH9XM');
    expect(normaliseCheckInCode('O1IL-0000')).toBe('01110000');
    expect(normaliseCheckInCode('7K2Q-H9X')).toBeNull();
    expect(normaliseCheckInCode('7K2Q-H9XMM')).toBeNull();
    expect(normaliseCheckInCode('7K2Q-H9XU')).toBeNull();
    expect(normaliseCheckInCode('7K2Q-H9X!')).toBeNull();
  });

  it('the check-in form refuses what cannot be a code, with a message', () => {
    expect(checkInByCodeSchema.parse({ code: '7k2q h9xm' })).toEqual({ code: '7K2QH9XM' });
    for (const body of [
      {},
      { code: 12345678 },
      { code: 'x'.repeat(33) },
      { code: 'ABC' },
      { code: 'AAAA-AAAA', extra: 1 },
    ]) {
      const result = checkInByCodeSchema.safeParse(body);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBeTruthy();
    }
  });
});
