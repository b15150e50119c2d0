// One search (issue 12): a plain GET form and a result page that work without JavaScript; where
// JavaScript runs, /search-as-you-type.js turns the field into a combobox of suggestions.
import { type SearchType, searchTypes } from '@brobygger/domain';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Pagination } from '../components/pagination';
import type { MessageKey } from '../i18n';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { pageMeta } from '../lib/meta';
import { getFocusAreas } from '../lib/policy.server';
import { formatCount, searchResultsHeading } from '../lib/search-format';

const filterNames = ['type', 'focusArea', 'tag'] as const;
const pageSize = 10;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const q = url.searchParams.get('q') ?? '';
  const filters: Record<string, string> = {};
  for (const name of filterNames) {
    const value = url.searchParams.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const page = url.searchParams.get('page') ?? '1';
  // What is found depends on who asks (their roles and associations) and on nothing else about
  // them: the loader never asks who they are, and the page cache keeps the page once for everyone
  // the search answer names as its audience (server/page-cache.ts).
  const focusAreas = await getFocusAreas(context.api);
  const areaNames = Object.fromEntries(focusAreas.map((area) => [area.slug, area.name]));
  if (!q.trim()) return { q, filters, page: 1, result: null, areaNames };
  const response = await context.api.api.search.$get({ query: { q, ...filters, page } as never });
  if (!response.ok) apiFailure('GET /api/search', response.status);
  const result = await response.json();
  return { q, filters, page: Number(page) || 1, result, areaNames };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches, { key: 'search.title' });

const typeLabel = (type: string) => `search.type.${type}` as MessageKey;

export default function SearchPage() {
  const { q, filters, page, result, areaNames } = useLoaderData<typeof loader>();
  const { t, lng } = useTranslation();
  const link = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams({ q, ...filters, ...(changes as Record<string, string>) });
    for (const [key, value] of [...params.entries()])
      if (!value || (key === 'page' && value === '1')) params.delete(key);
    return `?${params}`;
  };
  const typeLabels = Object.fromEntries(searchTypes.map((type) => [type, t(typeLabel(type))]));
  const facetGroups: {
    name: 'type' | 'focusArea' | 'tag';
    label: MessageKey;
    label2: (value: string) => string;
  }[] = [
    { name: 'type', label: 'search.facetType', label2: (value) => typeLabels[value as SearchType] ?? value },
    { name: 'focusArea', label: 'search.facetFocusArea', label2: (value) => areaNames[value] ?? value },
    { name: 'tag', label: 'search.facetTag', label2: (value) => value },
  ];
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.home'), to: '/' }, { label: t('search.title') }]} />
      <h1>{t('search.heading')}</h1>
      <p className="font-lead">{t('search.lead')}</p>
      <Form
        method="get"
        action="/soeg"
        role="search"
        className="site-search"
        data-search-as-you-type=""
        data-type-labels={JSON.stringify(typeLabels)}
        data-announce-many={t('search.announceMany')}
        data-announce-one={t('search.announceOne')}
        data-announce-none={t('search.announceNone')}
        data-suggestions-label={t('search.suggestions')}
      >
        <div className="form-group site-search__group">
          <label className="form-label" htmlFor="q">
            {t('search.label')}
          </label>
          <span className="form-hint" id="q-hint">
            {t('search.hint')}
          </span>
          <div className="site-search__field">
            <input
              className="form-input input-width-xl"
              id="q"
              name="q"
              type="search"
              defaultValue={q}
              maxLength={2000}
              aria-describedby="q-hint"
            />
            <button type="submit" className="button button-primary">
              {t('search.submit')}
            </button>
          </div>
        </div>
        {filters.type ? <input type="hidden" name="type" value={filters.type} /> : null}
        {filters.focusArea ? <input type="hidden" name="focusArea" value={filters.focusArea} /> : null}
        {filters.tag ? <input type="hidden" name="tag" value={filters.tag} /> : null}
        <div className="sr-only" role="status" aria-live="polite" data-search-status="" />
      </Form>
      <script src="/search-as-you-type.js" defer />

      {result === null ? (
        <p>{t('search.empty')}</p>
      ) : (
        <div className="site-search__layout">
          <section aria-labelledby="search-results-heading" className="site-search__results">
            <h2 id="search-results-heading">{searchResultsHeading(t, lng, result, q)}</h2>
            {result.hits.length > 0 ? (
              <ol className="nobullet-list search-hits" start={(page - 1) * pageSize + 1}>
                {result.hits.map((hit) => (
                  <li key={`${hit.type}:${hit.id}`} className="search-hit">
                    <p className="search-hit__type">{typeLabels[hit.type]}</p>
                    <h3 className="search-hit__title">
                      <Link to={hit.url}>{hit.title}</Link>
                    </h3>
                    {/* The API's snippet is escaped text whose only markup is <mark>. */}
                    <p className="search-hit__snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
                  </li>
                ))}
              </ol>
            ) : null}
            <Pagination
              page={page}
              total={result.total}
              pageSize={pageSize}
              query={{ q, ...filters }}
              label={t('search.pagination')}
            />
          </section>
          {result.total > 0 || filtered ? (
            <aside aria-labelledby="search-facets-heading" className="site-search__facets">
              <h2 id="search-facets-heading" className="h3">
                {t('search.filtersHeading')}
              </h2>
              {result.totalCapped ? (
                <p className="form-hint">
                  {t('search.cappedNote', { count: formatCount(result.total, lng) })}
                </p>
              ) : null}
              {filtered ? (
                <p>
                  <Link to={link({ type: '', focusArea: '', tag: '', page: '' })}>
                    {t('search.clearFilters')}
                  </Link>
                </p>
              ) : null}
              {facetGroups.map((group) => {
                const entries = Object.entries(result.facets[group.name])
                  .sort((a, b) => b[1] - a[1])
                  .slice(0, 12);
                if (entries.length === 0) return null;
                return (
                  <div key={group.name} className="search-facet">
                    <h3 className="h5">{t(group.label)}</h3>
                    <ul className="nobullet-list">
                      {entries.map(([value, count]) => {
                        const current = filters[group.name] === value;
                        return (
                          <li key={value}>
                            <Link
                              to={link({ [group.name]: current ? '' : value, page: '' })}
                              aria-current={current ? 'true' : undefined}
                            >
                              {current ? <strong>{group.label2(value)}</strong> : group.label2(value)} (
                              {formatCount(count, lng)})
                            </Link>
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                );
              })}
            </aside>
          ) : null}
        </div>
      )}
    </>
  );
}
