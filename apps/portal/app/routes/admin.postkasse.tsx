import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Fragment } from 'react';
import { AdminNav } from '../components/admin-nav';
import { useTranslation } from '../i18n/use-translation';
import { adminApiFailure } from '../lib/admin.server';
import { formatDateTime } from '../lib/format';
import { hydrate } from '../lib/hydration';
import { pageMeta } from '../lib/meta';
import { requireAdmin } from '../lib/session.server';

// The development mailbox: only when the API has one (no SMTP_URL); otherwise it answers 404.
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context);
  const response = await context.api.api.admin['dev-mailbox'].$get();
  if (response.status !== 200) return adminApiFailure(request, response, 'GET /api/admin/dev-mailbox');
  const { emails } = await response.json();
  return { emails };
}

// Signed-in pages keep React in the browser (client-side navigation between them). They are not
// public pages, which ship no JavaScript (lib/hydration.ts).
export const handle = hydrate;

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'admin.mailbox.title' });

/** The message's text with its web addresses as links (the verification and reset links). */
function MailText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <pre className="mail-text">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={`${index}-${part}`} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={`${index}-${part.slice(0, 20)}`}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}

export default function DevMailboxPage() {
  const { emails } = useLoaderData<typeof loader>();
  const { t, lng, dataLang } = useTranslation();
  return (
    <>
      <h1>{t('admin.mailbox.heading')}</h1>
      <AdminNav />
      <p>{t('admin.mailbox.intro')}</p>
      {emails.length === 0 ? <p>{t('admin.mailbox.empty')}</p> : null}
      {emails.map((email) => (
        <article key={email.id} className="mail" aria-labelledby={`mail-${email.id}`}>
          <h2 id={`mail-${email.id}`} className="h3" lang={dataLang}>
            {email.subject}
          </h2>
          <p>{t('admin.mailbox.to', { to: email.to, date: formatDateTime(email.createdAt, lng) })}</p>
          <div lang={dataLang}>
            <MailText text={email.text} />
          </div>
        </article>
      ))}
    </>
  );
}
