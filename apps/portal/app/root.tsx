import { SkipLink } from '@brobygger/ui';
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import { ErrorPage } from './components/error-page';
import { NotFound } from './components/not-found';
import { SiteFooter } from './components/site-footer';
import { SiteHeader } from './components/site-header';
import { languageFromCookieHeader } from './i18n/language-cookie';
import { useTranslation } from './i18n/use-translation';
import { pageMeta } from './lib/meta';
import { useNonce } from './nonce';
import portalStylesHref from './styles/portal.css?url';

const mainContentId = 'main-content';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: '/dkfds/css/dkfds.min.css' },
  { rel: 'stylesheet', href: portalStylesHref },
  { rel: 'icon', href: '/favicon.ico', sizes: '32x32' },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return { lng: languageFromCookieHeader(request.headers.get('Cookie')) };
}

// Used only when a route's error reaches this boundary: pages set their own titles.
export const meta: MetaFunction<typeof loader> = ({ matches, error }) => {
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return pageMeta(matches, { key: notFound ? 'notFound.title' : 'error.title' });
};

export function Layout({ children }: { children: ReactNode }) {
  const { t, lng } = useTranslation();
  const nonce = useNonce();

  return (
    <html lang={lng}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SkipLink targetId={mainContentId}>{t('skipLink.text')}</SkipLink>
        <SiteHeader />
        <main id={mainContentId} className="container page-container" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

// Remix has already logged a server error by the time this renders.
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    const about = (error.data as { about?: unknown } | null)?.about;
    return <NotFound about={about === 'focus-area' ? 'focus-area' : 'page'} />;
  }
  return <ErrorPage />;
}
