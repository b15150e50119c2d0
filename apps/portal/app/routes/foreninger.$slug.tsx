import { Badge } from '@brobygger/ui';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatEventTime, languageName } from '../lib/event-format';
import { pageMeta } from '../lib/meta';

// Associations and volunteers (issue 10): an association's public profile and coming activities.
// Its members also get links to manage it (so the page depends on the visitor: currentUser()).
export async function loader({ params, context }: LoaderFunctionArgs) {
  await context.currentUser().catch(() => null);
  const response = await context.api.api.associations[':slug'].$get({ param: { slug: params.slug ?? '' } });
  if (!response.ok) apiFailure('GET /api/associations/:slug', response.status);
  const { association, membership } = await response.json();
  return {
    association,
    member: membership !== null && membership.myRole !== null,
    pendingNote: !association.verified,
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, data ? { text: data.association.name } : { key: 'associations.title' });

export default function AssociationPage() {
  const { association, member, pendingNote } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('associations.title'), to: '/foreninger' },
          { label: association.name, lang: dataLang },
        ]}
      />
      <h1 lang={dataLang}>{association.name}</h1>
      {pendingNote ? (
        <p>
          <Badge variant="warning">{t('associations.pending')}</Badge> {t('associations.pendingNote')}
        </p>
      ) : null}
      {member ? (
        <p>
          <Link to={`/foreninger/${association.slug}/administrer`}>{t('associations.manageLink')}</Link>
          {' · '}
          <Link to={`/foreninger/${association.slug}/aktiviteter/ny`}>
            {t('associations.postActivityLink')}
          </Link>
        </p>
      ) : null}
      {association.description ? (
        <div className="association-description" lang={dataLang}>
          {association.description.split(/\n\s*\n/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </div>
      ) : null}
      <h2>{t('associations.facts')}</h2>
      <dl className="association-facts">
        {association.languages.length > 0 ? (
          <>
            <dt>{t('associations.languages')}</dt>
            <dd>{association.languages.map((code) => languageName(code, lng)).join(', ')}</dd>
          </>
        ) : null}
        {association.focusAreas.length > 0 ? (
          <>
            <dt>{t('associations.focusAreas')}</dt>
            <dd>
              {association.focusAreas.map((area, index) => (
                <span key={area.slug}>
                  {index > 0 ? ', ' : ''}
                  <Link to={`/fokusomraader/${area.slug}`} lang={dataLang}>
                    {area.name}
                  </Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
        {association.contactName ? (
          <>
            <dt>{t('associations.contactName')}</dt>
            <dd lang={dataLang}>{association.contactName}</dd>
          </>
        ) : null}
        {association.email ? (
          <>
            <dt>{t('associations.email')}</dt>
            <dd>
              <a href={`mailto:${association.email}`}>{association.email}</a>
            </dd>
          </>
        ) : null}
        {association.phone ? (
          <>
            <dt>{t('associations.phone')}</dt>
            <dd>
              <a href={`tel:${association.phone.replace(/\s+/g, '')}`}>{association.phone}</a>
            </dd>
          </>
        ) : null}
        {association.website ? (
          <>
            <dt>{t('associations.website')}</dt>
            <dd>
              <a href={association.website} rel="noopener noreferrer nofollow">
                {association.website}
              </a>
            </dd>
          </>
        ) : null}
        {association.address ? (
          <>
            <dt>{t('associations.address')}</dt>
            <dd lang={dataLang}>{association.address}</dd>
          </>
        ) : null}
        {association.cvr ? (
          <>
            <dt>{t('associations.cvr')}</dt>
            <dd>{association.cvr}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="activities-heading">
        <h2 id="activities-heading">{t('associations.comingActivities')}</h2>
        {association.activities.length === 0 ? (
          <p>{t('associations.noActivities')}</p>
        ) : (
          <ul className="nobullet-list">
            {association.activities.map((activity) => (
              <li key={activity.id} className="association-activity">
                <h3 className="h4" lang={dataLang}>
                  <Link to={`/arrangementer/${activity.id}`}>{activity.title}</Link>
                </h3>
                <p>
                  {formatEventTime(activity.startsAt, activity.endsAt, lng)}
                  {activity.status === 'cancelled' ? ` — ${t('events.statusCancelled')}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
