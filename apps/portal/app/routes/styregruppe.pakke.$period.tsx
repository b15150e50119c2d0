import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { formatPeriod } from '../components/status';
import { StatusReportBody } from '../components/status-report';
import { useTranslation } from '../i18n/use-translation';
import { formatDateTime } from '../lib/format';
import { pageMeta } from '../lib/meta';
import { loadPack } from '../lib/status.server';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const period = params.period ?? '';
  if (!/^\d{4}-(03|09)$/.test(period)) throw data({ about: 'page' }, { status: 404 });
  return { pack: await loadPack(request, context, period) };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'steering.packTitle' });

/** Every report of one period in one document, laid out for paper and PDF (print CSS). */
export default function SteeringPackPage() {
  const { pack } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  return (
    <article className="steering-pack">
      <h1>{t('steering.packHeading', { period: formatPeriod(pack.period.key, lng) })}</h1>
      <p>{t('steering.deadline', { date: formatDateTime(pack.period.deadline, lng) })}</p>
      <p className="no-print">{t('steering.printHint')}</p>
      <nav aria-labelledby="pack-contents">
        <h2 id="pack-contents">{t('steering.contents')}</h2>
        <ol>
          {pack.reports.map((report) => (
            <li key={report.id}>
              <a href={`#omraade-${report.focusArea.slug}`} lang={dataLang}>
                {report.focusArea.name}
              </a>
            </li>
          ))}
        </ol>
        {pack.missing.length > 0 ? (
          <p>
            {t('steering.missingReports')}{' '}
            <span lang={dataLang}>{pack.missing.map((area) => area.name).join(', ')}</span>
          </p>
        ) : null}
      </nav>
      {pack.reports.map((report) => (
        <section key={report.id} id={`omraade-${report.focusArea.slug}`} className="steering-pack__report">
          <h2 lang={dataLang}>{report.focusArea.name}</h2>
          <StatusReportBody report={report} headingLevel={3} />
        </section>
      ))}
    </article>
  );
}
