import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Pagination, type PaginationProps, pageHref } from './pagination';

const words = { label: 'Sider', previousLabel: 'Forrige side', nextLabel: 'Næste side' };

function render(props: Omit<PaginationProps, keyof typeof words | 'currentLabel'>) {
  return renderToStaticMarkup(
    <Pagination {...words} currentLabel={`Side ${props.page} af ${props.pages}`} {...props} />,
  );
}

/** The links of the rendered markup: [href, rel, text], with the attribute escaping undone. */
function links(html: string): [string, string, string][] {
  return [...html.matchAll(/<a href="([^"]*)" rel="([^"]*)">([^<]*)<\/a>/g)].map(([, href, rel, text]) => [
    (href ?? '').replaceAll('&amp;', '&'),
    rel ?? '',
    text ?? '',
  ]);
}

describe('Pagination', () => {
  it('is a named navigation landmark that marks the current page', () => {
    const html = render({ path: '/arrangementer', page: 2, pages: 3 });
    expect(html).toMatch(/^<nav aria-label="Sider" class="pager">/);
    expect(html).toContain('<li aria-current="page">Side 2 af 3</li>');
  });

  it('keeps the filters in the previous and next links, and leaves page 1 out of the address', () => {
    const html = render({
      path: '/arrangementer',
      page: 2,
      pages: 3,
      query: { q: 'dansk & mad', type: 'kursus', language: '', focusArea: undefined },
    });
    expect(links(html)).toEqual([
      ['/arrangementer?q=dansk+%26+mad&type=kursus', 'prev', 'Forrige side'],
      ['/arrangementer?q=dansk+%26+mad&type=kursus&page=3', 'next', 'Næste side'],
    ]);
  });

  it('shows no previous link on the first page and no next link on the last', () => {
    expect(links(render({ path: '/viden', page: 1, pages: 2 }))).toEqual([
      ['/viden?page=2', 'next', 'Næste side'],
    ]);
    expect(links(render({ path: '/viden', page: 2, pages: 2 }))).toEqual([
      ['/viden', 'prev', 'Forrige side'],
    ]);
  });

  it('renders nothing for a list of one page', () => {
    expect(render({ path: '/viden', page: 1, pages: 1 })).toBe('');
  });

  it('leads from a page past the end back to the last page', () => {
    expect(links(render({ path: '/forum/generelt', page: 9, pages: 3 }))).toEqual([
      ['/forum/generelt?page=3', 'prev', 'Forrige side'],
    ]);
  });

  it('uses another page parameter, and replaces a page number already in the query', () => {
    const html = render({
      path: '/admin/brugere',
      page: 2,
      pages: 3,
      pageParam: 'side',
      query: { q: 'ada', side: '2' },
    });
    expect(links(html).map(([href]) => href)).toEqual([
      '/admin/brugere?q=ada',
      '/admin/brugere?q=ada&side=3',
    ]);
  });

  it('renders its links with the given link component', () => {
    const html = renderToStaticMarkup(
      <Pagination
        {...words}
        currentLabel="Side 1 af 2"
        path="/soeg"
        page={1}
        pages={2}
        query={{ q: 'kvinder' }}
        renderLink={({ href, rel, children }) => (
          <a href={href} rel={rel} data-router="">
            {children}
          </a>
        )}
      />,
    );
    expect(html).toContain('<a href="/soeg?q=kvinder&amp;page=2" rel="next" data-router="">Næste side</a>');
  });
});

describe('pageHref', () => {
  it('is the bare path for the first page of an unfiltered list', () => {
    expect(pageHref('/foreninger', {}, 'page', 1)).toBe('/foreninger');
    expect(pageHref('/foreninger', { q: '' }, 'page', 1)).toBe('/foreninger');
  });
});
