import { TextField } from '@brobygger/ui';
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { FormErrorSummary, useFieldError } from '../components/form-errors';
import { SecondFactorFields } from '../components/second-factor-fields';
import { useTranslation } from '../i18n/use-translation';
import {
  type FormErrors,
  formErrorsFrom,
  formText,
  forwardedCookies,
  readApiProblem,
  translatorFor,
} from '../lib/form.server';
import { pageMeta } from '../lib/meta';
import { safeRedirectTo } from '../lib/redirect-to';

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Already signed in: straight on.
  if (await context.currentUser().catch(() => null)) {
    throw redirect(safeRedirectTo(new URL(request.url).searchParams.get('redirectTo')));
  }
  return null;
}

interface LoginActionData {
  email: string;
  /** The account has two-factor authentication: ask for the code (and the password again). */
  secondStep: boolean;
  errors?: FormErrors;
}

const fieldNames = ['email', 'password', 'totpCode', 'recoveryCode'];

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const t = translatorFor(request);
  const email = formText(form, 'email');
  const totpCode = formText(form, 'totpCode').trim();
  const recoveryCode = formText(form, 'recoveryCode').trim();
  const secondStep = form.get('step') === 'two-factor';
  const response = await context.api.api.auth.login.$post({
    json: {
      email,
      password: formText(form, 'password'),
      ...(totpCode ? { totpCode } : {}),
      ...(recoveryCode && !totpCode ? { recoveryCode } : {}),
    },
  });
  if (response.ok) {
    const to = safeRedirectTo(new URL(request.url).searchParams.get('redirectTo'));
    return redirect(to, { headers: forwardedCookies(response) });
  }
  const problem = await readApiProblem(response);
  if (problem.code === 'totp_required') {
    return data<LoginActionData>({ email, secondStep: true }, { status: 401 });
  }
  // Never which of email, password or code was wrong: one message for all.
  const errors =
    problem.code === 'invalid_credentials'
      ? {
          form: [{ text: t(secondStep ? 'login.invalidSecondStep' : 'login.invalidCredentials') }],
          fields: {},
        }
      : formErrorsFrom(problem, t, fieldNames);
  return data<LoginActionData>({ email, secondStep, errors }, { status: problem.status });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches, { key: 'login.title' });

export default function LoginPage() {
  const actionData = useActionData<typeof action>() as LoginActionData | undefined;
  const { t } = useTranslation();
  const fieldError = useFieldError(actionData?.errors);
  const secondStep = actionData?.secondStep ?? false;
  // A fresh form after every answer, as without JavaScript: the password is typed again.
  const [formVersion, setFormVersion] = useState(0);
  useEffect(() => {
    if (actionData) setFormVersion((version) => version + 1);
  }, [actionData]);

  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t('login.heading')}</h1>
        {secondStep ? <p className="font-lead">{t('login.secondStepLead')}</p> : null}
        <FormErrorSummary errors={actionData?.errors} />
        {/* The action keeps ?redirectTo= because the form posts back to this very URL. */}
        <Form method="post" noValidate key={formVersion}>
          {secondStep ? <input type="hidden" name="step" value="two-factor" /> : null}
          <TextField
            id="email"
            label={t('form.email')}
            type="email"
            autoComplete="email"
            defaultValue={actionData?.email}
            spellCheck={false}
            required
            {...fieldError('email')}
          />
          <TextField
            id="password"
            label={t('form.password')}
            type="password"
            autoComplete="current-password"
            hint={secondStep ? t('login.passwordAgainHint') : undefined}
            required
            {...fieldError('password')}
          />
          {secondStep ? (
            <SecondFactorFields
              code={{ id: 'totpCode', name: 'totpCode' }}
              recoveryCode={{ id: 'recoveryCode', name: 'recoveryCode' }}
              fieldError={fieldError}
            />
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('login.submit')}
            </button>
          </div>
        </Form>
        <ul className="account-links">
          <li>
            <Link to="/glemt-adgangskode">{t('login.forgotPassword')}</Link>
          </li>
          <li>
            <Link to="/opret-bruger">{t('login.noAccount')}</Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
