import { Alert } from '@brobygger/ui';
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
import { type FormErrors, formErrorsFrom, readApiProblem, translatorFor } from '../lib/form.server';
import { pageMeta } from '../lib/meta';
import { loginUrl } from '../lib/redirect-to';

// Associations and volunteers (issue 10): an invitation link — accepted once, signed in with the
// address it was sent to. A plain form: it works without JavaScript.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const [response, user] = await Promise.all([
    context.api.api['association-invitations'][':token'].$get({ param: { token: params.token ?? '' } }),
    context.currentUser().catch(() => null),
  ]);
  if (!response.ok) apiFailure('GET /api/association-invitations/:token', response.status);
  return { invitation: await response.json(), signedIn: user !== null, login: loginUrl(request) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const response = await context.api.api['association-invitations'][':token'].accept.$post({
    param: { token: params.token ?? '' },
  });
  if (response.status === 401) throw redirect(loginUrl(request));
  if (response.ok) {
    const { association } = await response.json();
    return redirect(`/foreninger/${association.slug}/administrer`);
  }
  const problem = await readApiProblem(response);
  return data<{ errors: FormErrors }>(
    { errors: formErrorsFrom(problem, translatorFor(request), []) },
    { status: problem.status },
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'invitation.title' });

export default function InvitationPage() {
  const { invitation, signedIn, login } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, dataLang } = useTranslation();
  const role =
    invitation.role === 'admin' ? t('associationAdmin.roleAdmin') : t('associationAdmin.roleMember');
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('associations.title'), to: '/foreninger' },
          { label: t('invitation.title') },
        ]}
      />
      <h1>{t('invitation.title')}</h1>
      <p className="font-lead">
        {t('invitation.lead', { role })} <strong lang={dataLang}>{invitation.association.name}</strong>
      </p>
      <FormErrorSummary errors={actionData?.errors} />
      {!invitation.usable ? (
        <Alert variant="warning">
          <p>{t('invitation.unusable')}</p>
        </Alert>
      ) : signedIn ? (
        <Form method="post">
          <p>{t('invitation.sentTo', { email: invitation.email })}</p>
          <button type="submit" className="button button-primary">
            {t('invitation.accept')}
          </button>
        </Form>
      ) : (
        <p>
          {t('invitation.signInFirst', { email: invitation.email })}{' '}
          <Link to={login}>{t('account.logIn')}</Link>
          {' · '}
          <Link to="/opret-bruger">{t('account.register')}</Link>
        </p>
      )}
    </>
  );
}
