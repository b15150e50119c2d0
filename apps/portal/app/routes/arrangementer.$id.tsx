import { Alert, Badge } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { flashUrl } from '../components/flash-message';
import { FormErrorSummary } from '../components/form-errors';
import type { MessageKey } from '../i18n';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatEventTime, languageName } from '../lib/event-format';
import { canManageEvents } from '../lib/events.server';
import { type FormErrors, formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { formatDateTime } from '../lib/format';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = params.id ?? '';
  const [response, user] = await Promise.all([
    context.api.api.events[':id'].$get({ param: { id } }),
    context.currentUser().catch(() => null),
  ]);
  if (!response.ok) apiFailure('GET /api/events/:id', response.status);
  const found = await response.json();
  return { ...found, signedIn: user !== null, canManage: canManageEvents(user), loginUrl: loginUrl(request) };
}

type Intent = 'sign-up' | 'cancel-sign-up' | 'publish' | 'cancel-event';

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = formText(form, 'intent') as Intent;
  const id = params.id ?? '';
  const param = { param: { id } };
  const here = `/arrangementer/${encodeURIComponent(id)}`;
  const { api } = context;
  let response: Response;
  switch (intent) {
    case 'sign-up': {
      response = await api.api.events[':id'].registrations.$post(param);
      if (response.ok) {
        const answer = (await response.json()) as { status: string };
        return redirect(flashUrl(here, answer.status === 'confirmed' ? 'tilmeldt' : 'venteliste'));
      }
      break;
    }
    case 'cancel-sign-up':
      response = await api.api.events[':id'].registrations.me.$delete(param);
      if (response.ok) return redirect(flashUrl(here, 'meldt-fra'));
      break;
    case 'publish':
      response = await api.api.events[':id'].publish.$post(param);
      if (response.ok) return redirect(flashUrl(here, 'arrangement-offentliggjort'));
      break;
    case 'cancel-event':
      response = await api.api.events[':id'].cancel.$post(param);
      if (response.ok) return redirect(flashUrl(here, 'arrangement-aflyst'));
      break;
    default:
      return data<{ errors: FormErrors }>({ errors: { form: [], fields: {} } }, { status: 400 });
  }
  if (response.status === 401) throw redirect(loginUrl(request));
  const problem = await readApiProblem(response);
  return data<{ errors: FormErrors }>(
    { errors: formErrorsFrom(problem, translatorFor(request), []) },
    { status: problem.status },
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaderData }) =>
  pageMeta(matches, loaderData ? { text: loaderData.event.title } : { key: 'notFound.title' });

const refusalKeys: Record<string, MessageKey> = {
  'not-published': 'events.refusal.notPublished',
  cancelled: 'events.refusal.cancelled',
  past: 'events.refusal.past',
  closed: 'events.refusal.closed',
};
const accessFacts = ['stepFree', 'hearingLoop', 'interpreter', 'childcare'] as const;

