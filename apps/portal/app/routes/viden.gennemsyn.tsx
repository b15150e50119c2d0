import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { audienceKeys } from '../components/knowledge';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatDate } from '../lib/format';
import { requireStaff } from '../lib/knowledge.server';
import { pageMeta } from '../lib/meta';

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const response = await context.api.api['resource-reviews'].$get();
  if (!response.ok) apiFailure('GET /api/resource-reviews', response.status);
  return response.json();
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'knowledge.reviewTitle' });

export default function ReviewPage() {
  const { resources } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.knowledge'), to: '/viden' },
          { label: t('knowledge.reviewTitle') },
        ]}
      />
      <h1>{t('knowledge.reviewTitle')}</h1>
      <p>{t('knowledge.reviewLead')}</p>
      {resources.length === 0 ? (
        <p>{t('knowledge.nothingToReview')}</p>
      ) : (
        <table className="table">
          <caption className="sr-only">{t('knowledge.reviewTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('knowledge.form.title')}</th>
              <th scope="col">{t('knowledge.form.audience')}</th>
              <th scope="col">{t('knowledge.lastReviewed')}</th>
            </tr>
          </thead>
          <tbody>
            {resources.map((resource) => (
              <tr key={resource.slug}>
                <td>
                  <Link to={`/viden/${resource.slug}`} lang={dataLang}>
                    {resource.title}
                  </Link>
                </td>
                <td>{t(audienceKeys[resource.audience] ?? 'knowledge.audience.public')}</td>
                <td>
                  {resource.lastReviewedAt
                    ? formatDate(resource.lastReviewedAt.slice(0, 10), lng)
                    : t('knowledge.neverReviewed')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
