import { Alert } from '@brobygger/ui';
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '../i18n/use-translation';
import { formText } from '../lib/form.server';
import { pageMeta } from '../lib/meta';

// Opening the link only shows a button: the token is used when the button is pressed, never on
// GET (mail scanners and link previews open links too).
export async function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get('token')?.slice(0, 200) ?? '' };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const response = await context.api.api.auth['verify-email'].$post({
    json: { token: formText(form, 'token') },
  });
  return data({ confirmed: response.ok }, { status: response.ok ? 200 : 400 });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches, { key: 'verify.title' });

export default function VerifyEmailPage() {
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t('verify.heading')}</h1>
        {actionData?.confirmed ? (
          <>
            <Alert variant="success" role="status" heading={t('verify.doneHeading')}>
              <p>{t('verify.doneText')}</p>
            </Alert>
            <p>
              <Link to="/min-side">{t('nav.myPage')}</Link>
            </p>
          </>
        ) : !token || actionData ? (
          <Alert variant="error" heading={t('link.invalidHeading')}>
            <p>{t('link.invalidText')}</p>
          </Alert>
        ) : (
          <>
            <p className="font-lead">{t('verify.lead')}</p>
            <Form method="post">
              <input type="hidden" name="token" value={token} />
              <button type="submit" className="button button-primary">
                {t('verify.submit')}
              </button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
