import { data } from '@remix-run/node';
import { NotFound } from '../components/not-found';

// Any path no other route claims: a 404 rendered inside the layout by the root error boundary.
export async function loader() {
  throw data({ about: 'page' }, { status: 404 });
}

export default function UnknownPage() {
  return <NotFound about="page" />;
}
