import { Alert, TextField } from '@brobygger/ui';
import { type ActionFunctionArgs, data, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { FormErrorSummary, useFieldError } from '../components/form-errors';
import { useTranslation } from '../i18n/use-translation';
import { type FormErrors, formErrorsFrom, formText, readApiProblem, translatorFor } from '../lib/form.server';
import { pageMeta } from '../lib/meta';

type ForgotActionData = { done: true } | { done: false; email: string; errors: FormErrors };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = formText(form, 'email');
  const response = await context.api.api.auth['password-reset'].$post({ json: { email } });
  // The same answer for every address: it never tells whether one has an account.
  if (response.ok) return data<ForgotActionData>({ done: true });
  const problem = await readApiProblem(response);
  return data<ForgotActionData>(
    { done: false, email, errors: formErrorsFrom(problem, translatorFor(request), ['email']) },
    { status: problem.status },
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, { key: 'forgot.title' });

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>() as ForgotActionData | undefined;
  const { t } = useTranslation();
  const errors = actionData && !actionData.done ? actionData.errors : undefined;
  const fieldError = useFieldError(errors);
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t('forgot.heading')}</h1>
        {actionData?.done ? (
          <Alert variant="success" role="status" heading={t('forgot.doneHeading')}>
            <p>{t('forgot.doneText')}</p>
          </Alert>
        ) : (
          <>
            <p className="font-lead">{t('forgot.lead')}</p>
            <FormErrorSummary errors={errors} />
            <Form method="post" noValidate>
              <TextField
                id="email"
                label={t('form.email')}
                type="email"
                autoComplete="email"
                defaultValue={actionData && !actionData.done ? actionData.email : undefined}
                spellCheck={false}
                required
                {...fieldError('email')}
              />
              <div className="form-actions">
                <button type="submit" className="button button-primary">
                  {t('forgot.submit')}
                </button>
              </div>
            </Form>
          </>
        )}
        <p className="account-links">
          <Link to="/log-ind">{t('forgot.backToLogin')}</Link>
        </p>
      </div>
    </div>
  );
}
