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

// Associations and volunteers (issue 10): a member posts an activity for the association.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const [response, focusAreas] = await Promise.all([
    context.api.api.associations[':slug'].$get({ param: { slug: params.slug ?? '' } }),
    getFocusAreas(context.api),
  ]);
  if (!response.ok) apiFailure('GET /api/associations/:slug', response.status);
  const { association, membership } = await response.json();
  if (!membership?.myRole) throw data({ reason: 'role' }, { status: 403 });
  return {
    association: { slug: association.slug, name: association.name },
    focusAreas: focusAreas.map(({ slug, name }) => ({ slug, name })),
  };
}

type ActionData =
  | { done: false; values: ActivityFormValues; errors: FormErrors }
  | { done: true; moderation: 'pending' | 'published'; eventId: number };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const t = translatorFor(request);
  const values = activityValues(form);
  const { body, errors } = activityBody(values, t);
  if (Object.keys(errors).length > 0) {
    return data<ActionData>({ done: false, values, errors: localErrors(errors) }, { status: 422 });
  }
  const response = await context.api.api.associations[':slug'].activities.$post({
    param: { slug: params.slug ?? '' },
    json: body as never,
  });
  if (response.status === 401) throw redirect(loginUrl(request));
  if (response.status === 201) {
    const answer = await response.json();
    return data<ActionData>({ done: true, moderation: answer.moderation, eventId: answer.event.id });
  }
  const problem = await readApiProblem(response);
  return data<ActionData>(
    { done: false, values, errors: fieldErrorsOf(problem, t, activityFormFields) },
    { status: problem.status },
  );
}

export const handle = hydrate;

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'activityForm.title' });

export default function NewActivityPage() {
  const { association, focusAreas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, dataLang } = useTranslation();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('associations.title'), to: '/foreninger' },
          { label: association.name, to: `/foreninger/${association.slug}`, lang: dataLang },
          { label: t('activityForm.title') },
        ]}
      />
      <h1>{t('activityForm.title')}</h1>
      {actionData?.done ? (
        <Alert variant="success" role="status">
          <p>
            {actionData.moderation === 'pending' ? t('activityForm.pending') : t('activityForm.published')}{' '}
            {actionData.moderation === 'published' ? (
              <Link to={`/arrangementer/${actionData.eventId}`}>{t('activityForm.see')}</Link>
            ) : (
              <Link to={`/foreninger/${association.slug}/administrer`}>{t('associations.manageLink')}</Link>
            )}
          </p>
        </Alert>
      ) : (
        <>
          <p className="font-lead">{t('activityForm.lead')}</p>
          <ActivityForm
            values={actionData && !actionData.done ? actionData.values : null}
            errors={actionData && !actionData.done ? actionData.errors : undefined}
            focusAreas={focusAreas}
          />
        </>
      )}
    </>
  );
}
