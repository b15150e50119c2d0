import { Badge, TextField } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { FormErrorSummary, type FormErrors, useFieldError } from '../components/form-errors';
import { Pagination } from '../components/pagination';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formErrorsFrom, readApiProblem, translatorFor } from '../lib/form.server';
import { formatDateTime } from '../lib/format';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  const page = new URL(request.url).searchParams.get('page') ?? '1';
  const [response, user] = await Promise.all([
    context.api.api.forum.categories[':slug'].$get({ param: { slug }, query: { page } }),
    context.currentUser().catch(() => null),
  ]);
  if (!response.ok) apiFailure('GET /api/forum/categories/:slug', response.status);
  let following = false;
  if (user) {
    const follows = await context.api.api.forum.follows.$get();
    if (follows.ok)
      following = (await follows.json()).follows.some((f) => f.target === 'category' && f.id === slug);
  }
  return { ...(await response.json()), signedIn: user !== null, following, loginUrl: loginUrl(request) };
}

interface Values {
  kind: string;
  title: string;
  body: string;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? '';
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '');
  if (form.get('intent') === 'follow') {
    const response = await context.api.api.forum.follows.$post({
      json: { target: 'category', id: slug, follow: form.get('follow') === 'true' },
    });
    if (response.status === 401) throw redirect(loginUrl(request));
    if (!response.ok) apiFailure('POST /api/forum/follows', response.status);
    return redirect(`/forum/${slug}`);
  }
  const values: Values = { kind: text('kind'), title: text('title'), body: text('body') };
  const response = await context.api.api.forum.threads.$post({
    json: { category: slug, ...values } as never,
  });
  if (response.ok) return redirect(`/forum/traad/${(await response.json()).id}`);
  if (response.status === 401) throw redirect(loginUrl(request));
  const problem = await readApiProblem(response);
  return data<{ values: Values; errors: FormErrors }>(
    { values, errors: formErrorsFrom(problem, translatorFor(request), ['kind', 'title', 'body']) },
    { status: problem.status },
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaderData }) =>
  pageMeta(
    matches,
    loaderData?.category.name ? { text: loaderData.category.name } : { key: 'forum.general' },
  );

export default function CategoryPage() {
  const {
    category,
    threads,
    total,
    page,
    pageSize,
    signedIn,
    following,
    loginUrl: login,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { values: Values; errors: FormErrors } | undefined;
  const { t, lng, dataLang } = useTranslation();
  const fieldError = useFieldError(actionData?.errors);
  const err = (name: string) => actionData?.errors.fields[name];
  const name = category.name ?? t('forum.general');
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.forum'), to: '/forum' },
          { label: name, lang: category.name ? dataLang : undefined },
        ]}
      />
      <h1 lang={category.name ? dataLang : undefined}>{name}</h1>
      {signedIn ? (
        <Form method="post">
          <input type="hidden" name="intent" value="follow" />
          <input type="hidden" name="follow" value={following ? 'false' : 'true'} />
          <button type="submit" className="button button-tertiary">
            {following ? t('forum.unfollowCategory') : t('forum.followCategory')}
          </button>
        </Form>
      ) : null}
      <h2>{t('forum.threadCount', { count: total })}</h2>
      {threads.length === 0 ? <p>{t('forum.noThreads')}</p> : null}
      <ul className="knowledge-list">
        {threads.map((thread) => (
          <li key={thread.id} className="knowledge-list__item">
            <h3 className="h4">
              <Link to={`/forum/traad/${thread.id}`} lang={dataLang}>
                {thread.title}
              </Link>
            </h3>
            <p className="knowledge-list__meta">
              <Badge>{thread.kind === 'question' ? t('forum.question') : t('forum.discussion')}</Badge>{' '}
              {thread.answered ? <Badge variant="success">{t('forum.answered')}</Badge> : null}{' '}
              {thread.locked ? <Badge variant="warning">{t('forum.locked')}</Badge> : null}{' '}
              {t('forum.threadMeta', {
                name: thread.authorName,
                replies: thread.replies,
                when: formatDateTime(thread.lastPostAt, lng),
              })}
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={page} total={total} pageSize={pageSize} />

      <section aria-labelledby="new-thread-heading">
        <h2 id="new-thread-heading">{t('forum.newThread')}</h2>
        {signedIn ? (
          <Form method="post" noValidate>
            <FormErrorSummary errors={actionData?.errors} />
            <fieldset className="form-group">
              <legend className="form-label">{t('forum.kind')}</legend>
              <ul className="nobullet-list">
                {(['question', 'discussion'] as const).map((kind) => (
                  <li key={kind}>
                    <input
                      className="form-radio"
                      type="radio"
                      id={`kind-${kind}`}
                      name="kind"
                      value={kind}
                      defaultChecked={(actionData?.values.kind || 'question') === kind}
                    />
                    <label htmlFor={`kind-${kind}`}>
                      {kind === 'question' ? t('forum.question') : t('forum.discussion')}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <TextField
              id="title"
              label={t('forum.threadTitle')}
              defaultValue={actionData?.values.title}
              maxLength={200}
              {...fieldError('title')}
            />
            <div className={`form-group${err('body') ? ' form-error' : ''}`}>
              <label className="form-label" htmlFor="body">
                {t('forum.body')}
              </label>
              <span className="form-hint" id="body-hint">
                {t('forum.bodyHint')}
              </span>
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
                rows={8}
                aria-describedby="body-hint"
                defaultValue={actionData?.values.body}
              />
            </div>
            <button type="submit" className="button button-primary">
              {t('forum.createThread')}
            </button>
          </Form>
        ) : (
          <p>
            <Link to={login}>{t('forum.logInToPost')}</Link>
          </p>
        )}
      </section>
    </>
  );
}
