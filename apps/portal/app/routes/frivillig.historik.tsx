import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatEventTime } from '../lib/event-format';
import { hydrate } from '../lib/hydration';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';
import { requireUser } from '../lib/session.server';

// Associations and volunteers (issue 10): the volunteer's history — sign-ups, attendance, hours.
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const response = await context.api.api.volunteers.me.history.$get();
  if (response.status === 401) throw redirect(loginUrl(request));
  if (!response.ok) apiFailure('GET /api/volunteers/me/history', (response as Response).status);
  return response.json();
}

export const handle = hydrate;

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches, { key: 'history.title' });

export default function VolunteerHistoryPage() {
  const { events, attendedCount, hours } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  const hoursText = new Intl.NumberFormat(lng === 'da' ? 'da-DK' : 'en-GB').format(hours);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('volunteer.title'), to: '/frivillig' },
          { label: t('history.title') },
        ]}
      />
      <h1>{t('history.title')}</h1>
      <p className="font-lead">{t('history.summary', { count: attendedCount, hours: hoursText })}</p>
      <p>
        <Link to="/frivillig/udtalelse">{t('history.statementLink')}</Link>
      </p>
      {events.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('history.event')}</th>
                <th scope="col">{t('history.when')}</th>
                <th scope="col">{t('history.attended')}</th>
                <th scope="col">{t('history.hours')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.eventId}>
                  <td lang={dataLang}>
                    <Link to={`/arrangementer/${event.eventId}`}>{event.title}</Link>
                  </td>
                  <td>{formatEventTime(event.startsAt, event.endsAt, lng)}</td>
                  <td>{event.attended ? t('history.yes') : t('history.no')}</td>
                  <td>{event.attended ? event.hours : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
