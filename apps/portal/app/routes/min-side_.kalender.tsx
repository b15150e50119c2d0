import { Alert } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { FormErrorSummary } from '../components/form-errors';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { type FormErrors, formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { formatDateTime } from '../lib/format';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';
import { requireUser } from '../lib/session.server';

// A personal calendar feed (issue 9): a secret address of the events you signed up for. Only its
// hash is stored, so the address is shown once, right after it is made (in the action's answer).
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const response = await context.api.api.me['calendar-feed'].$get();
  if (response.status === 401) throw redirect(loginUrl(request));
  if (!response.ok) apiFailure('GET /api/me/calendar-feed', response.status);
  return { feed: await response.json() };
}

type CalendarActionData =
  | { done: 'created'; url: string }
  | { done: 'revoked' }
  | { done: false; errors: FormErrors };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const endpoint = context.api.api.me['calendar-feed'];
  const response =
    intent === 'create' ? await endpoint.$post() : intent === 'revoke' ? await endpoint.$delete() : undefined;
  if (!response)
    return data<CalendarActionData>({ done: false, errors: { form: [], fields: {} } }, { status: 400 });
  if (response.status === 401) throw redirect(loginUrl(request));
  if (response.ok) {
    if (intent === 'create') {
      const { url } = (await response.json()) as { url: string };
      return data<CalendarActionData>({ done: 'created', url }, { headers: { 'Cache-Control': 'no-store' } });
    }
    return data<CalendarActionData>({ done: 'revoked' });
  }
  const problem = await readApiProblem(response);
  return data<CalendarActionData>(
    { done: false, errors: formErrorsFrom(problem, translatorFor(request), []) },
    { status: problem.status },
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, { key: 'calendarFeed.title' });

export default function CalendarFeedPage() {
  const { feed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as CalendarActionData | undefined;
  const { t, lng } = useTranslation();
  const active = actionData?.done === 'revoked' ? false : feed.active || actionData?.done === 'created';
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.myPage'), to: '/min-side' },
          { label: t('calendarFeed.title') },
        ]}
      />
      <h1>{t('calendarFeed.title')}</h1>
      <p className="font-lead">{t('calendarFeed.lead')}</p>
      <FormErrorSummary errors={actionData && actionData.done === false ? actionData.errors : undefined} />
      {actionData?.done === 'created' ? (
        <Alert variant="success" role="status" heading={t('calendarFeed.newUrl')}>
          <p>{t('calendarFeed.newUrlHint')}</p>
          <p>
            <label className="form-label" htmlFor="feed-url">
              {t('calendarFeed.newUrl')}
            </label>
            <input
              id="feed-url"
              className="form-input input-width-xl"
              type="text"
              readOnly
              value={actionData.url}
            />
          </p>
        </Alert>
      ) : null}
      {actionData?.done === 'revoked' ? (
        <Alert variant="success" role="status">
          <p>{t('calendarFeed.revoked')}</p>
        </Alert>
      ) : null}
      {actionData?.done !== 'created' ? (
        <p>
          {active && feed.createdAt
            ? t('calendarFeed.active', { date: formatDateTime(feed.createdAt, lng) })
            : t('calendarFeed.none')}
        </p>
      ) : null}
      <div className="form-actions">
        <Form method="post">
          <input type="hidden" name="intent" value="create" />
          <button type="submit" className="button button-primary">
            {active ? t('calendarFeed.recreate') : t('calendarFeed.create')}
          </button>
        </Form>
        {active ? (
          <Form method="post">
            <input type="hidden" name="intent" value="revoke" />
            <button type="submit" className="button button-secondary">
              {t('calendarFeed.revoke')}
            </button>
          </Form>
        ) : null}
      </div>
      <p>
        <a href="/api/calendar/events.ics">{t('calendarFeed.publicFeed')}</a>
      </p>
      <p>
        <Link to="/min-side">{t('nav.myPage')}</Link>
      </p>
    </>
  );
}
