import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { flashUrl } from '../components/flash-message';
import { FormErrorSummary } from '../components/form-errors';
import { formatPeriod } from '../components/status';
import { EditReportLink, ReportHistory, StatusReportBody } from '../components/status-report';
import { useTranslation } from '../i18n/use-translation';
import { type FormErrors, formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { pageMeta } from '../lib/meta';
import { requireUser } from '../lib/session.server';
import { loadReport } from '../lib/status.server';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return { report: await loadReport(request, context, params.id ?? '') };
}

interface ReviewActionData {
  errors: FormErrors;
  comment: string;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const id = params.id ?? '';
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const comment = formText(form, 'comment');
  const reports = context.api.api['status-reports'][':id'];
  const here = `/styregruppe/rapporter/${encodeURIComponent(id)}`;
  let response: Response;
  let flash: 'rapport-kvitteret' | 'rapport-sendt-retur' | 'kommentar-gemt';
  if (intent === 'acknowledge') {
    response = await reports.acknowledge.$post({ param: { id }, json: { comment } });
    flash = 'rapport-kvitteret';
  } else if (intent === 'return') {
    response = await reports.return.$post({ param: { id }, json: { comment } });
    flash = 'rapport-sendt-retur';
  } else {
    response = await reports.comments.$post({ param: { id }, json: { comment } });
    flash = 'kommentar-gemt';
  }
  if (response.ok) return redirect(flashUrl(here, flash));
  if (response.status === 403) throw data({ reason: 'role' }, { status: 403 });
  const problem = await readApiProblem(response);
  return data<ReviewActionData>(
    { errors: formErrorsFrom(problem, translatorFor(request), ['comment']), comment },
    { status: problem.status },
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaderData }) =>
  pageMeta(
    matches,
    loaderData
      ? { text: `${loaderData.report.focusArea.name} · ${loaderData.report.period.key}` }
      : { key: 'status.reportTitle' },
  );

export default function StatusReportPage() {
  const { report } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ReviewActionData | undefined;
  const { t, lng, dataLang } = useTranslation();
  const commentError = actionData?.errors.fields.comment;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('steering.title'), to: '/styregruppe' },
          { label: `${report.focusArea.name} · ${formatPeriod(report.period.key, lng)}`, lang: dataLang },
        ]}
      />
      <h1>
        {t('status.reportHeading', {
          area: report.focusArea.name,
          period: formatPeriod(report.period.key, lng),
        })}
      </h1>
      <EditReportLink report={report} />
      <StatusReportBody report={report} />
      <ReportHistory report={report} />
      {report.allowed.review || report.allowed.comment ? (
        <Form method="post" className="status-review">
          <h2>{report.allowed.review ? t('status.reviewHeading') : t('status.commentHeading')}</h2>
          <FormErrorSummary errors={actionData?.errors} />
          <div className={`form-group${commentError ? ' form-error' : ''}`}>
            <label className="form-label" htmlFor="comment">
              {t('status.comment')}
            </label>
            {report.allowed.review ? <span className="form-hint">{t('status.reviewHint')}</span> : null}
            {commentError ? (
              <span className="form-error-message" id="comment-error">
                <span className="sr-only">{t('form.errorPrefix')} </span>
                {commentError.text}
              </span>
            ) : null}
            <textarea
              className="form-input"
              id="comment"
              name="comment"
              rows={4}
              maxLength={5000}
              defaultValue={actionData?.comment}
              aria-describedby={commentError ? 'comment-error' : undefined}
            />
          </div>
          <div className="status-review__buttons">
            {report.allowed.review ? (
              <>
                <button type="submit" name="intent" value="acknowledge" className="button button-primary">
                  {t('status.acknowledge')}
                </button>
                <button type="submit" name="intent" value="return" className="button button-secondary">
                  {t('status.return')}
                </button>
              </>
            ) : null}
            <button type="submit" name="intent" value="comment" className="button button-secondary">
              {t('status.addComment')}
            </button>
          </div>
        </Form>
      ) : null}
    </>
  );
}
