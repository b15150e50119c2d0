import { useTranslation } from '../i18n/use-translation';
import { site } from '../site';

export function ErrorPage() {
  const { t } = useTranslation();
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <h1>{t('error.heading')}</h1>
        <p className="font-lead">{t('error.text')}</p>
        <ul>
          <li>
            {/* A full page load, in case the client-side app is what broke. */}
            <a href="/">{t('error.tryAgain')}</a>
          </li>
          <li>
            <a href={site.phoneHref}>{t('footer.phone', { phone: site.phone })}</a>
          </li>
        </ul>
      </div>
    </div>
  );
}
