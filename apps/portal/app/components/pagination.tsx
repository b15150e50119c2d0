import { Pagination as PaginationNav } from '@brobygger/ui';
import { Link, useLocation } from '@remix-run/react';
import { useTranslation } from '../i18n/use-translation';

/**
 * The previous and next links under a paged list, in the page's language. The links keep the
 * list's filters (`query`, as the loader read them from the URL), so they work without JavaScript
 * and the page cache sees one address per page of a search; with JavaScript they navigate as Links.
 */
export function Pagination({
  page,
  total,
  pageSize,
  query,
  pageParam,
  label,
}: {
  page: number;
  total: number;
  pageSize: number;
  query?: Readonly<Record<string, string | undefined>>;
  /** `page` unless the list's URL names it otherwise (the admin lists: `side`). */
  pageParam?: string;
  /** The landmark's name when "Sider" says too little (the search's result pages). */
  label?: string;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <PaginationNav
      path={pathname}
      page={page}
      pages={pages}
      query={query}
      pageParam={pageParam}
      label={label ?? t('pagination.label')}
      previousLabel={t('pagination.previous')}
      nextLabel={t('pagination.next')}
      currentLabel={t('pagination.pageOf', { page, pages })}
      renderLink={({ href, rel, children }) => (
        <Link to={href} rel={rel}>
          {children}
        </Link>
      )}
    />
  );
}
