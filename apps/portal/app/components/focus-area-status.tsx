import { useTranslation } from '../i18n/use-translation';
import { formatDateTime } from '../lib/format';
import type { PublicStatusView } from '../lib/status.server';
import { formatPeriod, IndicatorChart, OverallStatusBadge } from './status';

/**
 * The public part of a focus area's status (issue 13): the overall status and summary of its
 * latest acknowledged report and its indicators' acknowledged values. Nothing else is public.
 */
export function FocusAreaStatus({ status }: { status: PublicStatusView | null }) {
  const { t, lng, dataLang } = useTranslation();
  if (!status) return null;
  const withValues = status.indicators.filter((indicator) => indicator.history.length > 0);
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">{t('publicStatus.heading')}</h2>
      {status.latest ? (
        <>
          <p>
            {t('publicStatus.latest', { period: formatPeriod(status.latest.period, lng) })}{' '}
            <OverallStatusBadge status={status.latest.overallStatus} />
          </p>
          {status.latest.summary ? (
            <p className="status-text" lang={dataLang}>
              {status.latest.summary}
            </p>
          ) : null}
          {status.latest.acknowledgedAt ? (
            <p className="form-hint">
              {t('publicStatus.acknowledgedAt', { date: formatDateTime(status.latest.acknowledgedAt, lng) })}
            </p>
          ) : null}
        </>
      ) : (
        <p>{t('publicStatus.none')}</p>
      )}
      {withValues.length > 0 ? (
        <>
          <h3>{t('publicStatus.indicators')}</h3>
          <div className="status-charts">
            {withValues.map((indicator) => (
              <IndicatorChart key={indicator.key} indicator={indicator} />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
