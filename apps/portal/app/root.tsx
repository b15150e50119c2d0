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
import { FlashMessage } from './components/flash-message';
import { Forbidden } from './components/forbidden';
import { NotFound } from './components/not-found';
import { SiteFooter } from './components/site-footer';
import { SiteHeader } from './components/site-header';
import { languageFromCookieHeader } from './i18n/language-cookie';
import { useTranslation } from './i18n/use-translation';
import { useShipsJavaScript } from './lib/hydration';
import { pageMeta } from './lib/meta';
import { isAdmin } from './lib/session.server';
import { useNonce } from './nonce';
import plexBoldHref from './styles/dkfds/fonts/IBMPlexSans/split/woff2/IBMPlexSans-Bold-Latin1.woff2?url';
import plexRegularHref from './styles/dkfds/fonts/IBMPlexSans/split/woff2/IBMPlexSans-Regular-Latin1.woff2?url';
import plexSemiBoldHref from './styles/dkfds/fonts/IBMPlexSans/split/woff2/IBMPlexSans-SemiBold-Latin1.woff2?url';
import portalStylesHref from './styles/portal.css?url';

const mainContentId = 'main-content';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: portalStylesHref },
  // The Latin-1 part of the three weights every page uses (text, headings, bold): found at once
  // rather than once the stylesheet has arrived.
  ...[plexRegularHref, plexSemiBoldHref, plexBoldHref].map((href) => ({
    rel: 'preload',
    href,
    as: 'font',
    type: 'font/woff2',
    crossOrigin: 'anonymous' as const,
  })),
  { rel: 'icon', href: '/favicon.ico', sizes: '32x32' },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The layout must render even when the API fails (the error page needs it), so a failure to
  // read the session shows the page as to an anonymous visitor; pages that need the user fail.
  const user = await context.currentUser().catch(() => null);
  return {
    lng: languageFromCookieHeader(request.headers.get('Cookie')),
    // Only what the header shows: every page carries this in its HTML.
    user: user
      ? {
          displayName: user.displayName,
          admin: isAdmin(user),
          // Status reports (issue 13): the header links to the steering group's and the lead owner's pages.
          steering: user.roles.some((grant) => grant.role === 'steering_group' || grant.role === 'admin'),
          leadOwner: user.roles.some((grant) => grant.role === 'lead_owner'),
          staff: user.roles.some((grant) => grant.role === 'staff'),
        }
      : null,
  };
}

// Used only when a route's error reaches this boundary: pages set their own titles.
export const meta: MetaFunction<typeof loader> = ({ matches, error }) => {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key =
    status === 404
      ? 'notFound.title'
      : status === 403
        ? 'forbidden.title'
        : status === 400
          ? 'badRequest.title'
          : 'error.title';
  return pageMeta(matches, { key });
};

export function Layout({ children }: { children: ReactNode }) {
  const { t, lng } = useTranslation();
  const nonce = useNonce();
  const shipsJavaScript = useShipsJavaScript();

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
          <FlashMessage />
          {children}
        </main>
        <SiteFooter />
        {shipsJavaScript ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
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
  if (isRouteErrorResponse(error) && error.status === 403) {
    const reason = (error.data as { reason?: unknown } | null)?.reason;
    return <Forbidden reason={reason === 'two-factor' ? 'two-factor' : 'role'} />;
  }
  if (isRouteErrorResponse(error) && error.status === 400) return <ErrorPage kind="bad-request" />;
  return <ErrorPage />;
}
