import { utcToCopenhagenLocal } from '@brobygger/domain';
import { Alert } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { ActivityForm } from '../components/activity-form';
import { Breadcrumbs } from '../components/breadcrumbs';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import {
  type ActivityFormValues,
  activityBody,
  activityFormFields,
  activityValues,
  fieldErrorsOf,
} from '../lib/associations.server';
import { localErrors } from '../lib/events.server';
import { type FormErrors, readApiProblem, translatorFor } from '../lib/form.server';
import { hydrate } from '../lib/hydration';
import { pageMeta } from '../lib/meta';
import { getFocusAreas } from '../lib/policy.server';
import { loginUrl } from '../lib/redirect-to';
import { requireUser } from '../lib/session.server';

// Associations and volunteers (issue 10): a member edits the association's activity (also while it
// waits for moderation) with the events' own rules.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const response = await context.api.api.activities[':id'].$get({ param: { id: params.id ?? '' } });
  if (response.status === 401) throw redirect(loginUrl(request));
  if (response.status === 403) throw data({ reason: 'role' }, { status: 403 });
  if (!response.ok) apiFailure('GET /api/activities/:id', response.status);
  const { event } = await response.json();
  const values: ActivityFormValues = {
    title: event.title,
    description: event.description,
    startsAt: utcToCopenhagenLocal(new Date(event.startsAt)),
    endsAt: utcToCopenhagenLocal(new Date(event.endsAt)),
    address: event.address ?? '',
    onlineUrl: event.onlineUrl ?? '',
    capacity: event.capacity === null ? '' : String(event.capacity),
    languages: event.languages,
    focusAreas: event.focusAreas.map((area) => area.slug),
    ...event.accessibility,
  };
  const focusAreas = (await getFocusAreas(context.api)).map(({ slug, name }) => ({ slug, name }));
  return { slug: params.slug ?? '', title: event.title, values, focusAreas };
}

type ActionData = { done: false; values: ActivityFormValues; errors: FormErrors } | { done: true };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const t = translatorFor(request);
  const values = activityValues(form);
  const { body, errors } = activityBody(values, t);
  if (Object.keys(errors).length > 0) {
    return data<ActionData>({ done: false, values, errors: localErrors(errors) }, { status: 422 });
  }
  const response = await context.api.api.activities[':id'].$patch({
    param: { id: params.id ?? '' },
    json: body as never,
  });
  if (response.status === 401) throw redirect(loginUrl(request));
  if (response.ok) return data<ActionData>({ done: true });
  const problem = await readApiProblem(response);
  return data<ActionData>(
    { done: false, values, errors: fieldErrorsOf(problem, t, activityFormFields) },
    { status: problem.status },
  );
}

export const handle = hydrate;

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'activityForm.editTitle' });

export default function EditActivityPage() {
  const { slug, title, values, focusAreas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, dataLang } = useTranslation();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('associations.title'), to: '/foreninger' },
          { label: t('associationAdmin.title'), to: `/foreninger/${slug}/administrer` },
          { label: title, lang: dataLang },
        ]}
      />
      <h1>{t('activityForm.editTitle')}</h1>
      {actionData?.done ? (
        <Alert variant="success" role="status">
          <p>
            {t('associationAdmin.saved')}{' '}
            <Link to={`/foreninger/${slug}/administrer`}>{t('associations.manageLink')}</Link>
          </p>
        </Alert>
      ) : null}
      <ActivityForm
        values={actionData && !actionData.done ? actionData.values : values}
        errors={actionData && !actionData.done ? actionData.errors : undefined}
        focusAreas={focusAreas}
        submitLabel={t('activityForm.save')}
      />
    </>
  );
}
