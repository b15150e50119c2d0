import { Alert } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { CheckInCode } from '../components/check-in-code';
import { FormErrorSummary } from '../components/form-errors';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatEventTime } from '../lib/event-format';
import { type FormErrors, formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { formatDateTime } from '../lib/format';
import { pageMeta } from '../lib/meta';

// A guest's link (issue 9): confirm (a button: mail scanners that open links confirm nothing),
// see the place, the check-in code and QR code, and cancel.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const response = await context.api.api['guest-registrations'][':token'].$get({
    param: { token: params.token ?? '' },
  });
  // A forged or expired link: the page says so (the API answers 400).
  if (response.ok) return { registration: await response.json() };
  const status: number = response.status;
  if (status === 400) return { registration: null };
  return apiFailure('GET /api/guest-registrations/:token', status);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const param = { param: { token: params.token ?? '' } };
  const endpoint = context.api.api['guest-registrations'][':token'];
  const response =
    intent === 'confirm'
      ? await endpoint.confirm.$post(param)
      : intent === 'cancel'
        ? await endpoint.cancel.$post(param)
        : undefined;
  if (!response) return data<{ errors: FormErrors }>({ errors: { form: [], fields: {} } }, { status: 400 });
  if (response.ok) return redirect(new URL(request.url).pathname);
  const problem = await readApiProblem(response);
  return data<{ errors: FormErrors }>(
    { errors: formErrorsFrom(problem, translatorFor(request), []) },
    { status: problem.status },
  );
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, { key: 'guest.registrationTitle' }),
  // The URL is the guest's secret: keep it out of search engines and other sites' logs.
  { name: 'robots', content: 'noindex' },
  { name: 'referrer', content: 'same-origin' },
];

export default function GuestRegistrationPage() {
  const { registration } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { errors?: FormErrors } | undefined;
  const { t, lng, dataLang } = useTranslation();
  if (!registration) {
    return (
      <>
        <h1>{t('guest.registrationTitle')}</h1>
        <Alert variant="error">
          <p>{t('guest.invalidLink')}</p>
        </Alert>
        <p>
          <Link to="/arrangementer">{t('guest.toEvents')}</Link>
        </p>
      </>
    );
  }
  const { event } = registration;
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-7">
        <h1>{t('guest.registrationTitle')}</h1>
        <p className="font-lead">
          <Link to={`/arrangementer/${event.id}`} lang={dataLang}>
            {event.title}
          </Link>
          <br />
          {formatEventTime(event.startsAt, event.endsAt, lng)}
          {event.address ? (
            <>
              <br />
              <span lang={dataLang}>{event.address}</span>
            </>
          ) : null}
        </p>
        <FormErrorSummary errors={actionData?.errors} />
        {registration.status === 'pending' ? (
          <>
            <p>
              {t('guest.statusPending', {
                date: formatDateTime(registration.expiresAt ?? event.startsAt, lng),
              })}
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="confirm" />
              <button type="submit" className="button button-primary">
                {t('guest.confirm')}
              </button>
            </Form>
          </>
        ) : null}
        {registration.status === 'confirmed' ? (
          <Alert variant="success" role="status">
            <p>{t('guest.statusConfirmed')}</p>
          </Alert>
        ) : null}
        {registration.status === 'waitlisted' ? (
          <Alert variant="info" role="status">
            <p>{t('guest.statusWaitlisted', { position: registration.position ?? 0 })}</p>
          </Alert>
        ) : null}
        {registration.status === 'cancelled' ? (
          <Alert variant="info" role="status">
            <p>{t('guest.statusCancelled')}</p>
          </Alert>
        ) : null}
        {registration.checkInCode && registration.checkInQrSvg ? (
          <CheckInCode code={registration.checkInCode} qrSvg={registration.checkInQrSvg} />
        ) : null}
        {registration.status === 'confirmed' || registration.status === 'waitlisted' ? (
          <>
            <p>
              <a href={`/api/events/${event.id}/calendar.ics`}>{t('events.addToCalendar')}</a>
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <button type="submit" className="button button-secondary">
                {t('guest.cancel')}
              </button>
            </Form>
          </>
        ) : null}
      </div>
    </div>
  );
}
