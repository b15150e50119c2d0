import { RemixBrowser } from '@remix-run/react';
import { StrictMode, startTransition } from 'react';
import { hydrateRoot } from 'react-dom/client';
import type { Catalogue } from './i18n/catalogue';
import { defaultLanguage, isLanguage, registerCatalogue } from './i18n/index';

// Only the page's language comes to the browser (each catalogue is its own chunk); the language
// changes only through /sprog, which loads a new page.
const pageLanguage = document.documentElement.lang;
const language = isLanguage(pageLanguage) ? pageLanguage : defaultLanguage;
const catalogue: Promise<Catalogue> =
  language === 'en'
    ? import('./i18n/en').then((module) => module.en)
    : import('./i18n/da').then((module) => module.da);

catalogue.then((messages) => {
  registerCatalogue(language, messages);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
