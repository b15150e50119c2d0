import { Alert } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { flashUrl } from '../components/flash-message';
import { ResourceForm } from '../components/knowledge';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
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

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const slug = params.slug ?? '';
  const [found, focusAreas] = await Promise.all([
    context.api.api.resources[':slug'].$get({ param: { slug } }),
    getFocusAreas(context.api),
  ]);
  if (!found.ok) apiFailure('GET /api/resources/:slug', found.status);
  const { resource } = await found.json();
  const values: ResourceFormValues = {
    kind: resource.kind,
    title: resource.title,
    summary: resource.summary,
    body: resource.body,
    url: resource.url ?? '',
    audience: resource.audience,
    focusAreas: resource.focusAreas.map((area) => area.slug),
    tags: resource.tags.join(', '),
    note: '',
    baseRevision: String(resource.revision),
  };
  return {
    resource: { slug: resource.slug, title: resource.title, attachments: resource.attachments },
    values,
    focusAreas: focusAreas.map(({ slug: areaSlug, name }) => ({ slug: areaSlug, name })),
  };
}

interface ActionData {
  values: ResourceFormValues;
  errors: FormErrors;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? '';
  const form = await request.formData();
  // Removing an attachment has its own small form.
  const attachment = form.get('removeAttachment');
  if (typeof attachment === 'string') {
    const response = await context.api.api.attachments[':id'].$delete({ param: { id: attachment } });
    if (response.status === 401) throw redirect(loginUrl(request));
    if (!response.ok && response.status !== 404) apiFailure('DELETE /api/attachments/:id', response.status);
    return redirect(flashUrl(`/viden/${slug}/rediger`, 'vedhaeftning-fjernet'));
  }
  const values = resourceFormValues(form);
  const response = await context.api.api.resources[':slug'].$put({
    param: { slug },
    json: resourceBody(values) as never,
  });
  if (response.ok) return redirect(flashUrl(`/viden/${slug}`, 'ressource-gemt'));
  if (response.status === 401) throw redirect(loginUrl(request));
  const problem = await readApiProblem(response);
  return data<ActionData>({ values, errors: resourceErrors(problem, request) }, { status: problem.status });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'knowledge.editTitle' });

export default function EditResourcePage() {
  const { resource, values, focusAreas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, dataLang } = useTranslation();
  const [search] = useSearchParams();
  const uploaded = search.get('vedhaeftning') === 'ok';
  const uploadError = search.get('vedhaeftning-fejl');
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.knowledge'), to: '/viden' },
          { label: resource.title, to: `/viden/${resource.slug}`, lang: dataLang },
          { label: t('knowledge.editTitle') },
        ]}
      />
      <h1>{t('knowledge.editTitle')}</h1>
      <ResourceForm
        values={actionData?.values ?? values}
        errors={actionData?.errors}
        focusAreas={focusAreas}
        submitLabel={t('knowledge.form.save')}
      />

      <section aria-labelledby="attachments-heading" className="knowledge-attachments">
        <h2 id="attachments-heading">{t('knowledge.attachments')}</h2>
        {uploaded ? (
          <Alert variant="success" role="status">
            {t('knowledge.uploaded')}
          </Alert>
        ) : null}
        {uploadError ? (
          <Alert variant="error" role="alert" heading={t('knowledge.uploadFailed')}>
            <p lang={dataLang}>{uploadError.slice(0, 300)}</p>
          </Alert>
        ) : null}
        {resource.attachments.length > 0 ? (
          <ul>
            {resource.attachments.map((file) => (
              <li key={file.id}>
                <a href={file.url} lang={dataLang}>
                  {file.fileName}
                </a>{' '}
                <Form method="post" className="knowledge-inline-form">
                  <input type="hidden" name="removeAttachment" value={file.id} />
                  <button type="submit" className="button button-tertiary">
                    {t('knowledge.removeAttachment', { name: file.fileName })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('knowledge.noAttachments')}</p>
        )}
        {/* The file goes straight to the API (streamed to disk there); it answers with a redirect back here. */}
        <form
          method="post"
          action={`/api/resources/${resource.slug}/attachments`}
          encType="multipart/form-data"
        >
          <input type="hidden" name="redirect" value={`/viden/${resource.slug}/rediger`} />
          <div className="form-group">
            <label className="form-label" htmlFor="file">
              {t('knowledge.fileLabel')}
            </label>
            <span className="form-hint" id="file-hint">
              {t('knowledge.fileHint')}
            </span>
            <input
              className="form-file-input"
              id="file"
              name="file"
              type="file"
              aria-describedby="file-hint"
              accept=".pdf,.docx,.xlsx,.pptx,.odt,.png,.jpg,.jpeg,.gif,.webp"
            />
          </div>
          <button type="submit" className="button button-secondary">
            {t('knowledge.upload')}
          </button>
        </form>
      </section>
    </>
  );
}
