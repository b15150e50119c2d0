import { Alert, Badge, type BadgeVariant } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { AdminNav } from '../components/admin-nav';
import { flashUrl } from '../components/flash-message';
import { FormErrorSummary } from '../components/form-errors';
import type { MessageKey } from '../i18n';
import { useTranslation } from '../i18n/use-translation';
import { adminApiFailure } from '../lib/admin.server';
import { type FormErrors, formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { formatDateTime } from '../lib/format';
import { pageMeta } from '../lib/meta';
import { requireAdmin } from '../lib/session.server';

const pageSize = 50;

// The states in the page's address are Danish; the API's are English.
const states = {
  venter: 'pending',
  koerer: 'running',
  udfoert: 'done',
  opgivet: 'dead',
} as const;
type StateParam = keyof typeof states;
type JobState = (typeof states)[StateParam];

const stateLabels: Record<JobState, MessageKey> = {
  pending: 'admin.jobs.state.pending',
  running: 'admin.jobs.state.running',
  done: 'admin.jobs.state.done',
  dead: 'admin.jobs.state.dead',
};
const stateBadges: Record<JobState, BadgeVariant> = {
  pending: 'info',
  running: 'warning',
  done: 'success',
  dead: 'error',
};

function stateParam(url: URL): StateParam | undefined {
  const value = url.searchParams.get('tilstand') ?? '';
  return Object.hasOwn(states, value) ? (value as StateParam) : undefined;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context);
  const url = new URL(request.url);
  const filter = stateParam(url);
  const before = Number.parseInt(url.searchParams.get('foer') ?? '', 10);
  const response = await context.api.api.admin.jobs.$get({
    query: {
      limit: String(pageSize),
      ...(filter ? { state: states[filter] } : {}),
      ...(Number.isSafeInteger(before) && before > 0 ? { before: String(before) } : {}),
    },
  });
  if (!response.ok) return adminApiFailure(request, response, 'GET /api/admin/jobs');
  const { jobs, counts } = await response.json();
  return { jobs, counts, filter, next: jobs.length === pageSize ? jobs.at(-1)?.id : undefined };
}

interface JobsActionData {
  errors: FormErrors;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAdmin(request, context);
  const form = await request.formData();
  const t = translatorFor(request);
  if (formText(form, 'intent') !== 'retry') {
    return data<JobsActionData>(
      { errors: { form: [{ text: t('form.unexpected') }], fields: {} } },
      { status: 400 },
    );
  }
  const response = await context.api.api.admin.jobs[':id'].retry.$post({
    param: { id: formText(form, 'id') },
  });
  const filter = stateParam(new URL(request.url));
  if (response.ok)
    return redirect(flashUrl(`/admin/jobber${filter ? `?tilstand=${filter}` : ''}`, 'job-proevet-igen'));
  if (response.status === 401 || response.status === 403) {
    return adminApiFailure(request, response, 'POST /api/admin/jobs/:id/retry');
  }
  const problem = await readApiProblem(response);
  return data<JobsActionData>({ errors: formErrorsFrom(problem, t, []) }, { status: problem.status });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'admin.jobs.title' });

export default function JobsPage() {
  const { jobs, counts, filter, next } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as JobsActionData | undefined;
  const { t, lng } = useTranslation();
  const total = counts.pending + counts.running + counts.done + counts.dead;
  const here = (param: StateParam | undefined) =>
    param ? `/admin/jobber?tilstand=${param}` : '/admin/jobber';
  const tableName = filter ? t(stateLabels[states[filter]]) : t('admin.jobs.all');
  return (
    <>
      <h1>{t('admin.jobs.heading')}</h1>
      <AdminNav />
      <p>{t('admin.jobs.intro')}</p>
      <FormErrorSummary errors={actionData?.errors} />
      {counts.dead > 0 && filter !== 'opgivet' ? (
        <Alert variant="error" heading={t('admin.jobs.deadAlert', { count: counts.dead })}>
          <p>
            <Link to={here('opgivet')}>{t('admin.jobs.showDead')}</Link>
          </p>
        </Alert>
      ) : null}
      <nav aria-label={t('admin.jobs.filterLabel')}>
        <ul className="job-filter nobullet-list">
          <li>
            <Link
              className="job-filter__link"
              to={here(undefined)}
              aria-current={filter === undefined ? 'page' : undefined}
            >
              {t('admin.jobs.all')} ({total})
            </Link>
          </li>
          {(Object.keys(states) as StateParam[]).map((param) => (
            <li key={param}>
              <Link
                className="job-filter__link"
                to={here(param)}
                aria-current={filter === param ? 'page' : undefined}
              >
                {t(stateLabels[states[param]])} ({counts[states[param]]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {jobs.length === 0 ? (
        <p>{t('admin.jobs.empty')}</p>
      ) : (
        <div className="table-wrapper">
          <table className="table table--compact">
            <caption className="sr-only">{tableName}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.jobs.id')}</th>
                <th scope="col">{t('admin.jobs.type')}</th>
                <th scope="col">{t('admin.jobs.state')}</th>
                <th scope="col">{t('admin.jobs.attempts')}</th>
                <th scope="col">{t('admin.jobs.runAt')}</th>
                <th scope="col">{t('admin.jobs.created')}</th>
                <th scope="col">{t('admin.jobs.updated')}</th>
                <th scope="col">{t('admin.jobs.lastError')}</th>
                <th scope="col">{t('admin.jobs.action')}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id} className={job.state === 'dead' ? 'job-row--dead' : undefined}>
                  <td>{job.id}</td>
                  <td>
                    <code>{job.type}</code>
                  </td>
                  <td>
                    <Badge variant={stateBadges[job.state]}>{t(stateLabels[job.state])}</Badge>
                  </td>
                  <td>{job.attempts}</td>
                  <td>{formatDateTime(job.runAt, lng)}</td>
                  <td>{formatDateTime(job.createdAt, lng)}</td>
                  <td>{formatDateTime(job.finishedAt ?? job.updatedAt, lng)}</td>
                  <td className="break-anywhere">{job.lastError ? <code>{job.lastError}</code> : '—'}</td>
                  <td>
                    {job.state === 'dead' ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="retry" />
                        <input type="hidden" name="id" value={job.id} />
                        <button
                          type="submit"
                          className="button button-secondary"
                          aria-label={t('admin.jobs.retryJob', { id: job.id })}
                        >
                          {t('admin.jobs.retry')}
                        </button>
                      </Form>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next ? (
        <p>
          <Link to={`${here(filter)}${filter ? '&' : '?'}foer=${next}`}>{t('admin.jobs.older')}</Link>
        </p>
      ) : null}
    </>
  );
}
