import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Breadcrumbs } from '../components/breadcrumbs';
import { FocusAreaCardList } from '../components/focus-area-card';
import { useTranslation } from '../i18n/use-translation';
import { pageMeta } from '../lib/meta';
import { getFocusAreas, getPolicy } from '../lib/policy.server';

export async function loader({ context }: LoaderFunctionArgs) {
  const [policy, focusAreas] = await Promise.all([getPolicy(context.api), getFocusAreas(context.api)]);
  return { period: policy.period, focusAreas };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(matches, { key: 'focusAreas.title' });

export default function FocusAreasPage() {
  const { period, focusAreas } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const crossCutting = focusAreas.filter((focusArea) => focusArea.kind !== 'target-group');
  const targetGroups = focusAreas.filter((focusArea) => focusArea.kind === 'target-group');

  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.home'), to: '/' }, { label: t('nav.focusAreas') }]} />
      <div className="row">
        <div className="col-12 col-lg-9">
          <h1>{t('focusAreas.heading')}</h1>
          <p className="font-lead">{t('focusAreas.lead', { from: period.from, to: period.to })}</p>
        </div>
      </div>

      <section aria-labelledby="cross-cutting-heading">
        <h2 id="cross-cutting-heading">{t('focusAreas.focusAreasHeading')}</h2>
        <FocusAreaCardList focusAreas={crossCutting} headingLevel={3} />
      </section>

      <section aria-labelledby="target-groups-heading">
        <h2 id="target-groups-heading">{t('focusAreas.targetGroupsHeading')}</h2>
        <FocusAreaCardList focusAreas={targetGroups} headingLevel={3} />
      </section>
    </>
  );
}
