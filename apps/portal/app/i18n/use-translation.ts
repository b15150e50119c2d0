import { useRouteLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import type { loader as rootLoader } from '../root';
import { createTranslator, defaultLanguage, type Language, type Translate } from './index';

export function useLanguage(): Language {
  // Present on every page, error pages included, since the root loader cannot fail.
  return useRouteLoaderData<typeof rootLoader>('root')?.lng ?? defaultLanguage;
}

export interface Translation {
  t: Translate;
  lng: Language;
  /**
   * `lang` for content that comes from the API: the policy's data is Danish, so on English pages
   * it is marked as Danish for screen readers (WCAG 3.1.2); on Danish pages it needs no mark.
   */
  dataLang: 'da' | undefined;
}

export function useTranslation(): Translation {
  const lng = useLanguage();
  const t = useMemo(() => createTranslator(lng), [lng]);
  return { t, lng, dataLang: lng === 'da' ? undefined : 'da' };
}
