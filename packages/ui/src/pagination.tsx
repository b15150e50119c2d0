import type { ReactNode } from 'react';

export interface PaginationLinkProps {
  href: string;
  rel: 'prev' | 'next';
  children: ReactNode;
}

export interface PaginationProps {
  /** The list's path, e.g. `/arrangementer`; every link goes there. */
  path: string;
  /** The page shown, counted from 1. */
  page: number;
  /** How many pages there are. With one page (or none) nothing is rendered. */
  pages: number;
  /** The list's filters as they are in the URL: every link keeps them. Empty values are left out. */
  query?: Readonly<Record<string, string | undefined>> | undefined;
  /** The query parameter that carries the page number: `page` unless given. */
  pageParam?: string | undefined;
  /** The navigation landmark's name, e.g. "Sider". */
  label: string;
  previousLabel: string;
  nextLabel: string;
  /** The current page in words, e.g. "Side 2 af 3". */
  currentLabel: string;
  /** Renders a link, e.g. the router's own; a plain `<a>` by default. */
  renderLink?: (link: PaginationLinkProps) => ReactNode;
}

/**
 * The address of one page of a list: its path, its filters (empty ones left out) and the page
 * number last, which page 1 leaves out, so the first page has one address whichever way it is reached.
 */
export function pageHref(
  path: string,
  query: Readonly<Record<string, string | undefined>>,
  pageParam: string,
  target: number,
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value && name !== pageParam) params.set(name, value);
  }
  if (target > 1) params.set(pageParam, String(target));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

const plainLink = ({ href, rel, children }: PaginationLinkProps) => (
  <a href={href} rel={rel}>
    {children}
  </a>
);

/**
 * Previous and next links of a paged list, with the current page between them, in a named
 * navigation landmark. Plain links that keep the list's filters: no JavaScript is needed.
 */
export function Pagination({
  path,
  page,
  pages,
  query = {},
  pageParam = 'page',
  label,
  previousLabel,
  nextLabel,
  currentLabel,
  renderLink = plainLink,
}: PaginationProps) {
  if (pages <= 1) return null;
  // A page past the end (an old link) still leads back to the last page.
  const previous = Math.min(page - 1, pages);
  return (
    <nav aria-label={label} className="pager">
      <ul className="nobullet-list pager__list">
        {page > 1 ? (
          <li>
            {renderLink({
              href: pageHref(path, query, pageParam, previous),
              rel: 'prev',
              children: previousLabel,
            })}
          </li>
        ) : null}
        <li aria-current="page">{currentLabel}</li>
        {page < pages ? (
          <li>
            {renderLink({
              href: pageHref(path, query, pageParam, page + 1),
              rel: 'next',
              children: nextLabel,
            })}
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
