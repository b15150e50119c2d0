import { Alert, Badge, TextField } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { AssociationForm } from '../components/association-form';
import { Breadcrumbs } from '../components/breadcrumbs';
import { FormErrorSummary, useFieldError } from '../components/form-errors';
import type { MessageKey } from '../i18n';
import { useTranslation } from '../i18n/use-translation';
import { apiFailure } from '../lib/api-failure.server';
import {
  type AssociationFormValues,
  associationFormFields,
  associationValues,
  fieldErrorsOf,
} from '../lib/associations.server';
import { formatEventTime } from '../lib/event-format';
import { type FormErrors, formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { hydrate } from '../lib/hydration';
import { pageMeta } from '../lib/meta';
import { getFocusAreas } from '../lib/policy.server';
import { loginUrl } from '../lib/redirect-to';
import { requireUser } from '../lib/session.server';

// Associations and volunteers (issue 10): an association's members manage it — the profile, the
// members and invitations (admins), and the activities they posted with their moderation state.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [response, focusAreas] = await Promise.all([
    context.api.api.associations[':slug'].$get({ param: { slug: params.slug ?? '' } }),
    getFocusAreas(context.api),
  ]);
  if (!response.ok) apiFailure('GET /api/associations/:slug', response.status);
  const { association, membership } = await response.json();
  if (!membership) throw data({ reason: 'role' }, { status: 403 });
  return {
    association,
    membership,
    myId: user.id,
    focusAreas: focusAreas.map(({ slug, name }) => ({ slug, name })),
  };
}

type ActionData =
  | { intent: 'edit'; done: false; values: AssociationFormValues; errors: FormErrors }
  | { intent: 'invite'; done: false; email: string; errors: FormErrors }
  | { intent: 'member'; done: false; errors: FormErrors }
  | { intent: 'invite' | 'edit'; done: true };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const slug = params.slug ?? '';
  const t = translatorFor(request);
  const association = context.api.api.associations[':slug'];
  if (intent === 'edit') {
    const values = associationValues(form);
    const response = await association.$patch({ param: { slug }, json: values as never });
    if (response.status === 401) throw redirect(loginUrl(request));
    if (response.ok) return data<ActionData>({ intent, done: true });
    const problem = await readApiProblem(response);
    return data<ActionData>(
      { intent, done: false, values, errors: fieldErrorsOf(problem, t, associationFormFields) },
      { status: problem.status },
    );
  }
  if (intent === 'invite') {
    const email = formText(form, 'email');
    const role = formText(form, 'role') === 'admin' ? 'admin' : 'member';
    const response = await association.invitations.$post({ param: { slug }, json: { email, role } });
    if (response.status === 401) throw redirect(loginUrl(request));
    if (response.ok) return data<ActionData>({ intent, done: true });
    const problem = await readApiProblem(response);
    return data<ActionData>(
      { intent, done: false, email, errors: formErrorsFrom(problem, t, ['email']) },
      { status: problem.status },
    );
  }
  if (intent === 'cancel-activity') {
    const response = await context.api.api.activities[':id'].cancel.$post({
      param: { id: formText(form, 'eventId') },
    });
    if (response.status === 401) throw redirect(loginUrl(request));
    if (response.ok) return redirect(`/foreninger/${slug}/administrer`);
    const problem = await readApiProblem(response);
    return data<ActionData>(
      { intent: 'member', done: false, errors: formErrorsFrom(problem, t, []) },
      { status: problem.status },
    );
  }
  if (intent === 'role' || intent === 'remove') {
    const userId = formText(form, 'userId');
    const member = association.members[':userId'];
    const response =
      intent === 'remove'
        ? await member.$delete({ param: { slug, userId } })
        : await member.$put({
            param: { slug, userId },
            json: { role: formText(form, 'role') === 'admin' ? 'admin' : 'member' },
          });
    if (response.status === 401) throw redirect(loginUrl(request));
    if (response.ok) {
      // Leaving (or stepping down) may take this page away: back to the public profile then.
      const after = await association.$get({ param: { slug } });
      const stillMember = after.ok && (await after.json()).membership !== null;
      return redirect(stillMember ? `/foreninger/${slug}/administrer` : `/foreninger`);
    }
    const problem = await readApiProblem(response);
    return data<ActionData>(
      { intent: 'member', done: false, errors: formErrorsFrom(problem, t, []) },
      { status: problem.status },
    );
  }
  return data<ActionData>(
    { intent: 'member', done: false, errors: { form: [], fields: {} } },
    { status: 400 },
  );
}

