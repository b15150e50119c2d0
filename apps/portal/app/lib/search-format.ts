import { type Language, locales, type Translate } from '../i18n';
import { numberFormat } from './intl';

/** What /soeg needs of an answer of GET /api/search to say how many it found. */
export interface SearchCount {
  total: number;
  /** More matched than the search counts (1,000): `total` is the cap (ADR 0020). */
  totalCapped: boolean;
}

export function formatCount(count: number, lng: Language): string {
  return numberFormat(locales[lng], { maximumFractionDigits: 0 }).format(count);
}

/** The result page's heading: "12 resultater for »q«", or "Mere end 1.000 resultater for »q«". */
export function searchResultsHeading(t: Translate, lng: Language, result: SearchCount, q: string): string {
  const count = formatCount(result.total, lng);
  if (result.totalCapped) return t('search.resultsCapped', { count, q });
  if (result.total === 1) return t('search.resultsOne', { q });
  if (result.total > 0) return t('search.resultsMany', { count, q });
  return t('search.none', { q });
}
