import { Link } from '@remix-run/react';
import { useTranslation } from '../i18n/use-translation';

export function NotFound({ about }: { about: 'page' | 'focus-area' }) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <h1>{t('notFound.heading')}</h1>
        <p className="font-lead">
          {about === 'focus-area' ? t('notFound.focusAreaText') : t('notFound.text')}
        </p>
        <p>{t('notFound.suggestions')}</p>
        <ul>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/fokusomraader">{t('nav.focusAreas')}</Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
