import { Alert } from '@brobygger/ui';
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { useTranslation } from '../i18n/use-translation';
import { formText } from '../lib/form.server';
import { pageMeta } from '../lib/meta';

// The unsubscribe link of a digest mail: works without signing in. The GET shows a button (so a
// mail scanner that opens links unsubscribes nobody); the POST ends every follow.
export function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  return { token: /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : '' };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const token = formText(await request.formData(), 'token');
  const response = await context.api.api.forum.unsubscribe.$post({ json: { token } });
  return data({ done: response.ok }, { status: response.ok ? 200 : 400 });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'forum.unsubscribeTitle' });

export default function UnsubscribePage() {
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.forum'), to: '/forum' },
          { label: t('forum.unsubscribeTitle') },
        ]}
      />
      <h1>{t('forum.unsubscribeTitle')}</h1>
      {actionData?.done ? (
        <Alert variant="success" role="status">
          {t('forum.unsubscribed')}
        </Alert>
      ) : actionData ? (
        <Alert variant="error" role="alert">
          {t('forum.unsubscribeInvalid')}
        </Alert>
      ) : token ? (
        <Form method="post">
          <p>{t('forum.unsubscribeLead')}</p>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button button-primary">
            {t('forum.unsubscribeButton')}
          </button>
        </Form>
      ) : (
        <Alert variant="error" role="alert">
          {t('forum.unsubscribeInvalid')}
        </Alert>
      )}
    </>
  );
}
