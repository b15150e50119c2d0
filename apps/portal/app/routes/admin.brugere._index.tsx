import { Badge } from '@brobygger/ui';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { AdminNav } from '../components/admin-nav';
import { Pagination } from '../components/pagination';
import { useRoleText } from '../components/role-list';
import { useTranslation } from '../i18n/use-translation';
import { adminApiFailure } from '../lib/admin.server';
import { hydrate } from '../lib/hydration';
import { pageMeta } from '../lib/meta';
import { requireAdmin } from '../lib/session.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context);
  const url = new URL(request.url);
  const q = url.searchParams.get('q')?.trim().slice(0, 100) ?? '';
  const requestedPage = Number.parseInt(url.searchParams.get('side') ?? '1', 10);
  const page =
    Number.isInteger(requestedPage) && requestedPage >= 1 && requestedPage <= 10_000 ? requestedPage : 1;
  const response = await context.api.api.admin.users.$get({
    query: { ...(q ? { q } : {}), page: String(page) },
  });
  if (!response.ok) return adminApiFailure(request, response, 'GET /api/admin/users');
  const result = await response.json();
  return { ...result, q };
}

// Signed-in pages keep React in the browser (client-side navigation between them). They are not
// public pages, which ship no JavaScript (lib/hydration.ts).
export const handle = hydrate;

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'admin.users.title' });

export default function AdminUsersPage() {
  const { users, total, page, pageSize, q } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const roleText = useRoleText();

  return (
    <>
      <h1>{t('admin.users.heading')}</h1>
      <AdminNav />
      <Form method="get" className="search-form" role="search">
        <div className="form-group">
          <label className="form-label" htmlFor="q">
            {t('admin.users.search')}
          </label>
          <input
            className="form-input input-width-l"
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={100}
          />
        </div>
        <button type="submit" className="button button-secondary">
          {t('admin.users.searchSubmit')}
        </button>
      </Form>
      <p role="status">{t('admin.users.count', { total })}</p>
      <div className="table-wrapper">
        <table className="table table--compact">
          <caption className="sr-only">{t('admin.users.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('form.name')}</th>
              <th scope="col">{t('form.email')}</th>
              <th scope="col">{t('myPage.roles')}</th>
              <th scope="col">{t('admin.users.status')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link to={`/admin/brugere/${user.id}`}>{user.displayName}</Link>
                </td>
                <td className="break-anywhere">{user.email}</td>
                <td>{user.roles.map(roleText).join(', ') || t('roles.none')}</td>
                <td>
                  {user.disabled ? (
                    <Badge variant="error">{t('admin.users.disabled')}</Badge>
                  ) : (
                    <Badge variant="success">{t('admin.users.active')}</Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} total={total} pageSize={pageSize} query={{ q }} pageParam="side" />
    </>
  );
}
