import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { SanitisedHtml } from '../components/knowledge';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formText } from '../lib/form.server';
import { formatDateTime } from '../lib/format';
import { requireStaff } from '../lib/knowledge.server';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const response = await context.api.api.forum.moderation.$get();
  if (!response.ok) apiFailure('GET /api/forum/moderation', response.status);
  return response.json();
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const action = formText(form, 'action');
  const response = await context.api.api.forum.posts[':id'].moderation.$post({
    param: { id: formText(form, 'postId') },
    json: {
      action: action === 'hide' || action === 'restore' ? action : 'dismiss',
      note: formText(form, 'note').slice(0, 1000),
    },
  });
  if (response.status === 401) throw redirect(loginUrl(request));
  if (!response.ok && response.status !== 404) apiFailure('POST moderation', response.status);
  return redirect('/forum/moderation');
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'forum.moderationTitle' });

export default function ModerationPage() {
  const { queue } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.forum'), to: '/forum' },
          { label: t('forum.moderationTitle') },
        ]}
      />
      <h1>{t('forum.moderationTitle')}</h1>
      {queue.length === 0 ? <p>{t('forum.queueEmpty')}</p> : null}
      {queue.map((item) => (
        <article key={item.postId} className="knowledge-card" aria-labelledby={`flagged-${item.postId}`}>
          <h2 className="h4" id={`flagged-${item.postId}`}>
            <Link to={`/forum/traad/${item.threadId}#indlaeg-${item.postId}`} lang={dataLang}>
              {item.threadTitle}
            </Link>
          </h2>
          <p>
            {t('forum.flaggedMeta', {
              name: item.authorName,
              count: item.flags,
              reasons: item.reasons.join(', '),
              when: formatDateTime(item.firstFlaggedAt, lng),
            })}
          </p>
          {item.notes.length > 0 ? (
            <ul lang={dataLang}>
              {item.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
          <SanitisedHtml html={item.bodyHtml} lang={dataLang} />
          <Form method="post">
            <input type="hidden" name="postId" value={item.postId} />
            <div className="form-group">
              <label className="form-label" htmlFor={`note-${item.postId}`}>
                {t('forum.noteToAuthor')}
              </label>
              <textarea
                className="form-input"
                id={`note-${item.postId}`}
                name="note"
                rows={2}
                maxLength={1000}
              />
            </div>
            <button
              type="submit"
              name="action"
              value={item.hidden ? 'restore' : 'hide'}
              className="button button-primary"
            >
              {item.hidden ? t('forum.restorePost') : t('forum.hidePost')}
            </button>{' '}
            <button type="submit" name="action" value="dismiss" className="button button-secondary">
              {t('forum.dismissFlags')}
            </button>
          </Form>
        </article>
      ))}
    </>
  );
}
