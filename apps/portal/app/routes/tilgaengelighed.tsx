import type { MetaFunction } from '@remix-run/node';
import { useTranslation } from '../i18n/use-translation';
import { formatDate } from '../lib/format';
import { pageMeta } from '../lib/meta';
import { site } from '../site';

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, { key: 'accessibility.title' });

// Follows the structure of the EU model statement that Danish public bodies publish through
// Digitaliseringsstyrelsen's WAS-Tool.
export default function AccessibilityStatementPage() {
  const { t, lng } = useTranslation();
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <h1>{t('accessibility.heading')}</h1>
        <p className="font-lead">{t('accessibility.intro')}</p>
        <p>{t('accessibility.scope', { site: t('site.name') })}</p>

        <h2>{t('accessibility.complianceHeading')}</h2>
        <p>{t('accessibility.compliance')}</p>
        <p>{t('accessibility.features')}</p>
        <ul>
          <li>{t('accessibility.featureKeyboard')}</li>
          <li>{t('accessibility.featureSkipLink')}</li>
          <li>{t('accessibility.featureNoJs')}</li>
          <li>{t('accessibility.featureLanguage')}</li>
        </ul>

        <h2>{t('accessibility.knownIssuesHeading')}</h2>
        <p>{t('accessibility.knownIssues')}</p>

        <h2>{t('accessibility.methodHeading')}</h2>
        <p>{t('accessibility.method')}</p>
        <p>{t('accessibility.updated', { date: formatDate(site.accessibilityStatementUpdated, lng) })}</p>

        <h2>{t('accessibility.feedbackHeading')}</h2>
        <p>{t('accessibility.feedback')}</p>
        <ul>
          <li>
            <a href={site.phoneHref}>{t('footer.phone', { phone: site.phone })}</a>
          </li>
          <li>
            <a href={`mailto:${site.email}`}>{t('footer.email', { email: site.email })}</a>
          </li>
          <li>
            {t('footer.authority')}, {t('footer.address')}
          </li>
        </ul>

        <h2>{t('accessibility.enforcementHeading')}</h2>
        <p>{t('accessibility.enforcement')}</p>
        <p>
          <a href={site.webAccessibilityAuthorityUrl} hrefLang="da">
            {t('accessibility.enforcementLink')}
          </a>
        </p>
      </div>
    </div>
  );
}
