import { defaultLanguage, isLanguage, type Language } from './index';

export const languageCookieName = 'lng';
const oneYearInSeconds = 60 * 60 * 24 * 365;

/** The language chosen in the `lng` cookie, or Danish when there is none or it is unknown. */
export function languageFromCookieHeader(cookieHeader: string | null | undefined): Language {
  if (!cookieHeader) return defaultLanguage;
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() !== languageCookieName) continue;
    let value = part.slice(separator + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    const language = value.toLowerCase();
    if (isLanguage(language)) return language;
  }
  return defaultLanguage;
}

export function serializeLanguageCookie(language: Language, options: { secure: boolean }): string {
  const attributes = [
    `${languageCookieName}=${language}`,
    'Path=/',
    `Max-Age=${oneYearInSeconds}`,
    'SameSite=Lax',
    'HttpOnly',
  ];
  if (options.secure) attributes.push('Secure');
  return attributes.join('; ');
}
