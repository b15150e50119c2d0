import type { MetaDescriptor } from '@remix-run/node';
import {
  createTranslator,
  defaultLanguage,
  isLanguage,
  type Language,
  type MessageKey,
  type Translate,
} from '../i18n';

interface MatchLike {
  id: string;
  data?: unknown;
}

/** The page language as the root loader saw it; meta functions cannot use hooks. */
export function languageFromMatches(matches: readonly MatchLike[]): Language {
  const rootData = matches.find((match) => match.id === 'root')?.data;
  const lng = rootData && typeof rootData === 'object' && 'lng' in rootData ? rootData.lng : undefined;
  return isLanguage(lng) ? lng : defaultLanguage;
}

export function translatorFromMatches(matches: readonly MatchLike[]): Translate {
  return createTranslator(languageFromMatches(matches));
}

/** `<title>` and description for a page; `page` is either a catalogue key or a name from the data. */
export function pageMeta(
  matches: readonly MatchLike[],
  page: { key: MessageKey } | { text: string },
  description?: string,
): MetaDescriptor[] {
  const t = translatorFromMatches(matches);
  const pageTitle = 'key' in page ? t(page.key) : page.text;
  return [
    { title: t('site.titleTemplate', { page: pageTitle }) },
    { name: 'description', content: description ?? t('site.description') },
  ];
}
