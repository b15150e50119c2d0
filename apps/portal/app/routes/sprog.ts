import { type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { defaultLanguage, isLanguage } from '../i18n';
import { serializeLanguageCookie } from '../i18n/language-cookie';
import { safeLocalPath } from '../lib/safe-path';

// `/sprog?lng=en&returnTo=/fokusomraader` remembers the language in a cookie and returns to the
// page; plain links, so the language switch works without JavaScript.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const requested = url.searchParams.get('lng');
  const language = isLanguage(requested) ? requested : defaultLanguage;
  return redirect(safeLocalPath(url.searchParams.get('returnTo'), '/'), {
    status: 303,
    headers: {
      'Set-Cookie': serializeLanguageCookie(language, { secure: isHttps(request) }),
      'Cache-Control': 'no-store',
    },
  });
}

function isHttps(request: Request): boolean {
  const forwarded = request.headers.get('X-Forwarded-Proto')?.split(',')[0]?.trim();
  return (forwarded ?? new URL(request.url).protocol.replace(':', '')) === 'https';
}
