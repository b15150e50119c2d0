import { Icon } from '@brobygger/ui';
import { useLocation } from '@remix-run/react';
import { languages } from '../i18n';
import { useTranslation } from '../i18n/use-translation';

/**
 * Plain links to the `/sprog` resource route, which sets the `lng` cookie and sends the visitor
 * back to the same page — so switching works without JavaScript.
 */
export function LanguageSwitcher() {
  const { t, lng } = useTranslation();
  const location = useLocation();
  const returnTo = `${location.pathname}${location.search}`;

  return (
    <div className="language-switcher language-switcher--top">
      <div className="container">
        <ul aria-label={t('language.label')}>
          {languages.map((language) => {
            const current = language === lng;
            const href = `/sprog?${new URLSearchParams({ lng: language, returnTo })}`;
            return (
              <li key={language}>
                <a
                  href={href}
                  lang={language}
                  hrefLang={language}
                  aria-current={current ? 'true' : undefined}
                >
                  {current ? <Icon name="check" /> : null}
                  {t(`language.${language}`)}
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
