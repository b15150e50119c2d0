import { Badge } from '@brobygger/ui';
import { Form, Link } from '@remix-run/react';
import { useTranslation } from '../i18n/use-translation';
import { formatEventTime } from '../lib/event-format';

export interface MyRegistration {
  registrationId: number;
  status: 'confirmed' | 'waitlisted';
  position: number | null;
  event: { id: number; title: string; startsAt: string; endsAt: string; status: string };
}

/** /min-side: my coming sign-ups and waitlist places, each with a button to cancel. */
export function MyEvents({ registrations }: { registrations: readonly MyRegistration[] }) {
  const { t, lng, dataLang } = useTranslation();
  return (
    <section aria-labelledby="my-events-heading" className="account-section">
      <h2 id="my-events-heading">{t('myPage.eventsHeading')}</h2>
      {registrations.length === 0 ? (
        <p>
          {t('myPage.eventsEmpty')} <Link to="/arrangementer">{t('myPage.eventsFind')}</Link>
        </p>
      ) : (
        <ul className="nobullet-list event-list">
          {registrations.map((registration) => (
            <li key={registration.registrationId} className="event-list__item">
              <h3 className="event-list__title" lang={dataLang}>
                <Link to={`/arrangementer/${registration.event.id}`}>{registration.event.title}</Link>
              </h3>
              <p className="event-list__when">
                {formatEventTime(registration.event.startsAt, registration.event.endsAt, lng)}
              </p>
              <p>
                {registration.event.status === 'cancelled' ? (
                  <Badge variant="error">{t('myPage.eventCancelledByOrganiser')}</Badge>
                ) : registration.status === 'confirmed' ? (
                  <Badge variant="success">{t('myPage.eventConfirmed')}</Badge>
                ) : (
                  <Badge variant="info">
                    {t('myPage.eventWaitlisted', { position: registration.position ?? 0 })}
                  </Badge>
                )}
              </p>
              {registration.event.status !== 'cancelled' ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="cancel-registration" />
                  <input type="hidden" name="eventId" value={registration.event.id} />
                  <button type="submit" className="button button-secondary">
                    {registration.status === 'waitlisted'
                      ? t('events.leaveWaitlist')
                      : t('events.cancelSignUp')}
                    <span className="sr-only">
                      {' '}
                      {t('myPage.cancelSignUpFor', { title: registration.event.title })}
                    </span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
