import { Alert } from '@brobygger/ui';
import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { CheckInCode } from '../components/check-in-code';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatEventTime } from '../lib/event-format';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';
import { requireUser } from '../lib/session.server';

// The member's confirmation page (issue 9): their check-in code and QR code for the door.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const id = params.id ?? '';
  const eventResponse = await context.api.api.events[':id'].$get({ param: { id } });
  if (!eventResponse.ok) apiFailure('GET /api/events/:id', eventResponse.status);
  const { event } = await eventResponse.json();
  const response = await context.api.api.events[':id'].registrations.me['check-in'].$get({ param: { id } });
  if (response.status === 401) throw redirect(loginUrl(request));
  if (response.status === 404) return { event, checkIn: null };
  if (!response.ok) apiFailure('GET /api/events/:id/registrations/me/check-in', response.status);
  return { event, checkIn: await response.json() };
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, { key: 'checkIn.myTitle' });

export default function MyRegistrationPage() {
  const { event, checkIn } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.events'), to: '/arrangementer' },
          { label: event.title, to: `/arrangementer/${event.id}`, lang: dataLang },
          { label: t('checkIn.myTitle') },
        ]}
      />
      <h1>{t('checkIn.myTitle')}</h1>
      <p className="font-lead">
        <span lang={dataLang}>{event.title}</span>
        <br />
        {formatEventTime(event.startsAt, event.endsAt, lng)}
      </p>
      {checkIn ? (
        <>
          <Alert variant="success" role="status">
            <p>{t('guest.statusConfirmed')}</p>
          </Alert>
          <CheckInCode code={checkIn.code} qrSvg={checkIn.qrSvg} />
          <p>
            <a href={`/api/events/${event.id}/calendar.ics`}>{t('events.addToCalendar')}</a>
          </p>
        </>
      ) : (
        <Alert variant="info">
          <p>{t('myPage.eventsEmpty')}</p>
        </Alert>
      )}
      <p>
        <Link to={`/arrangementer/${event.id}`}>{t('participants.backToEvent')}</Link>
      </p>
    </>
  );
}
