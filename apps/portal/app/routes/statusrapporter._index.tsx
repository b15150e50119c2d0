import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { formatPeriod, type OverallStatus, OverallStatusBadge, ReportStateBadge } from '../components/status';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatDateTime } from '../lib/format';
import { pageMeta } from '../lib/meta';
import { requireUser } from '../lib/session.server';

interface SubmittedReport {
  id: number;
  focusArea: { slug: string; name: string };
  period: string;
  state: 'submitted' | 'acknowledged';
  overallStatus: OverallStatus | null;
  submittedAt: string | null;
}

/** Submitted and acknowledged reports, for staff and everyone else who may read them. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const response = await context.api.api['status-reports'].$get();
  if (response.status === 403) throw data({ reason: 'role' }, { status: 403 });
  if (!response.ok) apiFailure('GET /api/status-reports', response.status);
  return { reports: ((await response.json()) as unknown as { reports: SubmittedReport[] }).reports };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches, { key: 'reports.title' });

export default function SubmittedReportsPage() {
  const { reports } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  return (
    <>
      <h1>{t('reports.title')}</h1>
      <p>{t('reports.intro')}</p>
      {reports.length === 0 ? (
        <p>{t('reports.none')}</p>
      ) : (
        <div className="table-wrapper">
          <table className="table table--compact">
            <caption className="sr-only">{t('reports.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('status.period')}</th>
                <th scope="col">{t('steering.focusArea')}</th>
                <th scope="col">{t('status.stateLabel')}</th>
                <th scope="col">{t('status.overallLabel')}</th>
                <th scope="col">{t('status.submittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((report) => (
                <tr key={report.id}>
                  <td>{formatPeriod(report.period, lng)}</td>
                  <th scope="row">
                    <Link to={`/styregruppe/rapporter/${report.id}`} lang={dataLang}>
                      {report.focusArea.name}
                    </Link>
                  </th>
                  <td>
                    <ReportStateBadge state={report.state} />
                  </td>
                  <td>
                    <OverallStatusBadge status={report.overallStatus} />
                  </td>
                  <td>{report.submittedAt ? formatDateTime(report.submittedAt, lng) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
