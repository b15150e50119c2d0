import { Alert, TextField } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { flashUrl } from '../components/flash-message';
import { FormErrorSummary, useFieldError } from '../components/form-errors';
import { useTranslation } from '../i18n/use-translation';
import { type FormErrors, formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { pageMeta } from '../lib/meta';

// Opening the link only shows the form: the token is used when the form is sent, never on GET
// (mail scanners open links too).
export async function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get('token')?.slice(0, 200) ?? '' };
}

interface ResetActionData {
  invalidLink?: boolean;
  errors?: FormErrors;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const response = await context.api.api.auth['password-reset'].confirm.$post({
    json: { token: formText(form, 'token'), password: formText(form, 'password') },
  });
  if (response.ok) return redirect(flashUrl('/log-ind', 'adgangskode-nulstillet'));
  const problem = await readApiProblem(response);
  if (problem.code === 'invalid_token' || problem.fields.token) {
    return data<ResetActionData>({ invalidLink: true }, { status: 400 });
  }
  return data<ResetActionData>(
    { errors: formErrorsFrom(problem, translatorFor(request), ['password']) },
    { status: problem.status },
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches, { key: 'reset.title' });

export default function ResetPasswordPage() {
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ResetActionData | undefined;
  const { t } = useTranslation();
  const fieldError = useFieldError(actionData?.errors);
  const invalid = !token || actionData?.invalidLink;
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t('reset.heading')}</h1>
        {invalid ? (
          <>
            <Alert variant="error" heading={t('link.invalidHeading')}>
              <p>{t('link.invalidText')}</p>
            </Alert>
            <p>
              <Link to="/glemt-adgangskode">{t('reset.askAgain')}</Link>
            </p>
          </>
        ) : (
          <>
            <p className="font-lead">{t('reset.lead')}</p>
            <FormErrorSummary errors={actionData?.errors} />
            <Form method="post" noValidate>
              <input type="hidden" name="token" value={token} />
              <TextField
                id="password"
                label={t('myPage.newPassword')}
                type="password"
                autoComplete="new-password"
                hint={t('form.newPasswordHint')}
                required
                {...fieldError('password')}
              />
              <div className="form-actions">
                <button type="submit" className="button button-primary">
                  {t('reset.submit')}
                </button>
              </div>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
