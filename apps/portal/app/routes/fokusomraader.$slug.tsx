import { Badge, Icon } from '@brobygger/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Fragment } from 'react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { FocusAreaStatus } from '../components/focus-area-status';
import { focusAreaKindKey } from '../i18n/focus-area-kind';
import { useTranslation } from '../i18n/use-translation';
import { formatList, formatMonths } from '../lib/format';
import { pageMeta } from '../lib/meta';
import { getFocusArea, getInitiativesOfFocusArea, getPolicy } from '../lib/policy.server';
import { loadPublicStatus } from '../lib/status.server';

export async function loader({ params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  const [focusArea, policy] = await Promise.all([getFocusArea(context.api, slug), getPolicy(context.api)]);
  if (!focusArea) throw data({ about: 'focus-area' }, { status: 404 });
  // The same initiative can serve several areas (Bydelsmødre does); show where else it belongs.
  const initiatives = await getInitiativesOfFocusArea(context.api, slug);
  // Status reports (issue 13): the latest acknowledged status, public.
  const status = await loadPublicStatus(context.api, slug);
  return { focusArea, initiatives, policy, status };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaderData }) =>
  pageMeta(
    matches,
    loaderData ? { text: loaderData.focusArea.name } : { key: 'notFound.title' },
    loaderData?.focusArea.why,
  );

export default function FocusAreaPage() {
  const { focusArea, initiatives, policy, status } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  const listedYears = [...new Set(initiatives.map((initiative) => initiative.listedYear))].sort().map(String);

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.focusAreas'), to: '/fokusomraader' },
          { label: focusArea.name, lang: dataLang },
        ]}
      />
      <p className="focus-area-kind">
        <Badge>{t(focusAreaKindKey(focusArea.kind))}</Badge>
      </p>
      <h1 lang={dataLang}>{focusArea.name}</h1>

      <div className="row">
        <div className="col-12 col-lg-8 focus-area-main">
          <section aria-labelledby="why-heading">
            <h2 id="why-heading">{t('focusArea.whyHeading')}</h2>
            <p className="font-lead" lang={dataLang}>
              {focusArea.why}
            </p>
          </section>

          <FocusAreaStatus status={status} />

          <section aria-labelledby="aims-heading">
            <h2 id="aims-heading">{t('focusArea.aimsHeading')}</h2>
            <ul lang={dataLang}>
              {focusArea.aims.map((aim) => (
                <li key={aim}>{aim}</li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="initiatives-heading">
            <h2 id="initiatives-heading">{t('focusArea.initiativesHeading')}</h2>
            {initiatives.length > 0 ? (
              <>
                <p>{t('focusArea.initiativesIntro', { years: formatList(listedYears, lng) })}</p>
                <ul className="initiative-list">
                  {initiatives.map((initiative) => {
                    const elsewhere = initiative.focusAreas.filter((other) => other.slug !== focusArea.slug);
                    return (
                      <li key={initiative.id} className="initiative-list__item">
                        <span lang={dataLang}>{initiative.name}</span>
                        {elsewhere.length > 0 ? (
                          <span className="initiative-list__shared">
                            {t('focusArea.alsoUnder')}{' '}
                            {elsewhere.map((other, index) => (
                              <Fragment key={other.slug}>
                                {index > 0 ? ', ' : null}
                                <Link to={`/fokusomraader/${other.slug}`} lang={dataLang}>
                                  {other.name}
                                </Link>
                              </Fragment>
                            ))}
                          </span>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : (
              <p>{t('focusArea.initiativesEmpty')}</p>
            )}
          </section>

          <section aria-labelledby="tracks-heading">
            <h2 id="tracks-heading">{t('focusArea.tracksHeading')}</h2>
            <p>{t('focusArea.tracksIntro')}</p>
            <ul lang={dataLang}>
              {focusArea.tracks.map((track) => (
                <li key={track.slug}>{track.name}</li>
              ))}
            </ul>
          </section>
        </div>

        <div className="col-12 col-lg-4">
          <div className="focus-area-facts">
            <section aria-labelledby="lead-heading">
              <h2 id="lead-heading" className="h3">
                {t('focusArea.leadHeading')}
              </h2>
              <dl className="focus-area-facts__list">
                <dt>{t('focusArea.leadUnit')}</dt>
                <dd lang={dataLang}>{focusArea.lead.name}</dd>
                {focusArea.lead.reportsTo ? (
                  <>
                    <dt>{t('focusArea.reportsTo')}</dt>
                    <dd lang={dataLang}>{focusArea.lead.reportsTo}</dd>
                  </>
                ) : null}
              </dl>
            </section>

            <section aria-labelledby="partners-heading">
              <h2 id="partners-heading" className="h3">
                {t('focusArea.partnersHeading')}
              </h2>
              {focusArea.partners.length > 0 ? (
                <ul lang={dataLang}>
                  {focusArea.partners.map((partner) => (
                    <li key={partner}>{partner}</li>
                  ))}
                </ul>
              ) : (
                <p>{t('focusArea.partnersEmpty')}</p>
              )}
            </section>

            <section aria-labelledby="duties-heading">
              <h2 id="duties-heading" className="h3">
                {t('focusArea.dutiesHeading')}
              </h2>
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
          </div>
        </div>
      </div>

      <p>
        <Link to="/fokusomraader" className="back-link">
          <Icon name="chevron-left" />
          {t('focusArea.backToList')}
        </Link>
      </p>
    </>
  );
}
