import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { AdminNav } from '../components/admin-nav';
import { useTranslation } from '../i18n/use-translation';
import { adminApiFailure } from '../lib/admin.server';
import { formatDateTime } from '../lib/format';
import { hydrate } from '../lib/hydration';
import { pageMeta } from '../lib/meta';
import { requireAdmin } from '../lib/session.server';

const pageSize = 100;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context);
  const before = Number.parseInt(new URL(request.url).searchParams.get('foer') ?? '', 10);
  const response = await context.api.api.admin['audit-log'].$get({
    query: {
      limit: String(pageSize),
      ...(Number.isInteger(before) && before > 0 ? { before: String(before) } : {}),
    },
  });
  if (!response.ok) return adminApiFailure(request, response, 'GET /api/admin/audit-log');
  const { events } = await response.json();
  return { events, next: events.length === pageSize ? events.at(-1)?.id : undefined };
}

// Signed-in pages keep React in the browser (client-side navigation between them). They are not
// public pages, which ship no JavaScript (lib/hydration.ts).
export const handle = hydrate;

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'admin.audit.title' });

export default function AuditLogPage() {
  const { events, next } = useLoaderData<typeof loader>();
  const { t, lng } = useTranslation();
  return (
    <>
      <h1>{t('admin.audit.heading')}</h1>
      <AdminNav />
      <p>{t('admin.audit.intro')}</p>
      <div className="table-wrapper">
        <table className="table table--compact">
          <caption className="sr-only">{t('admin.audit.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.audit.when')}</th>
              <th scope="col">{t('admin.audit.action')}</th>
              <th scope="col">{t('admin.audit.who')}</th>
              <th scope="col">{t('admin.audit.target')}</th>
              <th scope="col">{t('admin.audit.from')}</th>
              <th scope="col">{t('admin.audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>{formatDateTime(event.occurredAt, lng)}</td>
                <td>
                  <code>{event.action}</code>
                </td>
                <td className="break-anywhere">{event.actorEmail ?? event.actorId ?? '—'}</td>
                <td className="break-anywhere">
                  {event.targetType && event.targetId ? (
                    event.targetType === 'user' ? (
                      <Link to={`/admin/brugere/${event.targetId}`}>{event.targetId}</Link>
                    ) : (
                      `${event.targetType} ${event.targetId}`
                    )
                  ) : (
                    (event.targetType ?? '—')
                  )}
                </td>
                <td className="break-anywhere">{event.ip ?? '—'}</td>
                <td className="break-anywhere">
                  {Object.keys(event.details).length > 0 ? <code>{JSON.stringify(event.details)}</code> : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {next ? (
        <p>
          <Link to={`?foer=${next}`}>{t('admin.audit.older')}</Link>
        </p>
      ) : null}
    </>
  );
}
