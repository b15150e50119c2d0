import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { flashUrl } from '../components/flash-message';
import { DiffText } from '../components/knowledge';
import type { MessageKey } from '../i18n';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatDateTime } from '../lib/format';
import { isStaffUser } from '../lib/knowledge.server';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  const url = new URL(request.url);
  const [history, user] = await Promise.all([
    context.api.api.resources[':slug'].revisions.$get({ param: { slug } }),
    context.currentUser().catch(() => null),
  ]);
  if (!history.ok) apiFailure('GET /api/resources/:slug/revisions', history.status);
  const found = await history.json();
  const newest = found.revisions[0]?.number ?? 1;
  const from = url.searchParams.get('fra') ?? String(Math.max(1, newest - 1));
  const to = url.searchParams.get('til') ?? String(newest);
  let diff = null;
  if (found.revisions.length > 1) {
    const answer = await context.api.api.resources[':slug'].diff.$get({
      param: { slug },
      query: { from, to },
    });
    if (answer.ok) diff = await answer.json();
    else if (answer.status !== 400 && answer.status !== 422)
      apiFailure('GET /api/resources/:slug/diff', answer.status);
  }
  return { ...found, diff, from, to, canManage: isStaffUser(user) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? '';
  const number = String((await request.formData()).get('revision') ?? '');
  const response = await context.api.api.resources[':slug'].revisions[':number'].restore.$post({
    param: { slug, number },
  });
  if (response.status === 401) throw redirect(loginUrl(request));
  if (!response.ok && response.status !== 409) apiFailure('POST restore', response.status);
  return redirect(flashUrl(`/viden/${slug}`, 'udgave-gendannet'));
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'knowledge.historyTitle' });

const fieldKeys: Record<string, MessageKey> = {
  title: 'knowledge.form.title',
  kind: 'knowledge.form.kind',
  audience: 'knowledge.form.audience',
  summary: 'knowledge.form.summary',
  url: 'knowledge.form.url',
  tags: 'knowledge.form.tags',
  focusAreas: 'knowledge.form.focusAreas',
  body: 'knowledge.form.body',
};

export default function ResourceHistoryPage() {
  const { resource, revisions, diff, from, to, canManage } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.knowledge'), to: '/viden' },
          { label: resource.title, to: `/viden/${resource.slug}`, lang: dataLang },
          { label: t('knowledge.historyTitle') },
        ]}
      />
      <h1>{t('knowledge.historyTitle')}</h1>
      <table className="table">
        <caption>{t('knowledge.revisionsCaption', { title: resource.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('knowledge.revision')}</th>
            <th scope="col">{t('knowledge.when')}</th>
            <th scope="col">{t('knowledge.who')}</th>
            <th scope="col">{t('knowledge.form.note')}</th>
            {canManage ? <th scope="col">{t('knowledge.restoreColumn')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision) => (
            <tr key={revision.number}>
              <td>{revision.number}</td>
              <td>{formatDateTime(revision.createdAt, lng)}</td>
              <td lang={dataLang}>{revision.authorName}</td>
              <td lang={dataLang}>{revision.note}</td>
              {canManage ? (
                <td>
                  {revision.number !== resource.revision ? (
                    <Form method="post">
                      <input type="hidden" name="revision" value={revision.number} />
                      <button type="submit" className="button button-tertiary">
                        {t('knowledge.restore', { number: revision.number })}
                      </button>
                    </Form>
                  ) : (
                    t('knowledge.current')
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>

      {revisions.length > 1 ? (
        <section aria-labelledby="compare-heading">
          <h2 id="compare-heading">{t('knowledge.compareHeading')}</h2>
          <Form method="get" className="event-filters__row">
            <div className="form-group">
              <label className="form-label" htmlFor="fra">
                {t('knowledge.compareFrom')}
              </label>
              <select className="form-select" id="fra" name="fra" defaultValue={from}>
                {revisions.map((revision) => (
                  <option key={revision.number} value={revision.number}>
                    {revision.number}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="til">
                {t('knowledge.compareTo')}
              </label>
              <select className="form-select" id="til" name="til" defaultValue={to}>
                {revisions.map((revision) => (
                  <option key={revision.number} value={revision.number}>
                    {revision.number}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-secondary">
              {t('knowledge.compare')}
            </button>
          </Form>
          {diff ? (
            <>
              <h3>{t('knowledge.diffHeading', { from: diff.from.number, to: diff.to.number })}</h3>
              {diff.fields.filter((field) => field.changed).length === 0 ? (
                <p>{t('knowledge.noChanges')}</p>
              ) : null}
              {diff.fields
                .filter((field) => field.changed)
                .map((field) => (
                  <div key={field.field}>
                    <h4>{t(fieldKeys[field.field] ?? 'knowledge.form.body')}</h4>
                    <DiffText parts={field.parts} lang={dataLang} />
                  </div>
                ))}
            </>
          ) : null}
        </section>
      ) : null}
      <p>
        <Link to={`/viden/${resource.slug}`}>{t('knowledge.backToResource')}</Link>
      </p>
    </>
  );
}
