import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { formatDateTime } from '../lib/format';
import type { StatusReportView } from '../lib/status.server';
import {
  formatFileSize,
  formatPeriod,
  formatValue,
  IndicatorChart,
  OverallStatusBadge,
  overallStatusKeys,
  ReportStateBadge,
} from './status';

/**
 * The files uploaded to a report: name (a download link), type and size. The lead owner's form
 * passes `remove` to put a remove button (its own small form) beside each.
 */
export function ReportFileList({
  files,
  remove,
}: {
  files: StatusReportView['files'];
  remove?: (file: StatusReportView['files'][number]) => ReactNode;
}) {
  const { t, lng, dataLang } = useTranslation();
  if (files.length === 0) return null;
  return (
    <ul className="report-files" aria-label={t('status.files')}>
      {files.map((file) => (
        <li key={file.id}>
          <a href={file.url} lang={dataLang}>
            {file.fileName}
          </a>{' '}
          <span className="report-files__size">
            (
            {t('status.fileFacts', {
              type: fileKind(file.contentType),
              size: formatFileSize(file.sizeBytes, lng),
            })}
            )
          </span>
          {remove ? <> {remove(file)}</> : null}
        </li>
      ))}
    </ul>
  );
}

/** "PDF", "Word", "PNG" … from an attachment's sniffed type (the API allows no others). */
function fileKind(contentType: string): string {
  const kinds: Record<string, string> = {
    'application/pdf': 'PDF',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
    'application/vnd.oasis.opendocument.text': 'OpenDocument',
    'image/png': 'PNG',
    'image/jpeg': 'JPEG',
    'image/gif': 'GIF',
    'image/webp': 'WebP',
  };
  return kinds[contentType] ?? contentType;
}

/**
 * One status report as the steering group, staff and the lead owner read it: the content, what
 * changed since the previous period (side by side), and each indicator over all periods.
 * Used by the report page and, once per area, by the printable steering pack.
 */
