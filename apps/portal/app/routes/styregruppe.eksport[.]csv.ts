import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { apiFailure } from '../lib/api-failure.server';
import { requireUser } from '../lib/session.server';

/** The API's CSV for Danish Excel, passed on byte for byte (its UTF-8 byte-order mark included). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const response = await context.api.api.steering['export.csv'].$get();
  if (response.status === 403) throw data({ reason: 'role' }, { status: 403 });
  if (!response.ok) apiFailure('GET /api/steering/export.csv', response.status);
  return new Response(await response.arrayBuffer(), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="statusrapporter.csv"',
      'Cache-Control': 'no-store',
    },
  });
}
