import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { FormErrorSummary } from '../components/form-errors';
import {
  formatPeriod,
  initiativeStatusKeys,
  OverallStatusBadge,
  ReportStateBadge,
  unitKeys,
} from '../components/status';
import { useTranslation } from '../i18n/use-translation';
import { type FormErrors, formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { formatDateTime } from '../lib/format';
import { pageMeta } from '../lib/meta';
import { requireUser } from '../lib/session.server';
import { loadWorkspace } from '../lib/status.server';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return { workspace: await loadWorkspace(request, context, params.slug ?? '') };
}

interface StartActionData {
  errors: FormErrors;
}

/** Starts the report of a period as a draft and opens it for writing. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const slug = params.slug ?? '';
  const form = await request.formData();
  const response = await context.api.api['focus-areas'][':slug']['status-reports'].$post({
    param: { slug },
    json: { period: formText(form, 'period') },
  });
  if (response.ok) {
    const { report } = (await response.json()) as { report: { id: number } };
    return redirect(`/tovholder/${encodeURIComponent(slug)}/rapporter/${report.id}`);
  }
  if (response.status === 403) throw data({ reason: 'role' }, { status: 403 });
  const problem = await readApiProblem(response);
  return data<StartActionData>(
    { errors: formErrorsFrom(problem, translatorFor(request), []) },
    { status: problem.status },
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaderData }) =>
  pageMeta(matches, loaderData ? { text: loaderData.workspace.focusArea.name } : { key: 'lead.title' });

export default function LeadOwnerAreaPage() {
  const { workspace } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as StartActionData | undefined;
  const { t, lng, dataLang } = useTranslation();
  const base = `/tovholder/${workspace.focusArea.slug}`;
  const reportOf = (period: string) => workspace.reports.find((report) => report.period === period);
  const startable = [
    { period: workspace.openPeriod, late: false },
    ...(workspace.latePeriod.closed ? [] : [{ period: workspace.latePeriod, late: true }]),
  ].filter(({ period }) => !reportOf(period.key));
  const description = workspace.description?.content;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('lead.title'), to: '/tovholder' },
          { label: workspace.focusArea.name, lang: dataLang },
        ]}
      />
      <h1 lang={dataLang}>{workspace.focusArea.name}</h1>
      <FormErrorSummary errors={actionData?.errors} />

      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t('lead.reports')}</h2>
        <p>
          {t('lead.openPeriod', {
            period: formatPeriod(workspace.openPeriod.key, lng),
            deadline: formatDateTime(workspace.openPeriod.deadline, lng),
          })}
        </p>
        {workspace.canEdit
          ? startable.map(({ period, late }) => (
              <Form method="post" key={period.key} className="inline-form">
                <input type="hidden" name="period" value={period.key} />
                <button type="submit" className="button button-primary">
                  {t(late ? 'lead.startLate' : 'lead.start', { period: formatPeriod(period.key, lng) })}
                </button>
              </Form>
            ))
          : null}
        {workspace.reports.length === 0 ? (
          <p>{t('lead.noReports')}</p>
        ) : (
          <table className="table table--compact">
            <caption className="sr-only">{t('lead.reports')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('status.period')}</th>
                <th scope="col">{t('status.stateLabel')}</th>
                <th scope="col">{t('status.overallLabel')}</th>
                <th scope="col">{t('lead.open')}</th>
              </tr>
            </thead>
            <tbody>
              {workspace.reports.map((report) => (
                <tr key={report.id}>
                  <th scope="row">{formatPeriod(report.period, lng)}</th>
                  <td>
                    <ReportStateBadge state={report.state} />
                  </td>
                  <td>
                    <OverallStatusBadge status={report.overallStatus} />
                  </td>
                  <td>
                    {workspace.canEdit && (report.state === 'draft' || report.state === 'returned') ? (
                      <Link to={`${base}/rapporter/${report.id}`}>
                        {t('lead.writeReport', { period: formatPeriod(report.period, lng) })}
                      </Link>
                    ) : (
                      <Link to={`/styregruppe/rapporter/${report.id}`}>
                        {t('lead.readReport', { period: formatPeriod(report.period, lng) })}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="description-heading">
        <h2 id="description-heading">{t('lead.description')}</h2>
        {description ? (
          <>
            <p className="status-text" lang={dataLang}>
              {description.purpose}
            </p>
            {description.goals.map((goal) => (
              <div key={goal.key}>
                <h3 lang={dataLang}>{goal.title}</h3>
                <ul lang={dataLang}>
                  {goal.indicators.map((indicator) => (
                    <li key={indicator.key}>
                      {indicator.name} ({t(unitKeys[indicator.unit])}): {indicator.baseline} →{' '}
                      {indicator.target}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </>
        ) : (
          <p>{t('lead.noDescription')}</p>
        )}
        <p>
          <Link to={`${base}/beskrivelse`}>
            {workspace.canEdit ? t('lead.editDescription') : t('lead.descriptionHistory')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="initiatives-heading">
        <h2 id="initiatives-heading">{t('lead.initiatives')}</h2>
        <table className="table table--compact">
          <caption className="sr-only">{t('lead.initiatives')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('initiative.name')}</th>
              <th scope="col">{t('initiative.status')}</th>
              <th scope="col">{t('initiative.responsibleUnit')}</th>
              {workspace.canEdit ? <th scope="col">{t('lead.open')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {workspace.initiatives.map((initiative) => (
              <tr key={initiative.id}>
                <th scope="row" lang={dataLang}>
                  {initiative.name}
                </th>
                <td>{t(initiativeStatusKeys[initiative.status] ?? 'status.initiative.active')}</td>
                <td lang={dataLang}>{initiative.responsibleUnit || '—'}</td>
                {workspace.canEdit ? (
                  <td>
                    <Link
                      to={`${base}/indsatser/${initiative.id}`}
                      aria-label={t('lead.editInitiativeNamed', { name: initiative.name })}
                    >
                      {t('lead.editInitiative')}
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        {workspace.canEdit ? (
          <p>
            <Link to={`${base}/indsatser/ny`}>{t('lead.addInitiative')}</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
