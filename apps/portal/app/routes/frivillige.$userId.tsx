import { volunteerSkills } from '@brobygger/domain';
import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { AvailabilityText, SpokenLanguages } from '../components/volunteer-parts';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatEventTime } from '../lib/event-format';
import { requireEventManager } from '../lib/events.server';
import { hydrate } from '../lib/hydration';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';

// Associations and volunteers (issue 10): staff see a volunteer who consented, and what they attended.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireEventManager(request, context);
  const response = await context.api.api.volunteers[':userId'].$get({
    param: { userId: params.userId ?? '' },
  });
  if (response.status === 401) throw redirect(loginUrl(request));
  if (!response.ok) apiFailure('GET /api/volunteers/:userId', response.status);
  return response.json();
}

export const handle = hydrate;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, data ? { text: data.volunteer.name } : { key: 'volunteers.title' });

export default function VolunteerPage() {
  const { volunteer, attended } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('volunteers.title'), to: '/frivillige' },
          { label: volunteer.name },
        ]}
      />
      <h1>{volunteer.name}</h1>
      <dl className="association-facts">
        <dt>{t('participants.email')}</dt>
        <dd>
          <a href={`mailto:${volunteer.email}`}>{volunteer.email}</a>
        </dd>
        <dt>{t('volunteer.languages')}</dt>
        <dd>
          <SpokenLanguages languages={volunteer.languages} />
        </dd>
        <dt>{t('volunteer.skills')}</dt>
        <dd>
          {volunteer.skills
            .map((skill) =>
              (volunteerSkills as readonly string[]).includes(skill)
                ? t(`volunteer.skill.${skill as (typeof volunteerSkills)[number]}`)
                : skill,
            )
            .join(', ') || '—'}
          {volunteer.skillsOther ? <span lang={dataLang}> · {volunteer.skillsOther}</span> : null}
        </dd>
        <dt>{t('volunteer.availability')}</dt>
        <dd>
          <AvailabilityText slots={volunteer.availability} />
        </dd>
        <dt>{t('volunteer.interests')}</dt>
        <dd lang={dataLang}>{volunteer.interests.map((area) => area.name).join(', ') || '—'}</dd>
      </dl>
      {volunteer.presentation ? (
        <>
          <h2>{t('volunteer.presentation')}</h2>
          <p lang={dataLang}>{volunteer.presentation}</p>
        </>
      ) : null}
      <h2>{t('volunteers.attended')}</h2>
      {attended.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <ul>
          {attended.map((event) => (
            <li key={event.eventId}>
              <Link to={`/arrangementer/${event.eventId}`} lang={dataLang}>
                {event.title}
              </Link>{' '}
              — {formatEventTime(event.startsAt, event.endsAt, lng)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
