import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Pagination } from '../components/pagination';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { languageName } from '../lib/event-format';
import { pageMeta } from '../lib/meta';

// Associations and volunteers (issue 10): the public list of verified associations.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const q = url.searchParams.get('q')?.trim() ?? '';
  const page = url.searchParams.get('page') ?? '1';
  const response = await context.api.api.associations.$get({ query: { ...(q ? { q } : {}), page } });
  if (!response.ok) apiFailure('GET /api/associations', response.status);
  return { ...(await response.json()), q };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'associations.title' });

export default function AssociationsPage() {
  const { associations, total, page, pageSize, q } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.home'), to: '/' }, { label: t('associations.title') }]} />
      <div className="row">
        <div className="col-12 col-lg-9">
          <h1>{t('associations.heading')}</h1>
          <p className="font-lead">{t('associations.lead')}</p>
          <p>
            <Link to="/foreninger/ny">{t('associations.registerLink')}</Link>
          </p>
        </div>
      </div>
      <Form method="get" className="association-search" role="search">
        <div className="form-group">
          <label className="form-label" htmlFor="q">
            {t('associations.search')}
          </label>
          <input
            className="form-input input-width-l"
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={200}
          />
        </div>
        <button type="submit" className="button button-secondary">
          {t('associations.searchButton')}
        </button>
      </Form>
      <p role="status">{t('associations.count', { count: total })}</p>
      {associations.length === 0 ? (
        <p>{t('associations.empty')}</p>
      ) : (
        <ul className="nobullet-list association-list">
          {associations.map((association) => (
            <li key={association.slug} className="card association-card">
              <div className="card-content">
                <h2 className="h3" lang={dataLang}>
                  <Link to={`/foreninger/${association.slug}`}>{association.name}</Link>
                </h2>
                {association.summary ? <p lang={dataLang}>{association.summary}</p> : null}
                {association.languages.length > 0 ? (
                  <p>
                    <strong>{t('associations.languages')}:</strong>{' '}
                    {association.languages.map((code) => languageName(code, lng)).join(', ')}
                  </p>
                ) : null}
                {association.focusAreas.length > 0 ? (
                  <p lang={dataLang}>{association.focusAreas.map((area) => area.name).join(' · ')}</p>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} total={total} pageSize={pageSize} query={{ q }} />
    </>
  );
}