export default function EventPage() {
  const {
    event,
    signUp,
    myRegistration,
    signedIn,
    canManage,
    loginUrl: login,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { errors?: FormErrors } | undefined;
  const { t, lng, dataLang } = useTranslation();
  const facts = accessFacts.filter((fact) => event.accessibility[fact]);

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.events'), to: '/arrangementer' },
          { label: event.title, lang: dataLang },
        ]}
      />
      <p className="event-list__type">
        {lng === 'en' ? event.type.nameEn : event.type.name}
        {event.status === 'cancelled' ? (
          <>
            {' '}
            <Badge variant="error">{t('events.statusCancelled')}</Badge>
          </>
        ) : null}
        {event.status === 'draft' ? (
          <>
            {' '}
            <Badge variant="warning">{t('events.statusDraft')}</Badge>
          </>
        ) : null}
      </p>
      <h1 lang={dataLang}>{event.title}</h1>
      <FormErrorSummary errors={actionData?.errors} />

      <div className="row">
        <div className="col-12 col-lg-8">
          <dl className="event-facts">
            <dt>{t('events.when')}</dt>
            <dd>{formatEventTime(event.startsAt, event.endsAt, lng)}</dd>
            <dt>{t('events.where')}</dt>
            <dd>
              {event.address ? (
                <>
                  <span lang={dataLang}>{event.address}</span>
                  <br />
                  {event.mapUrl ? (
                    <a href={event.mapUrl} rel="noopener noreferrer">
                      {t('events.openMap')}
                    </a>
                  ) : null}
                </>
              ) : null}
              {event.address && event.onlineUrl ? <br /> : null}
              {event.onlineUrl ? (
                <a href={event.onlineUrl} rel="noopener noreferrer">
                  {t('events.onlineLink')}
                </a>
              ) : null}
            </dd>
            <dt>{t('events.organiser')}</dt>
            <dd lang={dataLang}>{event.organiserName}</dd>
            {event.languages.length > 0 ? (
              <>
                <dt>{t('events.languages')}</dt>
                <dd>{event.languages.map((code) => languageName(code, lng)).join(', ')}</dd>
              </>
            ) : null}
            {event.focusAreas.length > 0 ? (
              <>
                <dt>{t('events.focusAreas')}</dt>
                <dd>
                  {event.focusAreas.map((area, index) => (
                    <span key={area.slug}>
                      {index > 0 ? ', ' : null}
                      <Link to={`/fokusomraader/${area.slug}`} lang={dataLang}>
                        {area.name}
                      </Link>
                    </span>
                  ))}
                </dd>
              </>
            ) : null}
            <dt>{t('events.accessibility')}</dt>
            <dd>
              {facts.length > 0
                ? facts.map((fact) => t(`events.access.${fact}`)).join(', ')
                : t('events.accessNone')}
            </dd>
            <dt>{t('events.seats')}</dt>
            <dd>
              {event.seatsLeft === null
                ? t('events.seatsUnlimited')
                : event.seatsLeft > 0
                  ? t('events.seatsLeft', { count: event.seatsLeft, capacity: event.capacity ?? 0 })
                  : t('events.full')}
              {event.waitlisted > 0 ? <> · {t('events.waitlistCount', { count: event.waitlisted })}</> : null}
            </dd>
            <dt>{t('events.signupDeadline')}</dt>
            <dd>{formatDateTime(event.signupClosesAt, lng)}</dd>
          </dl>

          {event.description ? (
            <section aria-labelledby="description-heading">
              <h2 id="description-heading">{t('events.description')}</h2>
              {/* Rendered from Markdown and cleaned with an allow-list by the API (sanitize-html). */}
              <div
                className="event-description"
                lang={dataLang}
                dangerouslySetInnerHTML={{ __html: event.descriptionHtml }}
              />
            </section>
          ) : null}
        </div>

        <aside className="col-12 col-lg-4" aria-labelledby="signup-heading">
          <h2 id="signup-heading">{t('events.signUpHeading')}</h2>
          {myRegistration?.status === 'confirmed' ? (
            <Alert variant="success" role="status">
              <p>{t('events.youAreConfirmed')}</p>
            </Alert>
          ) : null}
          {/* events-extras: the confirmation page with the check-in code and QR code */}
          {myRegistration?.status === 'confirmed' ? (
            <p>
              <Link to={`/arrangementer/${event.id}/min-tilmelding`}>{t('checkIn.showCode')}</Link>
            </p>
          ) : null}
          {myRegistration?.status === 'waitlisted' ? (
            <Alert variant="info" role="status">
              <p>{t('events.youAreWaitlisted', { position: myRegistration.position ?? 0 })}</p>
            </Alert>
          ) : null}
          {myRegistration && myRegistration.status !== 'pending_guest' ? (
            <Form method="post">
              <input type="hidden" name="intent" value="cancel-sign-up" />
              <button type="submit" className="button button-secondary">
                {myRegistration.status === 'waitlisted'
                  ? t('events.leaveWaitlist')
                  : t('events.cancelSignUp')}
              </button>
            </Form>
          ) : !signUp.open ? (
            <p>{t(refusalKeys[signUp.reason ?? 'closed'] ?? 'events.refusal.closed')}</p>
          ) : signedIn ? (
            <Form method="post">
              <input type="hidden" name="intent" value="sign-up" />
              <button type="submit" className="button button-primary">
                {event.seatsLeft === 0 ? t('events.joinWaitlist') : t('events.signUp')}
              </button>
            </Form>
          ) : (
            <>
              <p>
                <Link to={login} className="button button-primary">
                  {t('events.signInToSignUp')}
                </Link>
              </p>
              {/* events-extras: guest sign-up */}
              <p>
                <Link to={`/arrangementer/${event.id}/tilmeld-gaest`}>{t('guest.signUpLink')}</Link>
              </p>
            </>
          )}

          {/* events-extras: the event's calendar file */}
          {event.status !== 'draft' ? (
            <p>
              <a href={`/api/events/${event.id}/calendar.ics`}>{t('events.addToCalendar')}</a>
            </p>
          ) : null}
          {canManage ? (
            <section aria-labelledby="staff-heading" className="event-staff">
              <h2 id="staff-heading">{t('events.staffHeading')}</h2>
              {/* events-extras: on the day */}
              {event.status !== 'draft' ? (
                <p>
                  <Link to={`/arrangementer/${event.id}/deltagere`}>{t('participants.link')}</Link>
                </p>
              ) : null}
              {/* Associations and volunteers (issue 10) */}
              {event.status !== 'cancelled' ? (
                <p>
                  <Link to={`/arrangementer/${event.id}/frivillige`}>{t('matching.link')}</Link>
                </p>
              ) : null}
              {event.status !== 'cancelled' ? (
                <p>
                  <Link to={`/arrangementer/${event.id}/rediger`}>{t('events.edit')}</Link>
                </p>
              ) : null}
              {event.status === 'draft' ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="publish" />
                  <button type="submit" className="button button-secondary">
                    {t('events.publish')}
                  </button>
                </Form>
              ) : null}
              {event.status !== 'cancelled' ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="cancel-event" />
                  <p className="form-hint">{t('events.cancelEventHint')}</p>
                  <button type="submit" className="button button-secondary">
                    {t('events.cancelEvent')}
                  </button>
                </Form>
              ) : null}
            </section>
          ) : null}
        </aside>
      </div>
      <p>
        <Link to="/arrangementer">{t('events.backToList')}</Link>
      </p>
    </>
  );
}