export function StatusReportBody({
  report,
  headingLevel = 2,
}: {
  report: StatusReportView;
  headingLevel?: 2 | 3;
}) {
  const { t, lng, dataLang } = useTranslation();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const previous = report.previous;
  const previousValue = (key: string) => previous?.indicatorValues.find((value) => value.key === key)?.value;
  const previousInitiative = (id: number) =>
    previous?.initiatives.find((entry) => entry.initiativeId === id)?.status;
  const text = (value: string) =>
    value ? (
      <p className="status-text" lang={dataLang}>
        {value}
      </p>
    ) : (
      <p>—</p>
    );
  return (
    <div className="status-report">
      <dl className="status-report__facts">
        <dt>{t('status.stateLabel')}</dt>
        <dd>
          <ReportStateBadge state={report.state} />
        </dd>
        <dt>{t('status.overallLabel')}</dt>
        <dd>
          <OverallStatusBadge status={report.overallStatus} />
        </dd>
        {report.period.deadline ? (
          <>
            <dt>{t('status.deadlineLabel')}</dt>
            <dd>{formatDateTime(report.period.deadline, lng)}</dd>
          </>
        ) : null}
        {report.submittedAt ? (
          <>
            <dt>{t('status.submittedAt')}</dt>
            <dd>{formatDateTime(report.submittedAt, lng)}</dd>
          </>
        ) : null}
        {report.acknowledgedAt ? (
          <>
            <dt>{t('status.acknowledgedAt')}</dt>
            <dd>{formatDateTime(report.acknowledgedAt, lng)}</dd>
          </>
        ) : null}
      </dl>
      <H>{t('status.summary')}</H>
      {text(report.summary)}
      <H>{t('status.risks')}</H>
      {text(report.risks)}
      <H>{t('status.nextSteps')}</H>
      {text(report.nextSteps)}
      {report.files.length > 0 || report.attachments.length > 0 ? (
        <>
          <H>{t('status.attachments')}</H>
          <ReportFileList files={report.files} />
          {report.attachments.length > 0 ? (
            <ul aria-label={t('status.links')}>
              {report.attachments.map((attachment) => (
                <li key={attachment.url}>
                  <a href={attachment.url} rel="noopener noreferrer" lang={dataLang}>
                    {attachment.title}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}

      <H>{t('status.changes')}</H>
      <p>
        {previous
          ? t('status.changesIntro', { period: formatPeriod(previous.period, lng) })
          : t('status.noPrevious')}
      </p>
      <div className="table-wrapper">
        <table className="table table--compact">
          <caption className="sr-only">{t('status.changes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('status.item')}</th>
              <th scope="col">
                {previous ? formatPeriod(previous.period, lng) : t('status.previousPeriod')}
              </th>
              <th scope="col">{formatPeriod(report.period.key, lng)}</th>
              <th scope="col">{t('status.comment')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('status.overallLabel')}</th>
              <td>{previous?.overallStatus ? t(overallStatusKeys[previous.overallStatus]) : '—'}</td>
              <td>{report.overallStatus ? t(overallStatusKeys[report.overallStatus]) : '—'}</td>
              <td />
            </tr>
            {report.initiatives.map((entry) => {
              const before = previousInitiative(entry.initiativeId);
              return (
                <tr key={`i-${entry.initiativeId}`}>
                  <th scope="row" lang={dataLang}>
                    {entry.name}
                  </th>
                  <td>{before ? t(overallStatusKeys[before]) : '—'}</td>
                  <td>{t(overallStatusKeys[entry.status])}</td>
                  <td lang={dataLang}>{entry.comment}</td>
                </tr>
              );
            })}
            {report.indicators.map((indicator) => {
              const now = report.indicatorValues.find((value) => value.key === indicator.key);
              const before = previousValue(indicator.key);
              return (
                <tr key={`v-${indicator.key}`}>
                  <th scope="row" lang={dataLang}>
                    {indicator.name}
                  </th>
                  <td>{before !== undefined ? formatValue(before, indicator.unit, lng) : '—'}</td>
                  <td>{now ? formatValue(now.value, indicator.unit, lng) : '—'}</td>
                  <td lang={dataLang}>{now?.comment}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {report.indicators.length > 0 ? (
        <>
          <H>{t('status.indicatorsOverTime')}</H>
          <div className="status-charts">
            {report.indicators.map((indicator) => (
              <IndicatorChart key={indicator.key} indicator={indicator} />
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}

export function ReportHistory({ report }: { report: StatusReportView }) {
  const { t, lng, dataLang } = useTranslation();
  if (report.comments.length === 0 && report.transitions.length === 0) return null;
  return (
    <>
      <h2>{t('status.history')}</h2>
      <ol className="status-history">
        {report.transitions.map((transition) => (
          <li key={`t-${transition.createdAt}-${transition.to}`}>
            {formatDateTime(transition.createdAt, lng)}:{' '}
            <ReportStateBadge state={transition.to as 'submitted'} />{' '}
            {transition.actorName ? <span lang={dataLang}>({transition.actorName})</span> : null}
          </li>
        ))}
      </ol>
      {report.comments.length > 0 ? (
        <>
          <h2>{t('status.comments')}</h2>
          <ul className="status-comments nobullet-list">
            {report.comments.map((comment) => (
              <li key={comment.id}>
                <p className="status-comments__meta">
                  {comment.authorName ?? t('status.unknownAuthor')} · {formatDateTime(comment.createdAt, lng)}
                </p>
                <p className="status-text" lang={dataLang}>
                  {comment.body}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function EditReportLink({ report }: { report: StatusReportView }) {
  const { t } = useTranslation();
  if (!report.allowed.edit) return null;
  return (
    <p>
      <Link
        className="button button-primary"
        to={`/tovholder/${report.focusArea.slug}/rapporter/${report.id}`}
      >
        {t('status.editReport')}
      </Link>
    </p>
  );
}
