import { Alert } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { flashUrl } from '../components/flash-message';
import { FormErrorSummary } from '../components/form-errors';
import { formatPeriod, formatValue, overallStatusKeys, unitKeys } from '../components/status';
import { ReportFileList, ReportHistory } from '../components/status-report';
import type { MessageKey } from '../i18n';
import { useTranslation } from '../i18n/use-translation';
import {
  type FormErrors,
  formError,
  formErrorsFrom,
  formText,
  readApiProblem,
  translatorFor,
} from '../lib/form.server';
import { formatDateTime } from '../lib/format';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';
import { requireUser } from '../lib/session.server';
import { loadReport, loadWorkspace, parseFormNumber } from '../lib/status.server';

const overall = ['on_track', 'at_risk', 'off_track'] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const report = await loadReport(request, context, params.id ?? '');
  if (report.focusArea.slug !== params.slug) throw data({ about: 'page' }, { status: 404 });
  if (!report.allowed.edit) throw redirect(`/styregruppe/rapporter/${report.id}`);
  const workspace = await loadWorkspace(request, context, report.focusArea.slug);
  const active = workspace.initiatives.filter(
    (initiative) =>
      initiative.status === 'active' ||
      initiative.status === 'paused' ||
      report.initiatives.some((entry) => entry.initiativeId === initiative.id),
  );
  return { report, initiatives: active.map(({ id, name }) => ({ id, name })) };
}

interface ReportActionData {
  errors: FormErrors;
  /** Which of the page's forms was refused: the report, a file's removal, or the draft's deletion. */
  form?: 'files' | 'delete';
  /** What was sent, so the form shows it again after a refusal (with or without JavaScript). */
  values?: {
    overallStatus: string | null;
    summary: string;
    risks: string;
    nextSteps: string;
    initiatives: { initiativeId: number; status: string; comment: string }[];
    indicatorValues: { key: string; value: number | string; comment: string }[];
    attachments: { title: string; url: string }[];
  };
}

