import {
  type availabilitySlots,
  commonVolunteerLanguages,
  languageLevels,
  partsOfDay,
  volunteerSkills,
  weekdays,
} from '@brobygger/domain';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { FormErrorSummary } from '../components/form-errors';
import { Pagination } from '../components/pagination';
import { AvailabilityText, levelLabel, SpokenLanguages } from '../components/volunteer-parts';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { fieldErrorsOf } from '../lib/associations.server';
import { languageName } from '../lib/event-format';
import { readApiProblem, translatorFor } from '../lib/form.server';
import { pageMeta } from '../lib/meta';
import { getFocusAreas } from '../lib/policy.server';
import { loginUrl } from '../lib/redirect-to';
import { requireVisitor } from '../lib/session.server';

// Associations and volunteers (issue 10): staff find volunteers (only those who consented) by
// language and level, skill, availability and interest. A GET form: filters stay in the URL.
const filterNames = ['language', 'level', 'skill', 'availability', 'interest'] as const;

// A shared page (ADR 0013): the same for all of staff, so the loader only lets the visitor in and
// leaves who may see the list to the API (401: sign in; 403: the 403 page).
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireVisitor(request, context);
  const url = new URL(request.url);
  const filters: Record<string, string> = {};
  for (const name of filterNames) {
    const value = url.searchParams.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const page = url.searchParams.get('page') ?? '1';
  const [response, focusAreas] = await Promise.all([
    context.api.api.volunteers.$get({ query: { ...filters, page } }),
    getFocusAreas(context.api),
  ]);
  if (response.status === 401) throw redirect(loginUrl(request));
  if (response.status === 403) throw data({ reason: 'role' }, { status: 403 });
  const areas = focusAreas.map(({ slug, name }) => ({ slug, name }));
  if (response.status === 400) {
    const problem = await readApiProblem(response);
    return data(
      {
        volunteers: [],
        total: 0,
        page: 1,
        pageSize: 25,
        filters,
        focusAreas: areas,
        errors: fieldErrorsOf(problem, translatorFor(request), filterNames),
      },
      { status: 400 },
    );
  }
  if (!response.ok) apiFailure('GET /api/volunteers', (response as Response).status);
  return { ...(await response.json()), filters, focusAreas: areas, errors: undefined };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'volunteers.title' });

export default function VolunteersPage() {
  const { volunteers, total, page, pageSize, filters, focusAreas, errors } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  const languages = [
    ...new Set([...commonVolunteerLanguages, ...(filters.language ? [filters.language] : [])]),
  ];
  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.home'), to: '/' }, { label: t('volunteers.title') }]} />
      <h1>{t('volunteers.title')}</h1>
      <p className="font-lead">{t('volunteers.lead')}</p>
      <FormErrorSummary errors={errors} />
      <Form method="get" className="volunteer-search">
        <div className="form-group">
          <label className="form-label" htmlFor="language">
            {t('volunteer.language')}
          </label>
          <select className="form-select" id="language" name="language" defaultValue={filters.language ?? ''}>
            <option value="">{t('volunteers.any')}</option>
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageName(code, lng)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="level">
            {t('volunteers.minLevel')}
          </label>
          <select className="form-select" id="level" name="level" defaultValue={filters.level ?? ''}>
            <option value="">{t('volunteers.any')}</option>
            {languageLevels.map((level) => (
              <option key={level} value={level}>
                {t(levelLabel(level))}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="skill">
            {t('volunteer.skills')}
          </label>
          <select className="form-select" id="skill" name="skill" defaultValue={filters.skill ?? ''}>
            <option value="">{t('volunteers.any')}</option>
            {volunteerSkills.map((skill) => (
              <option key={skill} value={skill}>
                {t(`volunteer.skill.${skill}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="availability">
            {t('volunteer.availability')}
          </label>
          <select
            className="form-select"
            id="availability"
            name="availability"
            defaultValue={filters.availability ?? ''}
          >
            <option value="">{t('volunteers.any')}</option>
            {weekdays.flatMap((day) =>
              partsOfDay.map((part) => {
                const slot: (typeof availabilitySlots)[number] = `${day}-${part}`;
                return (
                  <option key={slot} value={slot}>
                    {t(`volunteer.day.${day}`)} {t(`volunteer.part.${part}`)}
                  </option>
                );
              }),
            )}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="interest">
            {t('volunteer.interests')}
          </label>
          <select className="form-select" id="interest" name="interest" defaultValue={filters.interest ?? ''}>
            <option value="">{t('volunteers.any')}</option>
            {focusAreas.map((area) => (
              <option key={area.slug} value={area.slug} lang={dataLang}>
                {area.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary">
          {t('volunteers.search')}
        </button>
      </Form>
      <p role="status">{t('volunteers.count', { count: total })}</p>
      {volunteers.length > 0 ? (
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('participants.name')}</th>
                <th scope="col">{t('volunteer.languages')}</th>
                <th scope="col">{t('volunteer.skills')}</th>
                <th scope="col">{t('volunteer.availability')}</th>
              </tr>
            </thead>
            <tbody>
              {volunteers.map((volunteer) => (
                <tr key={volunteer.userId}>
                  <td>
                    <Link to={`/frivillige/${volunteer.userId}`}>{volunteer.name}</Link>
                  </td>
                  <td>
                    <SpokenLanguages languages={volunteer.languages} />
                  </td>
                  <td>
                    {volunteer.skills
                      .map((skill) =>
                        (volunteerSkills as readonly string[]).includes(skill)
                          ? t(`volunteer.skill.${skill as (typeof volunteerSkills)[number]}`)
                          : skill,
                      )
                      .join(', ') || '—'}
                  </td>
                  <td>
                    <AvailabilityText slots={volunteer.availability} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination page={page} total={total} pageSize={pageSize} query={filters} />
    </>
  );
}
