import { Alert, TextField } from '@brobygger/ui';
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { FormErrorSummary, useFieldError } from '../components/form-errors';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatEventTime } from '../lib/event-format';
import { type FormErrors, formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { pageMeta } from '../lib/meta';

// Guest sign-up (issue 9): a name and an email; the API mails a link to confirm with.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const response = await context.api.api.events[':id'].$get({ param: { id: params.id ?? '' } });
  if (!response.ok) apiFailure('GET /api/events/:id', response.status);
  const { event, signUp } = await response.json();
  return { event, signUp };
}

type GuestActionData =
  | { sent: true; email: string }
  | { sent: false; name: string; email: string; errors: FormErrors };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const name = formText(form, 'name');
  const email = formText(form, 'email');
  const response = await context.api.api.events[':id']['guest-registrations'].$post({
    param: { id: params.id ?? '' },
    json: { name, email },
  });
  if (response.ok) return data<GuestActionData>({ sent: true, email });
  const problem = await readApiProblem(response);
  return data<GuestActionData>(
    { sent: false, name, email, errors: formErrorsFrom(problem, translatorFor(request), ['name', 'email']) },
    { status: problem.status },
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, { key: 'guest.title' });

export default function GuestSignUpPage() {
  const { event, signUp } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as GuestActionData | undefined;
  const { t, lng, dataLang } = useTranslation();
  const errors = actionData && !actionData.sent ? actionData.errors : undefined;
  const fieldError = useFieldError(errors);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.events'), to: '/arrangementer' },
          { label: event.title, to: `/arrangementer/${event.id}`, lang: dataLang },
          { label: t('guest.title') },
        ]}
      />
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          <h1>{t('guest.title')}</h1>
          <p className="font-lead">
            <span lang={dataLang}>{event.title}</span>, {formatEventTime(event.startsAt, event.endsAt, lng)}
          </p>
          {actionData?.sent ? (
            <Alert variant="success" role="status">
              <p>{t('guest.sent', { email: actionData.email })}</p>
            </Alert>
          ) : !signUp.open ? (
            <Alert variant="info">
              <p>{t('events.refusal.closed')}</p>
            </Alert>
          ) : (
            <>
              <p>{t('guest.lead')}</p>
              <FormErrorSummary errors={errors} />
              <Form method="post" noValidate>
                <TextField
                  id="name"
                  label={t('form.name')}
                  autoComplete="name"
                  defaultValue={actionData && !actionData.sent ? actionData.name : undefined}
                  maxLength={100}
                  required
                  {...fieldError('name')}
                />
                <TextField
                  id="email"
                  label={t('form.email')}
                  type="email"
                  autoComplete="email"
                  spellCheck={false}
                  defaultValue={actionData && !actionData.sent ? actionData.email : undefined}
                  maxLength={254}
                  required
                  {...fieldError('email')}
                />
                <p className="form-hint">{t('guest.privacy')}</p>
                <div className="form-actions">
                  <button type="submit" className="button button-primary">
                    {t('guest.submit')}
                  </button>
                </div>
              </Form>
            </>
          )}
          <p>
            <Link to={`/arrangementer/${event.id}`}>{t('participants.backToEvent')}</Link>
          </p>
        </div>
      </div>
    </>
  );
}
