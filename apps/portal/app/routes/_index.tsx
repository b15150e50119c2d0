import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { FocusAreaCardList } from '../components/focus-area-card';
import { useTranslation } from '../i18n/use-translation';
import { formatMonths } from '../lib/format';
import { pageMeta } from '../lib/meta';
import { getFocusAreas, getPolicy } from '../lib/policy.server';

export async function loader({ context }: LoaderFunctionArgs) {
  const [policy, focusAreas] = await Promise.all([getPolicy(context.api), getFocusAreas(context.api)]);
  return { policy, focusAreas };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches, { key: 'home.title' });

export default function FrontPage() {
  const { policy, focusAreas } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  const period = { from: policy.period.from, to: policy.period.to };

  return (
    <>
      <div className="row">
        <div className="col-12 col-lg-9">
          <h1>{t('home.heading')}</h1>
          <p className="font-lead">{t('home.lead', period)}</p>
        </div>
      </div>

      <section className="vision" aria-labelledby="vision-heading">
        <h2 id="vision-heading" className="vision__heading">
          {t('home.visionHeading')}
        </h2>
        <figure className="vision__figure">
          <blockquote className="vision__quote">
            <p lang={dataLang}>{policy.vision}</p>
          </blockquote>
          <figcaption className="vision__source">
            {t('home.visionSource', { ...period, municipality: policy.municipality })}
          </figcaption>
        </figure>
      </section>

      <section aria-labelledby="focus-areas-heading">
        <h2 id="focus-areas-heading">{t('home.focusAreasHeading')}</h2>
        <p className="section-intro">{t('home.focusAreasIntro')}</p>
        <FocusAreaCardList focusAreas={focusAreas} headingLevel={3} />
        <p>
          <Link to="/fokusomraader">{t('home.allFocusAreas')}</Link>
        </p>
      </section>

      <section aria-labelledby="follow-up-heading">
        <h2 id="follow-up-heading">{t('home.followUpHeading')}</h2>
        <p>{t('home.followUpIntro')}</p>
        <ul>
          {policy.leadOwnerDuties.map((duty) => (
            <li key={duty} lang={dataLang}>
              {duty}
            </li>
          ))}
        </ul>
        <p>
          {t('home.statusReports', {
            audience: policy.statusReportAudience,
            months: formatMonths(policy.statusReportMonths, lng),
          })}
        </p>
      </section>
    </>
  );
}
