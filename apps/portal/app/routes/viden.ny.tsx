import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { flashUrl } from '../components/flash-message';
import { ResourceForm } from '../components/knowledge';
import { useTranslation } from '../i18n/use-translation';
import { type FormErrors, readApiProblem } from '../lib/form.server';
import {
  type ResourceFormValues,
  requireStaff,
  resourceBody,
  resourceErrors,
  resourceFormValues,
} from '../lib/knowledge.server';
import { pageMeta } from '../lib/meta';
import { getFocusAreas } from '../lib/policy.server';
import { loginUrl } from '../lib/redirect-to';

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const focusAreas = await getFocusAreas(context.api);
  return { focusAreas: focusAreas.map(({ slug, name }) => ({ slug, name })) };
}

interface ActionData {
  values: ResourceFormValues;
  errors: FormErrors;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = resourceFormValues(await request.formData());
  const response = await context.api.api.resources.$post({ json: resourceBody(values) as never });
  if (response.ok) {
    const { resource } = await response.json();
    return redirect(flashUrl(`/viden/${resource.slug}`, 'ressource-gemt'));
  }
  if (response.status === 401) throw redirect(loginUrl(request));
  const problem = await readApiProblem(response);
  return data<ActionData>({ values, errors: resourceErrors(problem, request) }, { status: problem.status });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'knowledge.newResource' });

const empty: ResourceFormValues = {
  kind: 'guide',
  title: '',
  summary: '',
  body: '',
  url: '',
  audience: 'public',
  focusAreas: [],
  tags: '',
  note: '',
};

export default function NewResourcePage() {
  const { focusAreas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.knowledge'), to: '/viden' },
          { label: t('knowledge.newResource') },
        ]}
      />
      <h1>{t('knowledge.newResource')}</h1>
      <ResourceForm
        values={actionData?.values ?? empty}
        errors={actionData?.errors}
        focusAreas={focusAreas}
        submitLabel={t('knowledge.form.create')}
      />
    </>
  );
}
