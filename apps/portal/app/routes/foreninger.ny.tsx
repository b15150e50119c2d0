import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { AssociationForm } from '../components/association-form';
import { Breadcrumbs } from '../components/breadcrumbs';
import { useTranslation } from '../i18n/use-translation';
import {
  type AssociationFormValues,
  associationFormFields,
  associationValues,
  fieldErrorsOf,
} from '../lib/associations.server';
import { type FormErrors, readApiProblem, translatorFor } from '../lib/form.server';
import { hydrate } from '../lib/hydration';
import { pageMeta } from '../lib/meta';
import { getFocusAreas } from '../lib/policy.server';
import { loginUrl } from '../lib/redirect-to';
import { requireUser } from '../lib/session.server';

// Associations and volunteers (issue 10): anyone signed in registers an association (pending).
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const focusAreas = await getFocusAreas(context.api);
  return { focusAreas: focusAreas.map(({ slug, name }) => ({ slug, name })) };
}

interface ActionData {
  values: AssociationFormValues;
  errors: FormErrors;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const t = translatorFor(request);
  const values = associationValues(form);
  const response = await context.api.api.associations.$post({ json: values as never });
  if (response.status === 201) {
    const { association } = await response.json();
    return redirect(`/foreninger/${association.slug}/administrer`);
  }
  if (response.status === 401) throw redirect(loginUrl(request));
  const problem = await readApiProblem(response);
  return data<ActionData>(
    { values, errors: fieldErrorsOf(problem, t, associationFormFields) },
    { status: problem.status },
  );
}

export const handle = hydrate;

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'associationForm.newTitle' });

export default function NewAssociationPage() {
  const { focusAreas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('associations.title'), to: '/foreninger' },
          { label: t('associationForm.newTitle') },
        ]}
      />
      <h1>{t('associationForm.newTitle')}</h1>
      <p className="font-lead">{t('associationForm.newLead')}</p>
      <AssociationForm
        values={actionData?.values ?? null}
        errors={actionData?.errors}
        focusAreas={focusAreas}
        submitLabel={t('associationForm.register')}
      />
    </>
  );
}
