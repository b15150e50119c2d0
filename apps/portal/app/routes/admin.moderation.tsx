import { Alert, Badge } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { FormErrorSummary } from '../components/form-errors';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import { formatEventTime } from '../lib/event-format';
import { requireEventManager } from '../lib/events.server';
import { type FormErrors, formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { hydrate } from '../lib/hydration';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';

// Associations and volunteers (issue 10): staff verify associations and moderate activities —
// approve, reject with a reason (mailed to the poster), or take a published activity down.
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireEventManager(request, context);
  const [queue, pending, published] = await Promise.all([
    context.api.api.admin.moderation.$get(),
    context.api.api.admin.associations.pending.$get(),
    context.api.api.events.$get({ query: { type: 'activity' } }),
  ]);
  if (queue.status === 401) throw redirect(loginUrl(request));
  if (!queue.ok) apiFailure('GET /api/admin/moderation', queue.status);
  if (!pending.ok) apiFailure('GET /api/admin/associations/pending', pending.status);
  if (!published.ok) apiFailure('GET /api/events', published.status);
  return {
    activities: (await queue.json()).activities,
    associations: (await pending.json()).associations,
    published: (await published.json()).events.filter((event) => event.status === 'published'),
  };
}

interface ActionData {
  done?: 'verified' | 'approved' | 'rejected' | 'unpublished';
  target?: string;
  errors?: FormErrors;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const t = translatorFor(request);
  const id = formText(form, 'id');
  const reason = formText(form, 'reason');
  let response: Response;
  let done: ActionData['done'];
  if (intent === 'verify') {
    response = await context.api.api.associations[':slug'].verify.$post({
      param: { slug: formText(form, 'slug') },
    });
    done = 'verified';
  } else if (intent === 'approve') {
    response = await context.api.api.activities[':id'].approve.$post({ param: { id } });
    done = 'approved';
  } else if (intent === 'reject') {
    response = await context.api.api.activities[':id'].reject.$post({ param: { id }, json: { reason } });
    done = 'rejected';
  } else if (intent === 'unpublish') {
    response = await context.api.api.activities[':id'].unpublish.$post({ param: { id }, json: { reason } });
    done = 'unpublished';
  } else {
    return data<ActionData>({ errors: { form: [], fields: {} } }, { status: 400 });
  }
  if (response.status === 401) throw redirect(loginUrl(request));
  if (response.ok) return data<ActionData>({ done });
  const problem = await readApiProblem(response);
  // The reason belongs to the activity's own form: its id names the field.
  const fields = problem.fields.reason ? { [`reason-${id}`]: problem.fields.reason } : {};
  return data<ActionData>(
    {
      target: id,
      errors: formErrorsFrom({ ...problem, fields }, t, [`reason-${id}`]),
    },
    { status: problem.status },
  );
}

export const handle = hydrate;

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'moderation.title' });