export const handle = hydrate;

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'associationAdmin.title' });

const moderationLabels: Record<string, MessageKey> = {
  pending: 'associationAdmin.moderationPending',
  approved: 'associationAdmin.moderationApproved',
  auto: 'associationAdmin.moderationApproved',
  rejected: 'associationAdmin.moderationRejected',
  unpublished: 'associationAdmin.moderationUnpublished',
};

export default function AssociationAdminPage() {
  const { association, membership, myId, focusAreas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, lng, dataLang } = useTranslation();
  const inviteErrors = actionData?.intent === 'invite' && !actionData.done ? actionData.errors : undefined;
  const memberErrors = actionData?.intent === 'member' && !actionData.done ? actionData.errors : undefined;
  const editErrors = actionData?.intent === 'edit' && !actionData.done ? actionData.errors : undefined;
  const inviteField = useFieldError(inviteErrors);
  const values: AssociationFormValues =
    actionData?.intent === 'edit' && !actionData.done
      ? actionData.values
      : {
          name: association.name,
          cvr: association.cvr ?? '',
          description: association.description,
          contactName: association.contactName ?? '',
          email: association.email ?? '',
          phone: association.phone ?? '',
          website: association.website ?? '',
          address: association.address ?? '',
          languages: association.languages,
          focusAreas: association.focusAreas.map((area) => area.slug),
        };
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('associations.title'), to: '/foreninger' },
          { label: association.name, to: `/foreninger/${association.slug}`, lang: dataLang },
          { label: t('associationAdmin.title') },
        ]}
      />
      <h1>{t('associationAdmin.heading', { name: association.name })}</h1>
      {!association.verified ? (
        <Alert variant="info">
          <p>{t('associationAdmin.pendingInfo')}</p>
        </Alert>
      ) : null}
      {actionData?.done ? (
        <Alert variant="success" role="status">
          <p>
            {actionData.intent === 'invite' ? t('associationAdmin.invited') : t('associationAdmin.saved')}
          </p>
        </Alert>
      ) : null}
      <p>
        <Link to={`/foreninger/${association.slug}/aktiviteter/ny`} className="button button-primary">
          {t('associations.postActivityLink')}
        </Link>
      </p>

      <section aria-labelledby="posted-heading">
        <h2 id="posted-heading">{t('associationAdmin.activities')}</h2>
        {membership.postedActivities.length === 0 ? (
          <p>{t('associationAdmin.noActivities')}</p>
        ) : (
          <div className="table--responsive-scroll">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t('associationAdmin.activity')}</th>
                  <th scope="col">{t('associationAdmin.when')}</th>
                  <th scope="col">{t('associationAdmin.moderation')}</th>
                  <th scope="col">{t('associationAdmin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {membership.postedActivities.map((activity) => (
                  <tr key={activity.id}>
                    <td lang={dataLang}>
                      {activity.status === 'published' ? (
                        <Link to={`/arrangementer/${activity.id}`}>{activity.title}</Link>
                      ) : (
                        activity.title
                      )}
                      {activity.status === 'published' ? (
                        <>
                          {' · '}
                          <Link to={`/arrangementer/${activity.id}/deltagere`}>{t('participants.link')}</Link>
                        </>
                      ) : null}
                    </td>
                    <td>{formatEventTime(activity.startsAt, activity.startsAt, lng)}</td>
                    <td>
                      {t(moderationLabels[activity.moderation] ?? 'associationAdmin.moderationPending')}
                      {activity.reason ? (
                        <>
                          : <span lang={dataLang}>{activity.reason}</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {activity.status !== 'cancelled' &&
                      new Date(activity.startsAt).getTime() > Date.now() ? (
                        <Link
                          to={`/foreninger/${association.slug}/aktiviteter/${activity.id}`}
                          className="inline-form"
                        >
                          {t('associationAdmin.editActivity', { title: activity.title })}
                        </Link>
                      ) : null}
                      {activity.status !== 'cancelled' &&
                      new Date(activity.startsAt).getTime() > Date.now() ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="cancel-activity" />
                          <input type="hidden" name="eventId" value={activity.id} />
                          <button type="submit" className="button button-tertiary">
                            {t('associationAdmin.cancelActivity', { title: activity.title })}
                          </button>
                        </Form>
                      ) : activity.status === 'cancelled' ? (
                        t('events.statusCancelled')
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('associationAdmin.members')}</h2>
        <FormErrorSummary errors={memberErrors} />
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('participants.name')}</th>
                <th scope="col">{t('participants.email')}</th>
                <th scope="col">{t('associationAdmin.role')}</th>
                <th scope="col">{t('associationAdmin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {membership.members.map((member) => (
                <tr key={member.userId}>
                  <td>{member.name}</td>
                  <td>{member.email}</td>
                  <td>
                    {member.role === 'admin' ? (
                      <Badge variant="info">{t('associationAdmin.roleAdmin')}</Badge>
                    ) : (
                      t('associationAdmin.roleMember')
                    )}
                  </td>
                  <td>
                    {membership.canManage ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="role" />
                        <input type="hidden" name="userId" value={member.userId} />
                        <input
                          type="hidden"
                          name="role"
                          value={member.role === 'admin' ? 'member' : 'admin'}
                        />
                        <button type="submit" className="button button-tertiary">
                          {member.role === 'admin'
                            ? t('associationAdmin.makeMember', { name: member.name })
                            : t('associationAdmin.makeAdmin', { name: member.name })}
                        </button>
                      </Form>
                    ) : null}
                    {membership.canManage || member.userId === myId ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="userId" value={member.userId} />
                        <button type="submit" className="button button-tertiary">
                          {member.userId === myId
                            ? t('associationAdmin.leave')
                            : t('associationAdmin.remove', { name: member.name })}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="form-hint">{t('associationAdmin.handOverHint')}</p>
      </section>

      {membership.canManage ? (
        <>
          <section aria-labelledby="invite-heading">
            <h2 id="invite-heading">{t('associationAdmin.inviteHeading')}</h2>
            <FormErrorSummary errors={inviteErrors} />
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="invite" />
              <TextField
                id="email"
                type="email"
                label={t('associationAdmin.inviteEmail')}
                autoComplete="off"
                maxLength={254}
                defaultValue={
                  actionData?.intent === 'invite' && !actionData.done ? actionData.email : undefined
                }
                required
                {...inviteField('email')}
              />
              <fieldset className="form-group">
                <legend className="form-label">{t('associationAdmin.role')}</legend>
                <div className="form-group-radio">
                  <input
                    className="form-radio"
                    type="radio"
                    id="role-member"
                    name="role"
                    value="member"
                    defaultChecked
                  />
                  <label htmlFor="role-member">{t('associationAdmin.roleMember')}</label>
                </div>
                <div className="form-group-radio">
                  <input className="form-radio" type="radio" id="role-admin" name="role" value="admin" />
                  <label htmlFor="role-admin">{t('associationAdmin.roleAdmin')}</label>
                </div>
              </fieldset>
              <button type="submit" className="button button-primary">
                {t('associationAdmin.invite')}
              </button>
            </Form>
            {membership.invitations.length > 0 ? (
              <>
                <h3>{t('associationAdmin.openInvitations')}</h3>
                <ul>
                  {membership.invitations.map((invitation) => (
                    <li key={`${invitation.email}-${invitation.expiresAt}`}>
                      {invitation.email} (
                      {invitation.role === 'admin'
                        ? t('associationAdmin.roleAdmin')
                        : t('associationAdmin.roleMember')}
                      )
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <section aria-labelledby="edit-heading">
            <h2 id="edit-heading">{t('associationAdmin.editHeading')}</h2>
            <AssociationForm
              values={values}
              errors={editErrors}
              focusAreas={focusAreas}
              submitLabel={t('associationAdmin.save')}
              intent="edit"
            />
          </section>
        </>
      ) : null}
    </>
  );
}
