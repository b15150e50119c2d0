import { TextField } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { FormErrorSummary, type FormErrors, useFieldError } from '../components/form-errors';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formErrorsFrom, readApiProblem, translatorFor } from '../lib/form.server';
import { requireSignedIn } from '../lib/knowledge.server';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireSignedIn(request, context);
  const slug = params.slug ?? '';
  const found = await context.api.api.resources[':slug'].$get({ param: { slug } });
  if (!found.ok) apiFailure('GET /api/resources/:slug', found.status);
  const { resource } = await found.json();
  return {
    resource: { slug: resource.slug, title: resource.title, summary: resource.summary, body: resource.body },
  };
}

interface Values {
  title: string;
  summary: string;
  body: string;
  note: string;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? '';
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '');
  const values: Values = {
    title: text('title'),
    summary: text('summary'),
    body: text('body'),
    note: text('note'),
  };
  const response = await context.api.api.resources[':slug'].suggestions.$post({
    param: { slug },
    json: values,
  });
  if (response.ok) return redirect(`/viden/${slug}?foreslaaet=1`);
  if (response.status === 401) throw redirect(loginUrl(request));
  if (response.status === 404) apiFailure('POST suggestion', 404);
  const problem = await readApiProblem(response);
  return data<{ values: Values; errors: FormErrors }>(
    { values, errors: formErrorsFrom(problem, translatorFor(request), ['title', 'summary', 'body', 'note']) },
    { status: problem.status },
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'knowledge.suggestTitle' });

export default function SuggestPage() {
  const { resource } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { values: Values; errors: FormErrors } | undefined;
  const { t, dataLang } = useTranslation();
  const values = actionData?.values ?? {
    title: resource.title,
    summary: resource.summary,
    body: resource.body,
    note: '',
  };
  const fieldError = useFieldError(actionData?.errors);
  const err = (name: string) => actionData?.errors.fields[name];
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.knowledge'), to: '/viden' },
          { label: resource.title, to: `/viden/${resource.slug}`, lang: dataLang },
          { label: t('knowledge.suggestTitle') },
        ]}
      />
      <h1>{t('knowledge.suggestTitle')}</h1>
      <p>{t('knowledge.suggestLead')}</p>
      <Form method="post" noValidate>
        <FormErrorSummary errors={actionData?.errors} />
        <TextField
          id="title"
          label={t('knowledge.form.title')}
          defaultValue={values.title}
          maxLength={200}
          {...fieldError('title')}
        />
        <div className="form-group">
          <label className="form-label" htmlFor="summary">
            {t('knowledge.form.summary')}
          </label>
          <textarea
            className="form-input"
            id="summary"
            name="summary"
            rows={3}
            defaultValue={values.summary}
          />
        </div>
        <div className={`form-group${err('body') ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor="body">
            {t('knowledge.form.body')}
          </label>
          {err('body') ? (
            <span className="form-error-message" id="body-error">
              <span className="sr-only">{t('form.errorPrefix')} </span>
              {err('body')?.text}
            </span>
          ) : null}
          <textarea
            className="form-input knowledge-textarea"
            id="body"
            name="body"
            rows={14}
            defaultValue={values.body}
          />
        </div>
        <TextField
          id="note"
          label={t('knowledge.suggestNote')}
          defaultValue={values.note}
          maxLength={300}
          {...fieldError('note')}
        />
        <button type="submit" className="button button-primary">
          {t('knowledge.suggestSubmit')}
        </button>
      </Form>
    </>
  );
}
