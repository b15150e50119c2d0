import { type ActionFunctionArgs, redirect } from '@remix-run/node';
import { flashUrl } from '../components/flash-message';
import { forwardedCookies } from '../lib/form.server';

// Only a POST signs out (the header's button), so a link or an image cannot sign anyone out.
export async function loader() {
  return redirect('/');
}

export async function action({ context }: ActionFunctionArgs) {
  const response = await context.api.api.auth.logout.$post();
  return redirect(flashUrl('/', 'logget-ud'), { headers: forwardedCookies(response) });
}
