import { describe, expect, it } from 'vitest';
import { languageFromCookieHeader, serializeLanguageCookie } from './language-cookie';

describe('languageFromCookieHeader', () => {
  it.each([
    [null, 'da'],
    ['', 'da'],
    ['lng=en', 'en'],
    ['lng=da', 'da'],
    ['theme=dark; lng=en; other=1', 'en'],
    ['lng="en"', 'en'],
    ['lng=EN', 'en'],
    ['  lng = en ', 'en'],
    ['xlng=en', 'da'],
    ['lng=de', 'da'],
    ['lng=', 'da'],
    ['lng', 'da'],
    ['lng=%E0%A4%A', 'da'],
    ['lng=de; lng=en', 'en'],
  ])('%j → %s', (header, expected) => {
    expect(languageFromCookieHeader(header)).toBe(expected);
  });
});

describe('serializeLanguageCookie', () => {
  it('remembers the language for a year on the whole site', () => {
    expect(serializeLanguageCookie('en', { secure: false })).toBe(
      'lng=en; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly',
    );
  });

  it('marks the cookie Secure over HTTPS', () => {
    expect(serializeLanguageCookie('da', { secure: true })).toMatch(/; Secure$/);
  });
});
