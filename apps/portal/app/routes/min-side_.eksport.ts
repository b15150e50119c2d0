import { type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { apiFailure } from '../lib/api-failure.server';
import { loginUrl } from '../lib/redirect-to';

// `/min-side/eksport`: the API's JSON export, downloaded as a file with the API's own name for it.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const response = await context.api.api.me.export.$get();
  if (response.status === 401) throw redirect(loginUrl(new Request(new URL('/min-side', request.url))));
  if (!response.ok) apiFailure('GET /api/me/export', response.status);
  const headers = new Headers({
    'Content-Type': response.headers.get('Content-Type') ?? 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  const disposition = response.headers.get('Content-Disposition');
  if (disposition) headers.set('Content-Disposition', disposition);
  return new Response(response.body, { status: 200, headers });
}
