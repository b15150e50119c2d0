import { Link } from '@remix-run/react';
import { useTranslation } from '../i18n/use-translation';
import { site } from '../site';

export function SiteFooter() {
  const { t } = useTranslation();

  return (
    <footer>
      <div className="footer">
        <div className="container">
          <div className="row">
            <div className="col-12 col-md-4 footer-col">
              <h2 className="h5">{t('footer.authority')}</h2>
              <p>{t('footer.address')}</p>
              <p>
                <a href={site.phoneHref}>{t('footer.phone', { phone: site.phone })}</a>
              </p>
              <p>
                <a href={`mailto:${site.email}`}>{t('footer.email', { email: site.email })}</a>
              </p>
            </div>
            <div className="col-12 col-md-4 footer-col">
              <h2 className="h5">{t('footer.aboutHeading')}</h2>
              <p>{t('footer.about')}</p>
            </div>
            <div className="col-12 col-md-4 footer-col">
              <h2 className="h5">{t('footer.linksHeading')}</h2>
              <ul className="unstyled-list footer-links">
                <li>
                  <Link to="/fokusomraader">{t('footer.focusAreas')}</Link>
                </li>
                <li>
                  <Link to="/tilgaengelighed">{t('footer.accessibility')}</Link>
                </li>
                <li>
                  {/* Served by the API, not a Remix route: a full page load. */}
                  <a href="/api/docs">{t('footer.apiDocs')}</a>
                </li>
              </ul>
            </div>
          </div>
        </div>
      </div>
    </footer>
  );
}
