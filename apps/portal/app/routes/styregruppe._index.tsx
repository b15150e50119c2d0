import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { flashUrl } from '../components/flash-message';
import { FormErrorSummary } from '../components/form-errors';
import { formatPeriod, OverallStatusBadge, ReportStateBadge } from '../components/status';
import { useTranslation } from '../i18n/use-translation';
import { type FormErrors, formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { formatDateTime } from '../lib/format';
import { pageMeta } from '../lib/meta';
import { requireUser } from '../lib/session.server';
import { loadOverview, type SteeringOverviewView } from '../lib/status.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  return { overview: await loadOverview(request, context) };
}

interface CloseActionData {
  errors: FormErrors;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const form = await request.formData();
  const period = formText(form, 'period');
  const response = await context.api.api.steering.periods[':period'].close.$post({ param: { period } });
  if (response.ok) return redirect(flashUrl('/styregruppe', 'periode-lukket'));
  if (response.status === 403) throw data({ reason: 'role' }, { status: 403 });
  const problem = await readApiProblem(response);
  return data<CloseActionData>(
    { errors: formErrorsFrom(problem, translatorFor(request), []) },
    { status: problem.status },
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'steering.title' });

type Cell = SteeringOverviewView['areas'][number]['current'];

function CellView({ cell, areaName }: { cell: Cell; areaName: string }) {
  const { t } = useTranslation();
  return (
    <>
      <ReportStateBadge state={cell.state} overdue={cell.overdue} />
      {cell.overallStatus ? (
        <>
          <br />
          <OverallStatusBadge status={cell.overallStatus} />
        </>
      ) : null}
      {cell.reportId !== null ? (
        <>
          <br />
          <Link
            to={`/styregruppe/rapporter/${cell.reportId}`}
            aria-label={t('steering.openReportOf', { area: areaName })}
          >
            {t('steering.openReport')}
          </Link>
        </>
      ) : null}
    </>
  );
}

export default function SteeringOverviewPage() {
  const { overview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as CloseActionData | undefined;
  const { t, lng, dataLang } = useTranslation();
  const periods = [
    {
      label: t('steering.current'),
      period: overview.current,
      pick: (area: (typeof overview.areas)[number]) => area.current,
    },
    {
      label: t('steering.previous'),
      period: overview.previous,
      pick: (area: (typeof overview.areas)[number]) => area.previous,
    },
  ];
  return (
    <>
      <h1>{t('steering.heading')}</h1>
      <p>{t('steering.intro')}</p>
      <FormErrorSummary errors={actionData?.errors} />
      <div className="table-wrapper">
        <table className="table table--compact status-overview">
          <caption>{t('steering.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('steering.focusArea')}</th>
              {periods.map(({ label, period }) => (
                <th scope="col" key={period.key}>
                  {label}: {formatPeriod(period.key, lng)}
                  <br />
                  <span className="status-overview__deadline">
                    {t('steering.deadline', { date: formatDateTime(period.deadline, lng) })}
                  </span>
                </th>
              ))}
              <th scope="col">{t('steering.leadOwners')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.areas.map((area) => (
              <tr key={area.slug}>
                <th scope="row" lang={dataLang}>
                  {area.name}
                </th>
                {periods.map(({ period, pick }) => (
                  <td key={period.key}>
                    <CellView cell={pick(area)} areaName={area.name} />
                  </td>
                ))}
                <td lang={dataLang}>{area.leadOwners.join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('steering.documents')}</h2>
      <ul>
        {periods.map(({ period }) => (
          <li key={period.key}>
            <Link to={`/styregruppe/pakke/${period.key}`}>
              {t('steering.packFor', { period: formatPeriod(period.key, lng) })}
            </Link>
          </li>
        ))}
        <li>
          <a href="/styregruppe/eksport.csv" download>
            {t('steering.export')}
          </a>
        </li>
      </ul>
      {overview.previous.closed ? (
        <p>{t('steering.closed', { period: formatPeriod(overview.previous.key, lng) })}</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="period" value={overview.previous.key} />
          <p>{t('steering.closeIntro', { period: formatPeriod(overview.previous.key, lng) })}</p>
          <button type="submit" className="button button-secondary">
            {t('steering.close', { period: formatPeriod(overview.previous.key, lng) })}
          </button>
        </Form>
      )}
    </>
  );
}
