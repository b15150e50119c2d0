import { Alert, Badge } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { flashUrl } from '../components/flash-message';
import { FormErrorSummary, type FormErrors } from '../components/form-errors';
import { SanitisedHtml } from '../components/knowledge';
import type { MessageKey } from '../i18n';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { formatDateTime } from '../lib/format';
import { pageMeta } from '../lib/meta';
import { getFocusAreas } from '../lib/policy.server';
import { loginUrl } from '../lib/redirect-to';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = params.id ?? '';
  const [response, user] = await Promise.all([
    context.api.api.forum.threads[':id'].$get({ param: { id } }),
    context.currentUser().catch(() => null),
  ]);
  if (!response.ok) apiFailure('GET /api/forum/threads/:id', response.status);
  const found = await response.json();
  const focusAreas = found.viewer.canModerate
    ? (await getFocusAreas(context.api)).map(({ slug, name }) => ({ slug, name }))
    : [];
  return { ...found, signedIn: user !== null, focusAreas, loginUrl: loginUrl(request) };
}

type Intent =
  | 'reply'
  | 'accept'
  | 'unaccept'
  | 'flag'
  | 'follow'
  | 'moderate-post'
  | 'moderate-thread'
  | 'to-resource';

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = params.id ?? '';
  const form = await request.formData();
  const intent = formText(form, 'intent') as Intent;
  const here = `/forum/traad/${encodeURIComponent(id)}`;
  const forum = context.api.api.forum;
  const postId = formText(form, 'postId');
  let response: Response;
  switch (intent) {
    case 'reply':
      response = await forum.threads[':id'].posts.$post({
        param: { id },
        json: { body: formText(form, 'body') },
      });
      if (response.ok) return redirect(`${here}#indlaeg-${(await response.json()).id}`);
      break;
    case 'accept':
    case 'unaccept':
      response = await forum.threads[':id']['accepted-answer'].$post({
        param: { id },
        json: { postId: intent === 'accept' ? Number(postId) : null } as never,
      });
      if (response.ok) return redirect(here);
      break;
    case 'flag':
      response = await forum.posts[':id'].flags.$post({
        param: { id: postId },
        json: { reason: formText(form, 'reason'), note: formText(form, 'note') } as never,
      });
      if (response.ok) return redirect(flashUrl(here, 'indlaeg-anmeldt'));
      break;
    case 'follow':
      response = await forum.follows.$post({
        json: { target: 'thread', id, follow: formText(form, 'follow') === 'true' },
      });
      if (response.ok) return redirect(here);
      break;
    case 'moderate-post':
      response = await forum.posts[':id'].moderation.$post({
        param: { id: postId },
        json: { action: formText(form, 'action'), note: formText(form, 'note') } as never,
      });
      if (response.ok) return redirect(here);
      break;
    case 'moderate-thread': {
      const category = formText(form, 'category');
      const locked = formText(form, 'locked');
      response = await forum.threads[':id'].moderation.$post({
        param: { id },
        json: {
          ...(locked ? { locked: locked === 'true' } : {}),
          ...(category ? { category } : {}),
        },
      });
      if (response.ok) return redirect(here);
      break;
    }
    case 'to-resource':
      response = await forum.threads[':id'].resource.$post({ param: { id } });
      if (response.ok) return redirect(flashUrl(`/viden/${(await response.json()).slug}`, 'ressource-gemt'));
      break;
    default:
      return data<{ errors: FormErrors }>({ errors: { form: [], fields: {} } }, { status: 400 });
  }
  if (response.status === 401) throw redirect(loginUrl(request));
  const problem = await readApiProblem(response);
  return data<{ errors: FormErrors; body?: string }>(
    {
      errors: formErrorsFrom(problem, translatorFor(request), intent === 'reply' ? ['body'] : []),
      body: formText(form, 'body'),
    },
    { status: problem.status },
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaderData }) =>
  pageMeta(matches, loaderData ? { text: loaderData.thread.title } : { key: 'notFound.title' });

