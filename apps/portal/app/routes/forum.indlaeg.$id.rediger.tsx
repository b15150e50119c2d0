import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { FormErrorSummary, type FormErrors } from '../components/form-errors';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { requireSignedIn } from '../lib/knowledge.server';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireSignedIn(request, context);
  const id = params.id ?? '';
  const history = await context.api.api.forum.posts[':id'].revisions.$get({ param: { id } });
  if (!history.ok) apiFailure('GET /api/forum/posts/:id/revisions', history.status);
  const { post } = await history.json();
  const thread = await context.api.api.forum.threads[':id'].$get({ param: { id: String(post.threadId) } });
  if (!thread.ok) apiFailure('GET /api/forum/threads/:id', thread.status);
  const found = (await thread.json()).posts.find((candidate) => candidate.id === post.id);
  if (!found?.canEdit) throw new Response('Forbidden', { status: 403 });
  return { post: { id: post.id, threadId: post.threadId, threadTitle: post.threadTitle, body: found.body } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = params.id ?? '';
  const form = await request.formData();
  const body = formText(form, 'body');
  const response = await context.api.api.forum.posts[':id'].$put({ param: { id }, json: { body } });
  if (response.ok) {
    const { threadId } = await response.json();
    return redirect(`/forum/traad/${threadId}#indlaeg-${id}`);
  }
  if (response.status === 401) throw redirect(loginUrl(request));
  const problem = await readApiProblem(response);
  return data<{ body: string; errors: FormErrors }>(
    { body, errors: formErrorsFrom(problem, translatorFor(request), ['body']) },
    { status: problem.status },
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'forum.editTitle' });

export default function EditPostPage() {
  const { post } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { body: string; errors: FormErrors } | undefined;
  const { t, dataLang } = useTranslation();
  const error = actionData?.errors.fields.body;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.forum'), to: '/forum' },
          { label: post.threadTitle, to: `/forum/traad/${post.threadId}`, lang: dataLang },
          { label: t('forum.editTitle') },
        ]}
      />
      <h1>{t('forum.editTitle')}</h1>
      <Form method="post" noValidate>
        <FormErrorSummary errors={actionData?.errors} />
        <div className={`form-group${error ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor="body">
            {t('forum.body')}
          </label>
          {error ? (
            <span className="form-error-message" id="body-error">
              <span className="sr-only">{t('form.errorPrefix')} </span>
              {error.text}
            </span>
          ) : null}
          <textarea
            className="form-input knowledge-textarea"
            id="body"
            name="body"
            rows={10}
            defaultValue={actionData?.body ?? post.body}
          />
        </div>
        <button type="submit" className="button button-primary">
          {t('knowledge.form.save')}
        </button>{' '}
        <Link to={`/forum/traad/${post.threadId}`}>{t('forum.cancel')}</Link>
      </Form>
    </>
  );
}