export default function ModerationPage() {
  const { activities, associations, published } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, lng, dataLang } = useTranslation();
  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.home'), to: '/' }, { label: t('moderation.title') }]} />
      <h1>{t('moderation.title')}</h1>
      {actionData?.done ? (
        <Alert variant="success" role="status">
          <p>{t(`moderation.done.${actionData.done}`)}</p>
        </Alert>
      ) : null}
      <FormErrorSummary errors={actionData?.errors} />

      <section aria-labelledby="associations-heading">
        <h2 id="associations-heading">{t('moderation.associations')}</h2>
        {associations.length === 0 ? (
          <p>{t('moderation.noAssociations')}</p>
        ) : (
          <ul className="nobullet-list">
            {associations.map((association) => (
              <li key={association.slug} className="moderation-item">
                <h3 className="h4" lang={dataLang}>
                  <Link to={`/foreninger/${association.slug}`}>{association.name}</Link>
                </h3>
                <p>
                  {association.cvr ? `${t('associations.cvr')}: ${association.cvr} · ` : ''}
                  {t('moderation.registeredBy', { name: association.createdBy ?? '—' })}
                </p>
                <Form method="post">
                  <input type="hidden" name="intent" value="verify" />
                  <input type="hidden" name="slug" value={association.slug} />
                  <button type="submit" className="button button-primary">
                    {t('moderation.verify', { name: association.name })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="activities-heading">
        <h2 id="activities-heading">{t('moderation.activities')}</h2>
        {activities.length === 0 ? (
          <p>{t('moderation.noActivities')}</p>
        ) : (
          <ul className="nobullet-list">
            {activities.map((activity) => {
              const reasonId = `reason-${activity.id}`;
              const reasonError =
                actionData?.target === String(activity.id) ? actionData.errors?.fields[reasonId] : undefined;
              return (
                <li key={activity.id} className="moderation-item">
                  <h3 className="h4" lang={dataLang}>
                    {activity.title}
                  </h3>
                  <p>
                    <span lang={dataLang}>{activity.association.name}</span>{' '}
                    {activity.association.verified ? null : (
                      <Badge variant="warning">{t('associations.pending')}</Badge>
                    )}
                    {' · '}
                    {formatEventTime(activity.startsAt, activity.endsAt, lng)}
                    {activity.address ? ` · ${activity.address}` : ''}
                  </p>
                  {activity.description ? (
                    <p className="moderation-description" lang={dataLang}>
                      {activity.description.slice(0, 600)}
                    </p>
                  ) : null}
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="approve" />
                    <input type="hidden" name="id" value={activity.id} />
                    <button type="submit" className="button button-primary">
                      {t('moderation.approve', { title: activity.title })}
                    </button>
                  </Form>
                  <Form method="post" noValidate>
                    <input type="hidden" name="intent" value="reject" />
                    <input type="hidden" name="id" value={activity.id} />
                    <div className={reasonError ? 'form-group form-error' : 'form-group'}>
                      <label className="form-label" htmlFor={reasonId}>
                        {t('moderation.reason')}
                      </label>
                      {reasonError ? (
                        <span className="form-error-message" id={`${reasonId}-error`}>
                          <span className="sr-only">{t('form.errorPrefix')} </span>
                          <span lang={dataLang}>{reasonError.text}</span>
                        </span>
                      ) : null}
                      <textarea
                        className="form-input input-width-xl"
                        id={reasonId}
                        name="reason"
                        rows={3}
                        maxLength={1000}
                        aria-describedby={reasonError ? `${reasonId}-error` : undefined}
                      />
                    </div>
                    <button type="submit" className="button button-secondary">
                      {t('moderation.reject', { title: activity.title })}
                    </button>
                  </Form>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="published-heading">
        <h2 id="published-heading">{t('moderation.published')}</h2>
        <p>{t('moderation.publishedLead')}</p>
        {published.length === 0 ? (
          <p>{t('moderation.noPublished')}</p>
        ) : (
          <ul className="nobullet-list">
            {published.map((event) => (
              <li key={event.id} className="moderation-item">
                <h3 className="h4" lang={dataLang}>
                  <Link to={`/arrangementer/${event.id}`}>{event.title}</Link>
                </h3>
                <p>
                  <span lang={dataLang}>{event.organiserName}</span> ·{' '}
                  {formatEventTime(event.startsAt, event.endsAt, lng)}
                </p>
                <Form method="post" noValidate>
                  <input type="hidden" name="intent" value="unpublish" />
                  <input type="hidden" name="id" value={event.id} />
                  <div className="form-group">
                    <label className="form-label" htmlFor={`unpublish-${event.id}`}>
                      {t('moderation.unpublishReason')}
                    </label>
                    <input
                      className="form-input input-width-xl"
                      id={`unpublish-${event.id}`}
                      name="reason"
                      maxLength={1000}
                    />
                  </div>
                  <button type="submit" className="button button-secondary">
                    {t('moderation.unpublish', { title: event.title })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
