import type { Catalogue, MessageKey } from './catalogue';
import { da } from './da';
import { en } from './en';

export type { Catalogue, MessageKey } from './catalogue';

export const languages = ['da', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'da';

export const catalogues: Record<Language, Catalogue> = { da, en };

/** BCP 47 locale for dates and lists in each language. */
export const locales: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export type TranslationValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: TranslationValues) => string;

export function createTranslator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, values) => {
    const message = catalogue[key];
    if (!values) return message;
    return message.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in values ? String(values[name]) : placeholder,
    );
  };
}
