import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { SanitisedHtml } from '../components/knowledge';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatDateTime } from '../lib/format';
import { pageMeta } from '../lib/meta';

export async function loader({ params, context }: LoaderFunctionArgs) {
  const id = params.id ?? '';
  // Hidden posts are shown to staff only: the answer depends on who asks.
  const [history] = await Promise.all([
    context.api.api.forum.posts[':id'].revisions.$get({ param: { id } }),
    context.currentUser().catch(() => null),
  ]);
  if (!history.ok) apiFailure('GET /api/forum/posts/:id/revisions', history.status);
  return history.json();
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'forum.historyTitle' });

export default function PostHistoryPage() {
  const { post, revisions } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.forum'), to: '/forum' },
          { label: post.threadTitle, to: `/forum/traad/${post.threadId}`, lang: dataLang },
          { label: t('forum.historyTitle') },
        ]}
      />
      <h1>{t('forum.historyTitle')}</h1>
      <h2>{t('forum.currentText')}</h2>
      <SanitisedHtml html={post.bodyHtml} lang={dataLang} />
      {revisions.map((revision) => (
        <section key={revision.id} aria-labelledby={`revision-${revision.id}`} className="knowledge-card">
          <h2 className="h4" id={`revision-${revision.id}`}>
            {t('forum.replacedAt', { when: formatDateTime(revision.replacedAt, lng) })}
          </h2>
          <SanitisedHtml html={revision.bodyHtml} lang={dataLang} />
        </section>
      ))}
      <p>
        <Link to={`/forum/traad/${post.threadId}#indlaeg-${post.id}`}>{t('forum.backToThread')}</Link>
      </p>
    </>
  );
}
