import { Alert, TextField } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { FormErrorSummary, useFieldError } from '../components/form-errors';
import { useTranslation } from '../i18n/use-translation';
import { type FormErrors, formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { pageMeta } from '../lib/meta';
import { signedInHome } from '../lib/redirect-to';

export async function loader({ context }: LoaderFunctionArgs) {
  if (await context.currentUser().catch(() => null)) throw redirect(signedInHome);
  return null;
}

type RegisterActionData =
  | { done: true }
  | { done: false; values: { displayName: string; email: string }; errors: FormErrors };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = { displayName: formText(form, 'displayName'), email: formText(form, 'email') };
  const response = await context.api.api.auth.register.$post({
    json: { ...values, password: formText(form, 'password') },
  });
  // The same answer whether or not the email already has an account.
  if (response.ok) return data<RegisterActionData>({ done: true });
  const problem = await readApiProblem(response);
  const errors = formErrorsFrom(problem, translatorFor(request), ['displayName', 'email', 'password']);
  return data<RegisterActionData>({ done: false, values, errors }, { status: problem.status });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'register.title' });

export default function RegisterPage() {
  const actionData = useActionData<typeof action>() as RegisterActionData | undefined;
  const { t } = useTranslation();
  const errors = actionData && !actionData.done ? actionData.errors : undefined;
  const values = actionData && !actionData.done ? actionData.values : undefined;
  const fieldError = useFieldError(errors);

  if (actionData?.done) {
    return (
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          <h1>{t('register.doneHeading')}</h1>
          <Alert variant="success" role="status" heading={t('register.doneAlert')}>
            <p>{t('register.doneText')}</p>
          </Alert>
          <p>
            <Link to="/log-ind">{t('account.logIn')}</Link>
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t('register.heading')}</h1>
        <p className="font-lead">{t('register.lead')}</p>
        <FormErrorSummary errors={errors} />
        <Form method="post" noValidate>
          <TextField
            id="displayName"
            label={t('form.name')}
            autoComplete="name"
            defaultValue={values?.displayName}
            maxLength={100}
            required
            {...fieldError('displayName')}
          />
          <TextField
            id="email"
            label={t('form.email')}
            type="email"
            autoComplete="email"
            defaultValue={values?.email}
            spellCheck={false}
            required
            {...fieldError('email')}
          />
          <TextField
            id="password"
            label={t('form.password')}
            type="password"
            autoComplete="new-password"
            hint={t('form.newPasswordHint')}
            required
            {...fieldError('password')}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('register.submit')}
            </button>
          </div>
        </Form>
        <p>
          <Link to="/log-ind">{t('register.haveAccount')}</Link>
        </p>
      </div>
    </div>
  );
}
