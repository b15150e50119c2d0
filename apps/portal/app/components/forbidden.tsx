import { Link } from '@remix-run/react';
import { useTranslation } from '../i18n/use-translation';

/** A signed-in user opened a page their roles do not allow (status 403). */
export function Forbidden({ reason }: { reason: 'role' | 'two-factor' }) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <h1>{t('forbidden.heading')}</h1>
        <p className="font-lead">
          {reason === 'two-factor' ? t('forbidden.twoFactorText') : t('forbidden.text')}
        </p>
        <ul>
          <li>
            <Link to="/min-side">{t('nav.myPage')}</Link>
          </li>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
