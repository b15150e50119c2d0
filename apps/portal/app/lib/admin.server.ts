import { data, redirect } from '@remix-run/node';
import { apiFailure } from './api-failure.server';
import { readApiProblem } from './form.server';
import { loginUrl } from './redirect-to';

/**
 * Turns a failed admin API call into the page to show: the login for 401, the 403 page (saying
 * why), or what `apiFailure` makes of the rest (400, 404 or an error).
 */
export async function adminApiFailure(
  request: Request,
  response: Response,
  endpoint: string,
): Promise<never> {
  if (response.status === 401) throw redirect(loginUrl(request));
  if (response.status === 403) {
    const problem = await readApiProblem(response);
    throw data({ reason: problem.code === 'two_factor_required' ? 'two-factor' : 'role' }, { status: 403 });
  }
  return apiFailure(endpoint, response.status);
}