const reasonKeys: Record<string, MessageKey> = {
  spam: 'forum.reason.spam',
  offensive: 'forum.reason.offensive',
  'personal-data': 'forum.reason.personalData',
  'off-topic': 'forum.reason.offTopic',
  other: 'forum.reason.other',
};

export default function ThreadPage() {
  const { thread, posts, viewer, signedIn, focusAreas, loginUrl: login } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { errors: FormErrors; body?: string } | undefined;
  const { t, lng, dataLang } = useTranslation();
  const categoryName = thread.category.name ?? t('forum.general');
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.forum'), to: '/forum' },
          {
            label: categoryName,
            to: `/forum/${thread.category.slug}`,
            lang: thread.category.name ? dataLang : undefined,
          },
          { label: thread.title, lang: dataLang },
        ]}
      />
      <p>
        <Badge>{thread.kind === 'question' ? t('forum.question') : t('forum.discussion')}</Badge>{' '}
        {thread.acceptedPostId ? <Badge variant="success">{t('forum.answered')}</Badge> : null}{' '}
        {thread.locked ? <Badge variant="warning">{t('forum.locked')}</Badge> : null}{' '}
        {thread.hidden ? <Badge variant="error">{t('forum.hidden')}</Badge> : null}
      </p>
      <h1 lang={dataLang}>{thread.title}</h1>
      <FormErrorSummary errors={actionData?.errors} />
      {thread.resourceSlug ? (
        <Alert variant="info">
          {t('forum.madeIntoResource')}{' '}
          <Link to={`/viden/${thread.resourceSlug}`}>{t('forum.readResource')}</Link>
        </Alert>
      ) : null}
      {signedIn ? (
        <Form method="post">
          <input type="hidden" name="intent" value="follow" />
          <input type="hidden" name="follow" value={viewer.following ? 'false' : 'true'} />
          <button type="submit" className="button button-tertiary">
            {viewer.following ? t('forum.unfollowThread') : t('forum.followThread')}
          </button>
        </Form>
      ) : null}

      {posts.map((post) => (
        <article
          key={post.id}
          id={`indlaeg-${post.id}`}
          className={`knowledge-card${post.accepted ? ' knowledge-card--accepted' : ''}`}
          aria-labelledby={`indlaeg-${post.id}-heading`}
        >
          <h2 className="h5" id={`indlaeg-${post.id}-heading`}>
            {post.opening
              ? t('forum.askedBy', { name: post.authorName })
              : post.accepted
                ? t('forum.acceptedAnswerBy', { name: post.authorName })
                : t('forum.answerBy', { name: post.authorName })}
            <span className="knowledge-list__meta"> · {formatDateTime(post.createdAt, lng)}</span>
          </h2>
          {post.hidden ? <Badge variant="error">{t('forum.hidden')}</Badge> : null}
          <SanitisedHtml html={post.bodyHtml} lang={dataLang} />
          <ul className="knowledge-actions">
            {post.edited ? (
              <li>
                <Link to={`/forum/indlaeg/${post.id}/historik`}>
                  {t('forum.editedHistory', { count: post.revisions })}
                </Link>
              </li>
            ) : null}
            {post.canEdit ? (
              <li>
                <Link to={`/forum/indlaeg/${post.id}/rediger`}>{t('forum.edit')}</Link>
              </li>
            ) : null}
            {viewer.canAccept && !post.opening && !post.hidden ? (
              <li>
                <Form method="post">
                  <input type="hidden" name="intent" value={post.accepted ? 'unaccept' : 'accept'} />
                  <input type="hidden" name="postId" value={post.id} />
                  <button type="submit" className="button button-tertiary">
                    {post.accepted ? t('forum.unaccept') : t('forum.accept')}
                  </button>
                </Form>
              </li>
            ) : null}
            {viewer.canModerate ? (
              <li>
                <Form method="post">
                  <input type="hidden" name="intent" value="moderate-post" />
                  <input type="hidden" name="postId" value={post.id} />
                  <input type="hidden" name="action" value={post.hidden ? 'restore' : 'hide'} />
                  <button type="submit" className="button button-tertiary">
                    {post.hidden ? t('forum.restorePost') : t('forum.hidePost')}
                  </button>
                </Form>
              </li>
            ) : null}
          </ul>
          {signedIn && !post.mine && !post.hidden ? (
            <details>
              <summary>{t('forum.flag')}</summary>
              <Form method="post">
                <input type="hidden" name="intent" value="flag" />
                <input type="hidden" name="postId" value={post.id} />
                <div className="form-group">
                  <label className="form-label" htmlFor={`reason-${post.id}`}>
                    {t('forum.flagReason')}
                  </label>
                  <select className="form-select" id={`reason-${post.id}`} name="reason">
                    {Object.entries(reasonKeys).map(([reason, key]) => (
                      <option key={reason} value={reason}>
                        {t(key)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="form-group">
                  <label className="form-label" htmlFor={`flag-note-${post.id}`}>
                    {t('forum.flagNote')}
                  </label>
                  <input className="form-input" id={`flag-note-${post.id}`} name="note" maxLength={1000} />
                </div>
                <button type="submit" className="button button-secondary">
                  {t('forum.sendFlag')}
                </button>
              </Form>
            </details>
          ) : null}
        </article>
      ))}

      <section aria-labelledby="reply-heading">
        <h2 id="reply-heading">{t('forum.reply')}</h2>
        {viewer.canReply ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="reply" />
            <div className={`form-group${actionData?.errors.fields.body ? ' form-error' : ''}`}>
              <label className="form-label" htmlFor="body">
                {t('forum.body')}
              </label>
              <span className="form-hint" id="body-hint">
                {t('forum.bodyHint')}
              </span>
              {actionData?.errors.fields.body ? (
                <span className="form-error-message" id="body-error">
                  <span className="sr-only">{t('form.errorPrefix')} </span>
                  {actionData.errors.fields.body.text}
                </span>
              ) : null}
              <textarea
                className="form-input knowledge-textarea"
                id="body"
                name="body"
                rows={6}
                aria-describedby="body-hint"
                defaultValue={actionData?.body}
              />
            </div>
            <button type="submit" className="button button-primary">
              {t('forum.sendReply')}
            </button>
          </Form>
        ) : thread.locked ? (
          <p>{t('forum.lockedNoReplies')}</p>
        ) : (
          <p>
            <Link to={login}>{t('forum.logInToPost')}</Link>
          </p>
        )}
      </section>

      {viewer.canModerate ? (
        <section aria-labelledby="moderation-heading" className="knowledge-card">
          <h2 id="moderation-heading">{t('forum.moderationHeading')}</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="moderate-thread" />
            <input type="hidden" name="locked" value={thread.locked ? 'false' : 'true'} />
            <button type="submit" className="button button-secondary">
              {thread.locked ? t('forum.unlock') : t('forum.lock')}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="moderate-thread" />
            <div className="form-group">
              <label className="form-label" htmlFor="category">
                {t('forum.moveTo')}
              </label>
              <select
                className="form-select"
                id="category"
                name="category"
                defaultValue={thread.category.slug}
              >
                <option value="generelt">{t('forum.general')}</option>
                {focusAreas.map((area) => (
                  <option key={area.slug} value={area.slug} lang={dataLang}>
                    {area.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-secondary">
              {t('forum.move')}
            </button>
          </Form>
          {thread.acceptedPostId && !thread.resourceSlug ? (
            <Form method="post">
              <input type="hidden" name="intent" value="to-resource" />
              <button type="submit" className="button button-primary">
                {t('forum.toResource')}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
