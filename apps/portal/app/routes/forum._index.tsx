import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatDateTime } from '../lib/format';
import { isStaffUser } from '../lib/knowledge.server';
import { pageMeta } from '../lib/meta';

export async function loader({ context }: LoaderFunctionArgs) {
  const [response, user] = await Promise.all([
    context.api.api.forum.categories.$get(),
    context.currentUser().catch(() => null),
  ]);
  if (!response.ok) apiFailure('GET /api/forum/categories', response.status);
  return { ...(await response.json()), canModerate: isStaffUser(user) };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches, { key: 'forum.title' });

export default function ForumPage() {
  const { categories, canModerate } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.home'), to: '/' }, { label: t('nav.forum') }]} />
      <h1>{t('forum.heading')}</h1>
      <p className="font-lead">{t('forum.lead')}</p>
      <ul className="knowledge-actions">
        <li>
          <Link to="/viden">{t('forum.toLibrary')}</Link>
        </li>
        {canModerate ? (
          <li>
            <Link to="/forum/moderation">{t('forum.moderationLink')}</Link>
          </li>
        ) : null}
      </ul>
      <table className="table">
        <caption>{t('forum.categoriesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('forum.category')}</th>
            <th scope="col">{t('forum.threads')}</th>
            <th scope="col">{t('forum.lastActivity')}</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((category) => (
            <tr key={category.slug}>
              <td>
                <Link to={`/forum/${category.slug}`} lang={category.name ? dataLang : undefined}>
                  {category.name ?? t('forum.general')}
                </Link>
              </td>
              <td>{category.threads}</td>
              <td>{category.lastPostAt ? formatDateTime(category.lastPostAt, lng) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
