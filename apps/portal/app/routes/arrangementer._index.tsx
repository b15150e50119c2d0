import { commonEventLanguages } from '@brobygger/domain';
import { Badge } from '@brobygger/ui';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Pagination } from '../components/pagination';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatEventTime, languageName } from '../lib/event-format';
import { canManageEvents } from '../lib/events.server';
import { pageMeta } from '../lib/meta';
import { getFocusAreas } from '../lib/policy.server';

// The filters, kept in the URL (a GET form), so a search can be shared; the names are the API's.
const filterNames = [
  'from',
  'to',
  'type',
  'focusArea',
  'language',
  'organiser',
  'q',
  'stepFree',
  'hearingLoop',
  'interpreter',
  'childcare',
] as const;
const accessFacts = ['stepFree', 'hearingLoop', 'interpreter', 'childcare'] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filters: Record<string, string> = {};
  for (const name of filterNames) {
    const value = url.searchParams.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const page = url.searchParams.get('page') ?? '1';
  const [listed, types, focusAreas, user] = await Promise.all([
    context.api.api.events.$get({ query: { ...filters, page } }),
    context.api.api['event-types'].$get(),
    getFocusAreas(context.api),
    context.currentUser().catch(() => null),
  ]);
  if (!listed.ok) apiFailure('GET /api/events', listed.status);
  if (!types.ok) apiFailure('GET /api/event-types', types.status);
  const canManage = canManageEvents(user);
  // Staff also see the drafts that match (never part of the public list).
  let drafts: { id: number; title: string; startsAt: string; endsAt: string }[] = [];
  if (canManage) {
    const found = await context.api.api['event-drafts'].$get({ query: filters });
    if (found.ok) drafts = (await found.json()).events;
  }
  return {
    drafts,
    ...(await listed.json()),
    eventTypes: (await types.json()).eventTypes,
    focusAreas: focusAreas.map(({ slug, name }) => ({ slug, name })),
    filters,
    canManage,
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches, { key: 'events.title' });

export default function EventsPage() {
  const { events, total, page, pageSize, eventTypes, focusAreas, filters, canManage, drafts } =
    useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  const languages = [...new Set([...commonEventLanguages, ...(filters.language ? [filters.language] : [])])];

  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.home'), to: '/' }, { label: t('nav.events') }]} />
      <div className="row">
        <div className="col-12 col-lg-9">
          <h1>{t('events.heading')}</h1>
          <p className="font-lead">{t('events.lead')}</p>
          {canManage ? (
            <p>
              <Link to="/arrangementer/ny" className="button button-secondary">
                {t('events.newEvent')}
              </Link>
            </p>
          ) : null}
        </div>
      </div>

      <section aria-labelledby="filters-heading" className="event-filters">
        <h2 id="filters-heading">{t('events.filtersHeading')}</h2>
        <Form method="get" role="search" className="event-filters__form">
          <div className="form-group">
            <label className="form-label" htmlFor="q">
              {t('events.filterQuery')}
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
              <label className="form-label" htmlFor="from">
                {t('events.filterFrom')}
              </label>
              <input className="form-input" id="from" name="from" type="date" defaultValue={filters.from} />
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="to">
                {t('events.filterTo')}
              </label>
              <input className="form-input" id="to" name="to" type="date" defaultValue={filters.to} />
            </div>
          </div>
          <div className="event-filters__row">
            <div className="form-group">
              <label className="form-label" htmlFor="type">
                {t('events.filterType')}
              </label>
              <select className="form-select" id="type" name="type" defaultValue={filters.type ?? ''}>
                <option value="">{t('events.filterAny')}</option>
                {eventTypes.map((type) => (
                  <option key={type.slug} value={type.slug}>
                    {lng === 'en' ? type.nameEn : type.name}
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
              <label className="form-label" htmlFor="language">
                {t('events.filterLanguage')}
              </label>
              <select
                className="form-select"
                id="language"
                name="language"
                defaultValue={filters.language ?? ''}
              >
                <option value="">{t('events.filterAny')}</option>
                {languages.map((code) => (
                  <option key={code} value={code}>
                    {languageName(code, lng)}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="organiser">
                {t('events.filterOrganiser')}
              </label>
              <input
                className="form-input"
                id="organiser"
                name="organiser"
                defaultValue={filters.organiser}
                maxLength={200}
              />
            </div>
          </div>
          <fieldset className="form-group">
            <legend className="form-label">{t('events.filterAccessibility')}</legend>
            <ul className="nobullet-list event-filters__checks">
              {accessFacts.map((fact) => (
                <li key={fact} className="form-group-checkbox">
                  <input
                    className="form-checkbox"
                    type="checkbox"
                    id={`filter-${fact}`}
                    name={fact}
                    value="true"
                    defaultChecked={filters[fact] === 'true'}
                  />
                  <label htmlFor={`filter-${fact}`}>{t(`events.access.${fact}`)}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('events.search')}
            </button>
            <Link to="/arrangementer" className="event-filters__clear">
              {t('events.clearFilters')}
            </Link>
          </div>
        </Form>
      </section>

      {drafts.length > 0 ? (
        <section aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">{t('events.draftsHeading')}</h2>
          <ul className="nobullet-list event-list">
            {drafts.map((draft) => (
              <li key={draft.id} className="event-list__item">
                <h3 className="event-list__title" lang={dataLang}>
                  <Link to={`/arrangementer/${draft.id}`}>{draft.title}</Link>
                </h3>
                <p className="event-list__when">{formatEventTime(draft.startsAt, draft.endsAt, lng)}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{t('events.resultsHeading')}</h2>
        <p role="status">{t('events.resultCount', { count: total })}</p>
        {events.length === 0 ? (
          <p>{t('events.none')}</p>
        ) : (
          <ul className="nobullet-list event-list">
            {events.map((event) => (
              <li key={event.id} className="event-list__item">
                <p className="event-list__type">
                  {lng === 'en' ? event.type.nameEn : event.type.name}
                  {event.status === 'cancelled' ? (
                    <>
                      {' '}
                      <Badge variant="error">{t('events.statusCancelled')}</Badge>
                    </>
                  ) : null}
                  {event.status === 'draft' ? (
                    <>
                      {' '}
                      <Badge variant="warning">{t('events.statusDraft')}</Badge>
                    </>
                  ) : null}
                </p>
                <h3 className="event-list__title" lang={dataLang}>
                  <Link to={`/arrangementer/${event.id}`}>{event.title}</Link>
                </h3>
                <p className="event-list__when">{formatEventTime(event.startsAt, event.endsAt, lng)}</p>
                <p className="event-list__where" lang={dataLang}>
                  {event.address ?? t('events.online')}
                </p>
                <p className="event-list__seats">
                  {event.seatsLeft === null
                    ? t('events.seatsUnlimited')
                    : event.seatsLeft > 0
                      ? t('events.seatsLeft', { count: event.seatsLeft, capacity: event.capacity ?? 0 })
                      : t('events.full')}
                  {event.languages.length > 0 ? (
                    <> · {event.languages.map((code) => languageName(code, lng)).join(', ')}</>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} total={total} pageSize={pageSize} query={filters} />
      </section>
    </>
  );
}