/** Why the API refused a browser form's upload (`?bilag-fejl=`), as the page words it. */
const uploadRefusals: Record<string, MessageKey> = {
  form: 'report.files.refused.form',
  'not-multipart': 'report.files.refused.form',
  missing: 'report.files.refused.missing',
  name: 'report.files.refused.name',
  empty: 'report.files.refused.empty',
  'too-large': 'report.files.refused.tooLarge',
  type: 'report.files.refused.type',
  mismatch: 'report.files.refused.mismatch',
  frozen: 'report.files.refused.frozen',
  'too-many': 'report.files.refused.tooMany',
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const id = params.id ?? '';
  const slug = params.slug ?? '';
  const form = await request.formData();
  const here = `/tovholder/${encodeURIComponent(slug)}/rapporter/${encodeURIComponent(id)}`;
  const t = translatorFor(request);
  const report = context.api.api['status-reports'][':id'];
  const refusedBy = async (response: Response, refused: 'files' | 'delete') => {
    if (response.status === 401) throw redirect(loginUrl(request));
    if (response.status === 403) throw data({ reason: 'role' }, { status: 403 });
    const problem = await readApiProblem(response);
    return data<ReportActionData>(
      { errors: formErrorsFrom(problem, t, []), form: refused },
      { status: problem.status },
    );
  };

  // Removing a file: its own small form beside it.
  if (formText(form, 'intent') === 'remove-file') {
    const attachmentId = formText(form, 'attachmentId');
    if (!/^[1-9]\d{0,9}$/.test(attachmentId)) {
      return data<ReportActionData>(
        { errors: formError(t('report.files.unknown')), form: 'files' },
        { status: 400 },
      );
    }
    const removed = await report.attachments[':attachmentId'].$delete({ param: { id, attachmentId } });
    // Already gone (a second click): the page shows what is left.
    if (removed.ok || removed.status === 404) return redirect(flashUrl(here, 'bilag-fjernet'));
    return refusedBy(removed, 'files');
  }

  // Deleting the draft, once the box is ticked.
  if (formText(form, 'intent') === 'delete') {
    if (formText(form, 'confirm') !== 'ja') {
      return data<ReportActionData>(
        {
          errors: { form: [], fields: { confirm: { text: t('report.delete.confirmMissing') } } },
          form: 'delete',
        },
        { status: 400 },
      );
    }
    const deleted = await report.$delete({ param: { id } });
    if (deleted.ok) return redirect(flashUrl(`/tovholder/${encodeURIComponent(slug)}`, 'rapport-slettet'));
    return refusedBy(deleted, 'delete');
  }

  const ids = form.getAll('initiativeId').map(String);
  const keys = form.getAll('indicatorKey').map(String);
  const lines = (text: string) =>
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
  const json = {
    overallStatus: (formText(form, 'overallStatus') || null) as (typeof overall)[number] | null,
    summary: formText(form, 'summary'),
    risks: formText(form, 'risks'),
    nextSteps: formText(form, 'nextSteps'),
    initiatives: ids
      .filter((initiativeId) => formText(form, `initiative-${initiativeId}-status`))
      .map((initiativeId) => ({
        initiativeId: Number(initiativeId),
        status: formText(form, `initiative-${initiativeId}-status`) as (typeof overall)[number],
        comment: formText(form, `initiative-${initiativeId}-comment`),
      })),
    indicatorValues: keys
      .filter((key) => formText(form, `indicator-${key}-value`).trim() !== '')
      .map((key) => ({
        key,
        value: parseFormNumber(formText(form, `indicator-${key}-value`)),
        comment: formText(form, `indicator-${key}-comment`),
      })),
    attachments: lines(formText(form, 'attachments')).map((line) => {
      const [title, url] = line.includes('|') ? line.split('|', 2) : [line, line];
      return { title: (title ?? '').trim(), url: (url ?? '').trim() };
    }),
  };
  const reports = report;
  const fail = async (response: Response) => {
    if (response.status === 403) throw data({ reason: 'role' }, { status: 403 });
    const problem = await readApiProblem(response);
    return data<ReportActionData>(
      { errors: formErrorsFrom(problem, t, []), values: json },
      { status: problem.status },
    );
  };
  const saved = await reports.$put({ param: { id }, json });
  if (!saved.ok) return fail(saved);
  if (formText(form, 'intent') === 'submit') {
    const submitted = await reports.submit.$post({ param: { id } });
    if (!submitted.ok) return fail(submitted);
    return redirect(flashUrl(`/styregruppe/rapporter/${encodeURIComponent(id)}`, 'rapport-indsendt'));
  }
  return redirect(flashUrl(here, 'rapport-gemt'));
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches, { key: 'report.title' });

