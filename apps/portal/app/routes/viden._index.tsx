import { Badge } from '@brobygger/ui';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { audienceKeys, resourceKindKeys } from '../components/knowledge';
import { Pagination } from '../components/pagination';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatDate } from '../lib/format';
import { isStaffUser } from '../lib/knowledge.server';
import { pageMeta } from '../lib/meta';
import { getFocusAreas } from '../lib/policy.server';

// The resource library (issue 11): what the visitor may see, filtered in the URL (a GET form).
const filterNames = ['q', 'kind', 'focusArea', 'tag'] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filters: Record<string, string> = {};
  for (const name of filterNames) {
    const value = url.searchParams.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const page = url.searchParams.get('page') ?? '1';
  // The list depends on who is asking (audiences): the page is rendered for each visitor.
  const [listed, tags, focusAreas, user] = await Promise.all([
    context.api.api.resources.$get({ query: { ...filters, page } }),
    context.api.api['resource-tags'].$get(),
    getFocusAreas(context.api),
    context.currentUser().catch(() => null),
  ]);
  if (!listed.ok) apiFailure('GET /api/resources', listed.status);
  if (!tags.ok) apiFailure('GET /api/resource-tags', tags.status);
  return {
    ...(await listed.json()),
    tags: (await tags.json()).tags,
    focusAreas: focusAreas.map(({ slug, name }) => ({ slug, name })),
    filters,
    canManage: isStaffUser(user),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'knowledge.title' });

export default function LibraryPage() {
  const { resources, total, page, pageSize, tags, focusAreas, filters, canManage } =
    useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.home'), to: '/' }, { label: t('nav.knowledge') }]} />
      <h1>{t('knowledge.heading')}</h1>
      <p className="font-lead">{t('knowledge.lead')}</p>
      <p>
        <Link to="/forum">{t('knowledge.toForum')}</Link>
      </p>
      {canManage ? (
        <ul className="knowledge-actions">
          <li>
            <Link to="/viden/ny" className="button button-secondary">
              {t('knowledge.newResource')}
            </Link>
          </li>
          <li>
            <Link to="/viden/forslag">{t('knowledge.suggestionsLink')}</Link>
          </li>
          <li>
            <Link to="/viden/gennemsyn">{t('knowledge.reviewLink')}</Link>
          </li>
        </ul>
      ) : null}

      <section aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t('knowledge.filtersHeading')}</h2>
        <Form method="get" role="search" className="event-filters__form">
          <div className="form-group">
            <label className="form-label" htmlFor="q">
              {t('knowledge.filterQuery')}
            </label>
            <input
              className="form-input input-width-l"
              id="q"
              name="q"
              type="search"
              defaultValue={filters.q}
              maxLength={200}
            />
          </div>
          <div className="event-filters__row">
            <div className="form-group">
              <label className="form-label" htmlFor="kind">
                {t('knowledge.form.kind')}
              </label>
              <select className="form-select" id="kind" name="kind" defaultValue={filters.kind ?? ''}>
                <option value="">{t('events.filterAny')}</option>
                {Object.entries(resourceKindKeys).map(([kind, key]) => (
                  <option key={kind} value={kind}>
                    {t(key)}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="focusArea">
                {t('events.filterFocusArea')}
              </label>
              <select
                className="form-select"
                id="focusArea"
                name="focusArea"
                defaultValue={filters.focusArea ?? ''}
              >
                <option value="">{t('events.filterAny')}</option>
                {focusAreas.map((area) => (
                  <option key={area.slug} value={area.slug} lang={dataLang}>
                    {area.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="tag">
                {t('knowledge.filterTag')}
              </label>
              <select className="form-select" id="tag" name="tag" defaultValue={filters.tag ?? ''}>
                <option value="">{t('events.filterAny')}</option>
                {tags.map((tag) => (
                  <option key={tag.tag} value={tag.tag} lang={dataLang}>
                    {tag.tag} ({tag.count})
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" className="button button-secondary">
            {t('knowledge.filterSubmit')}
          </button>
        </Form>
      </section>

      <h2>{t('knowledge.resultCount', { count: total })}</h2>
      {resources.length === 0 ? (
        <p>{t('knowledge.empty')}</p>
      ) : (
        <ul className="knowledge-list">
          {resources.map((resource) => (
            <li key={resource.slug} className="knowledge-list__item">
              <h3 className="h4">
                <Link to={`/viden/${resource.slug}`} lang={dataLang}>
                  {resource.title}
                </Link>
              </h3>
              <p className="knowledge-list__meta">
                <Badge>{t(resourceKindKeys[resource.kind] ?? 'knowledge.kind.guide')}</Badge>{' '}
                {resource.audience !== 'public' ? (
                  <Badge variant="info">
                    {t(audienceKeys[resource.audience] ?? 'knowledge.audience.public')}
                  </Badge>
                ) : null}{' '}
                {t('knowledge.updated', { date: formatDate(resource.updatedAt.slice(0, 10), lng) })}
              </p>
              {resource.summary ? <p lang={dataLang}>{resource.summary}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} total={total} pageSize={pageSize} query={filters} />
    </>
  );
}
