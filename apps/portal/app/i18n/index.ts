import type { Catalogue, MessageKey } from './catalogue';

export type { Catalogue, MessageKey } from './catalogue';

export const languages = ['da', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'da';

// The messages of each language loaded so far. The server loads both (`./catalogues`, imported by
// entry.server.tsx); the browser only the page's language (entry.client.tsx), so a page that ships
// JavaScript does not carry the other language's catalogue.
const loaded: Partial<Record<Language, Catalogue>> = {};

export function registerCatalogue(language: Language, catalogue: Catalogue): void {
  loaded[language] = catalogue;
}

/** BCP 47 locale for dates and lists in each language. */
export const locales: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export type TranslationValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: TranslationValues) => string;

export function createTranslator(language: Language): Translate {
  const catalogue = loaded[language];
  if (!catalogue) throw new Error(`The ${language} catalogue is not loaded`);
  return (key, values) => {
    const message = catalogue[key];
    if (!values) return message;
    return message.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in values ? String(values[name]) : placeholder,
    );
  };
}
