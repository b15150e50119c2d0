import { Badge, type BadgeVariant } from '@brobygger/ui';
import type { Language, MessageKey } from '../i18n';
import { locales } from '../i18n';
import { useTranslation } from '../i18n/use-translation';
import { dateTimeFormat, numberFormat } from '../lib/intl';

// Shared pieces of the status-report pages (issue 13).

export type OverallStatus = 'on_track' | 'at_risk' | 'off_track';
export type ReportState = 'draft' | 'submitted' | 'acknowledged' | 'returned' | 'missing';
export type IndicatorUnit = 'count' | 'percent' | 'dkk' | 'number';

export const overallStatusKeys: Record<OverallStatus, MessageKey> = {
  on_track: 'status.overall.on_track',
  at_risk: 'status.overall.at_risk',
  off_track: 'status.overall.off_track',
};
const overallVariants: Record<OverallStatus, BadgeVariant> = {
  on_track: 'success',
  at_risk: 'warning',
  off_track: 'error',
};
export const stateKeys: Record<ReportState, MessageKey> = {
  draft: 'status.state.draft',
  submitted: 'status.state.submitted',
  acknowledged: 'status.state.acknowledged',
  returned: 'status.state.returned',
  missing: 'status.state.missing',
};
const stateVariants: Record<ReportState, BadgeVariant | undefined> = {
  draft: undefined,
  submitted: 'info',
  acknowledged: 'success',
  returned: 'warning',
  missing: undefined,
};
export const unitKeys: Record<IndicatorUnit, MessageKey> = {
  count: 'status.unit.count',
  percent: 'status.unit.percent',
  dkk: 'status.unit.dkk',
  number: 'status.unit.number',
};
export const initiativeStatusKeys: Record<string, MessageKey> = {
  planned: 'status.initiative.planned',
  active: 'status.initiative.active',
  paused: 'status.initiative.paused',
  completed: 'status.initiative.completed',
  stopped: 'status.initiative.stopped',
};

export function OverallStatusBadge({ status }: { status: OverallStatus | null | undefined }) {
  const { t } = useTranslation();
  if (!status) return <span>{t('status.overall.none')}</span>;
  return <Badge variant={overallVariants[status]}>{t(overallStatusKeys[status])}</Badge>;
}

export function ReportStateBadge({ state, overdue }: { state: ReportState; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge variant={stateVariants[state]}>{t(stateKeys[state])}</Badge>
      {overdue ? (
        <>
          {' '}
          <Badge variant="error">{t('status.overdue')}</Badge>
        </>
      ) : null}
    </>
  );
}

export function formatValue(value: number, unit: IndicatorUnit, lng: Language): string {
  const number = numberFormat(locales[lng], { maximumFractionDigits: 2 }).format(value);
  if (unit === 'percent') return `${number} %`;
  if (unit === 'dkk') return `${number} kr.`;
  return number;
}

/** A file's size for people: "820 KB", "1,4 MB" (decimal comma in Danish). */
export function formatFileSize(bytes: number, lng: Language): string {
  if (bytes < 1024 * 1024) {
    return `${numberFormat(locales[lng], {}).format(Math.max(1, Math.round(bytes / 1024)))} KB`;
  }
  return `${numberFormat(locales[lng], { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}

/** "2027-03" → "marts 2027". */
export function formatPeriod(key: string, lng: Language): string {
  const [year, month] = key.split('-').map(Number);
  return dateTimeFormat(locales[lng], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 2000, (month ?? 1) - 1, 15)),
  );
}

export interface ChartIndicator {
  key: string;
  name: string;
  unit: IndicatorUnit;
  baseline: number;
  target: number;
  history: { period: string; value: number }[];
}

/**
 * An indicator's values over the periods: an SVG line with a text alternative (role="img",
 * its title and description), and the same numbers in a table beside it.
 */
export function IndicatorChart({ indicator }: { indicator: ChartIndicator }) {
  const { t, lng, dataLang } = useTranslation();
  const width = 320;
  const height = 160;
  const pad = 28;
  const values = indicator.history.map((point) => point.value);
  const max = Math.max(indicator.target, indicator.baseline, ...values, 1);
  const x = (i: number) =>
    indicator.history.length <= 1
      ? width / 2
      : pad + (i * (width - 2 * pad)) / (indicator.history.length - 1);
  const y = (value: number) => height - pad - (value / max) * (height - 2 * pad);
  const titleId = `chart-${indicator.key}-title`;
  const descId = `chart-${indicator.key}-desc`;
  const fmt = (value: number) => formatValue(value, indicator.unit, lng);
  const description = t('status.chart.description', {
    name: indicator.name,
    values:
      indicator.history
        .map((point) => `${formatPeriod(point.period, lng)}: ${fmt(point.value)}`)
        .join('; ') || t('status.chart.noValues'),
    baseline: fmt(indicator.baseline),
    target: fmt(indicator.target),
  });
  return (
    <div className="status-chart">
      <svg
        className="status-chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        focusable="false"
      >
        <title id={titleId}>{indicator.name}</title>
        <desc id={descId}>{description}</desc>
        <line className="status-chart__axis" x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} />
        <line
          className="status-chart__target"
          x1={pad}
          x2={width - pad}
          y1={y(indicator.target)}
          y2={y(indicator.target)}
        />
        <text x={pad} y={y(indicator.target) - 4} className="status-chart__label">
          {t('status.chart.target')} {fmt(indicator.target)}
        </text>
        {indicator.history.length > 1 ? (
          <polyline
            className="status-chart__line"
            points={indicator.history.map((point, i) => `${x(i)},${y(point.value)}`).join(' ')}
          />
        ) : null}
        {indicator.history.map((point, i) => (
          <g key={point.period}>
            <circle className="status-chart__point" cx={x(i)} cy={y(point.value)} r={4} />
            <text x={x(i)} y={height - 8} textAnchor="middle" className="status-chart__label">
              {point.period}
            </text>
          </g>
        ))}
      </svg>
      <table className="table table--compact status-chart__table">
        <caption lang={dataLang}>{indicator.name}</caption>
        <thead>
          <tr>
            <th scope="col">{t('status.period')}</th>
            <th scope="col">{t('status.value')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('status.baseline')}</th>
            <td>{fmt(indicator.baseline)}</td>
          </tr>
          {indicator.history.map((point) => (
            <tr key={point.period}>
              <th scope="row">{formatPeriod(point.period, lng)}</th>
              <td>{fmt(point.value)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('status.target')}</th>
            <td>{fmt(indicator.target)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
