import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogues';
import { createTranslator, languages } from './index';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the i18n catalogue', () => {
  it('has exactly the same keys in Danish and English', () => {
    const danishKeys = Object.keys(catalogues.da).sort();
    for (const language of languages) {
      expect(Object.keys(catalogues[language]).sort(), language).toEqual(danishKeys);
    }
  });

  it('has no empty messages', () => {
    for (const language of languages) {
      for (const [key, message] of Object.entries(catalogues[language])) {
        expect(message.trim(), `${language}: ${key}`).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in every language', () => {
    for (const [key, message] of Object.entries(catalogues.da)) {
      expect(placeholders(catalogues.en[key as keyof typeof catalogues.en]), key).toEqual(
        placeholders(message),
      );
    }
  });
});

describe('createTranslator', () => {
  it('looks a key up in the chosen language', () => {
    expect(createTranslator('da')('nav.focusAreas')).toBe('Fokusområder');
    expect(createTranslator('en')('nav.focusAreas')).toBe('Focus areas');
  });

  it('fills in placeholders and leaves unknown ones visible', () => {
    const t = createTranslator('da');
    expect(t('site.titleTemplate', { page: 'Kvinder' })).toBe('Kvinder · Brobygger — Skanderborg Kommune');
    expect(t('site.titleTemplate')).toBe('{page} · Brobygger — Skanderborg Kommune');
  });
});
