import { useTranslation } from '../i18n/use-translation';
import { site } from '../site';

/** Our fault (500), or `bad-request` (400): the address held something the page cannot use. */
export function ErrorPage({ kind = 'error' }: { kind?: 'error' | 'bad-request' }) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <h1>{t(kind === 'bad-request' ? 'badRequest.heading' : 'error.heading')}</h1>
        <p className="font-lead">{t(kind === 'bad-request' ? 'badRequest.text' : 'error.text')}</p>
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
