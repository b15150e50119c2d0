import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '../i18n/use-translation';
import { pageMeta } from '../lib/meta';
import { requireUser } from '../lib/session.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const areas = user.roles
    .filter((grant) => grant.role === 'lead_owner' && grant.focusArea)
    .map((grant) => ({
      slug: grant.focusArea as string,
      name: grant.focusAreaName ?? grant.focusArea ?? '',
    }));
  const reviewer = user.roles.some((grant) => grant.role === 'steering_group' || grant.role === 'admin');
  return { areas, reviewer };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches, { key: 'lead.title' });

export default function LeadOwnerIndexPage() {
  const { areas, reviewer } = useLoaderData<typeof loader>();
  const { t, dataLang } = useTranslation();
  return (
    <>
      <h1>{t('lead.heading')}</h1>
      <p>{t('lead.intro')}</p>
      {areas.length === 0 ? (
        <p>{t('lead.none')}</p>
      ) : (
        <ul>
          {areas.map((area) => (
            <li key={area.slug}>
              <Link to={`/tovholder/${area.slug}`} lang={dataLang}>
                {area.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {reviewer ? (
        <p>
          <Link to="/styregruppe">{t('steering.title')}</Link>
        </p>
      ) : null}
    </>
  );
}