export default function EditReportPage() {
  const { report, initiatives } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ReportActionData | undefined;
  const { t, lng, dataLang } = useTranslation();
  const [search] = useSearchParams();
  const uploaded = search.get('bilag') === 'ok';
  const refusal = search.get('bilag-fejl');
  const reportErrors = actionData && !actionData.form ? actionData.errors : undefined;
  const draft: NonNullable<ReportActionData['values']> = actionData?.values ?? report;
  const confirmError = actionData?.form === 'delete' ? actionData.errors.fields.confirm : undefined;
  const entry = (id: number) => draft.initiatives.find((candidate) => candidate.initiativeId === id);
  const value = (key: string) => draft.indicatorValues.find((candidate) => candidate.key === key);
  const shown = (key: string) => {
    const found = value(key)?.value;
    return typeof found === 'number' ? String(found).replace('.', ',') : (found ?? '');
  };
  const area = report.focusArea;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('lead.title'), to: '/tovholder' },
          { label: area.name, to: `/tovholder/${area.slug}`, lang: dataLang },
          { label: formatPeriod(report.period.key, lng) },
        ]}
      />
      <h1>{t('report.heading', { area: area.name, period: formatPeriod(report.period.key, lng) })}</h1>
      {report.period.deadline ? (
        <p>{t('report.deadline', { date: formatDateTime(report.period.deadline, lng) })}</p>
      ) : null}
      {report.state === 'returned' ? <p className="status-returned">{t('report.returnedIntro')}</p> : null}
      <ReportHistory report={report} />
      <Form
        method="post"
        className="report-form"
        key={actionData?.values ? JSON.stringify(actionData.values) : 'stored'}
      >
        <FormErrorSummary errors={reportErrors} />
        <fieldset className="form-group">
          <legend className="form-label">{t('status.overallLabel')}</legend>
          {overall.map((status) => (
            <div className="form-group-radio" key={status}>
              <input
                className="form-radio"
                type="radio"
                id={`overall-${status}`}
                name="overallStatus"
                value={status}
                defaultChecked={draft.overallStatus === status}
              />
              <label htmlFor={`overall-${status}`}>{t(overallStatusKeys[status])}</label>
            </div>
          ))}
        </fieldset>
        {(['summary', 'risks', 'nextSteps'] as const).map((name) => (
          <div className="form-group" key={name}>
            <label className="form-label" htmlFor={name}>
              {t(`status.${name}`)}
            </label>
            <textarea className="form-input" id={name} name={name} rows={5} defaultValue={draft[name]} />
          </div>
        ))}

        <h2>{t('report.initiatives')}</h2>
        {initiatives.map((initiative) => (
          <fieldset key={initiative.id} className="report-form__initiative">
            <legend lang={dataLang}>{initiative.name}</legend>
            <input type="hidden" name="initiativeId" value={initiative.id} />
            <div className="form-group">
              <label className="form-label" htmlFor={`initiative-${initiative.id}-status`}>
                {t('report.initiativeStatus')}
              </label>
              <select
                className="form-select"
                id={`initiative-${initiative.id}-status`}
                name={`initiative-${initiative.id}-status`}
                defaultValue={entry(initiative.id)?.status ?? ''}
              >
                <option value="">{t('report.noStatus')}</option>
                {overall.map((status) => (
                  <option key={status} value={status}>
                    {t(overallStatusKeys[status])}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor={`initiative-${initiative.id}-comment`}>
                {t('status.comment')}
              </label>
              <input
                className="form-input"
                id={`initiative-${initiative.id}-comment`}
                name={`initiative-${initiative.id}-comment`}
                defaultValue={entry(initiative.id)?.comment ?? ''}
              />
            </div>
          </fieldset>
        ))}

        <h2>{t('report.indicators')}</h2>
        {report.indicators.length === 0 ? (
          <p>
            {t('report.noIndicators')}{' '}
            <Link to={`/tovholder/${area.slug}/beskrivelse`}>{t('lead.editDescription')}</Link>
          </p>
        ) : null}
        {report.indicators.map((indicator) => (
          <fieldset key={indicator.key} className="report-form__indicator">
            <legend lang={dataLang}>{indicator.name}</legend>
            <input type="hidden" name="indicatorKey" value={indicator.key} />
            <p className="form-hint" id={`indicator-${indicator.key}-hint`}>
              {t('report.indicatorHint', {
                unit: t(unitKeys[indicator.unit]),
                baseline: formatValue(indicator.baseline, indicator.unit, lng),
                target: formatValue(indicator.target, indicator.unit, lng),
              })}
            </p>
            <div className="form-group">
              <label className="form-label" htmlFor={`indicator-${indicator.key}-value`}>
                {t('status.value')}
              </label>
              <input
                className="form-input"
                id={`indicator-${indicator.key}-value`}
                name={`indicator-${indicator.key}-value`}
                inputMode="decimal"
                aria-describedby={`indicator-${indicator.key}-hint`}
                defaultValue={shown(indicator.key)}
              />
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor={`indicator-${indicator.key}-comment`}>
                {t('status.comment')}
              </label>
              <input
                className="form-input"
                id={`indicator-${indicator.key}-comment`}
                name={`indicator-${indicator.key}-comment`}
                defaultValue={value(indicator.key)?.comment ?? ''}
              />
            </div>
          </fieldset>
        ))}

        <div className="form-group">
          <label className="form-label" htmlFor="attachments">
            {t('report.links')}
          </label>
          <span className="form-hint" id="attachments-hint">
            {t('report.linksHint')}
          </span>
          <textarea
            className="form-input"
            id="attachments"
            name="attachments"
            rows={3}
            aria-describedby="attachments-hint"
            defaultValue={draft.attachments.map((link) => `${link.title} | ${link.url}`).join('\n')}
          />
        </div>
        <div className="status-review__buttons">
          <button type="submit" name="intent" value="save" className="button button-secondary">
            {t('report.save')}
          </button>
          <button type="submit" name="intent" value="submit" className="button button-primary">
            {t('report.submit')}
          </button>
        </div>
      </Form>

      <section aria-labelledby="files-heading" className="report-files-section">
        <h2 id="files-heading">{t('report.files.heading')}</h2>
        {uploaded ? (
          <Alert variant="success" role="status">
            {t('report.files.uploaded')}
          </Alert>
        ) : null}
        {refusal ? (
          <Alert variant="error" role="alert" heading={t('report.files.refused')}>
            <p>{t(uploadRefusals[refusal] ?? 'report.files.refused.other')}</p>
          </Alert>
        ) : null}
        {actionData?.form === 'files' ? <FormErrorSummary errors={actionData.errors} /> : null}
        {report.files.length === 0 ? <p>{t('report.files.none')}</p> : null}
        <ReportFileList
          files={report.files}
          remove={(file) => (
            <Form method="post" className="knowledge-inline-form">
              <input type="hidden" name="intent" value="remove-file" />
              <input type="hidden" name="attachmentId" value={file.id} />
              <button type="submit" className="button button-tertiary">
                {t('report.files.remove', { name: file.fileName })}
              </button>
            </Form>
          )}
        />
        {/* The file goes straight to the API (streamed to disk there); it answers with a redirect back here. */}
        <form
          method="post"
          action={`/api/status-reports/${report.id}/attachments`}
          encType="multipart/form-data"
        >
          <div className="form-group">
            <label className="form-label" htmlFor="file">
              {t('report.files.label')}
            </label>
            <span className="form-hint" id="file-hint">
              {t('report.files.hint')}
            </span>
            <input
              className="form-file-input"
              id="file"
              name="file"
              type="file"
              required
              aria-describedby="file-hint"
              accept=".pdf,.docx,.xlsx,.pptx,.odt,.png,.jpg,.jpeg,.gif,.webp"
            />
          </div>
          <button type="submit" className="button button-secondary">
            {t('report.files.upload')}
          </button>
        </form>
      </section>

      {report.allowed.delete ? (
        <section aria-labelledby="delete-heading" className="report-delete">
          <h2 id="delete-heading">{t('report.delete.heading')}</h2>
          <p>{t('report.delete.intro')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <div className={`form-group${confirmError ? ' form-error' : ''}`}>
              {confirmError ? (
                <span className="form-error-message" id="confirm-error">
                  <span className="sr-only">{t('form.errorPrefix')} </span>
                  {confirmError.text}
                </span>
              ) : null}
              <div className="form-group-checkbox">
                <input
                  className="form-checkbox"
                  type="checkbox"
                  id="confirm"
                  name="confirm"
                  value="ja"
                  required
                  aria-describedby={confirmError ? 'confirm-error' : undefined}
                />
                <label htmlFor="confirm">{t('report.delete.confirm')}</label>
              </div>
            </div>
            <button type="submit" className="button button-secondary">
              {t('report.delete.button')}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
