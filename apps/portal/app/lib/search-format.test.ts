import { describe, expect, it } from 'vitest';
import { catalogues } from '../i18n/catalogues';
import { createTranslator } from '../i18n/index';
import { formatCount, searchResultsHeading } from './search-format';

// Importing the catalogues registers them for createTranslator.
void catalogues;

describe('how many /soeg found, in Danish and English', () => {
  const da = createTranslator('da');
  const en = createTranslator('en');

  it('says "more than 1,000" when the search stopped counting', () => {
    const capped = { total: 1000, totalCapped: true };
    expect(searchResultsHeading(da, 'da', capped, 'frivillige')).toBe(
      'Mere end 1.000 resultater for »frivillige«',
    );
    expect(searchResultsHeading(en, 'en', capped, 'frivillige')).toBe(
      'More than 1,000 results for “frivillige”',
    );
  });

  it('gives an exact count as it is, in the reader’s digits', () => {
    expect(searchResultsHeading(da, 'da', { total: 1000, totalCapped: false }, 'bolig')).toBe(
      '1.000 resultater for »bolig«',
    );
    expect(searchResultsHeading(en, 'en', { total: 12, totalCapped: false }, 'bolig')).toBe(
      '12 results for “bolig”',
    );
    expect(searchResultsHeading(da, 'da', { total: 1, totalCapped: false }, 'bolig')).toBe(
      '1 resultat for »bolig«',
    );
    expect(searchResultsHeading(en, 'en', { total: 0, totalCapped: false }, 'x')).toMatch(/^No results/);
    expect(formatCount(1000, 'da')).toBe('1.000');
  });
});
