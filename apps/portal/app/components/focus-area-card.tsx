import { Icon } from '@brobygger/ui';
import { Link } from '@remix-run/react';
import { focusAreaKindKey } from '../i18n/focus-area-kind';
import { useTranslation } from '../i18n/use-translation';

export interface FocusAreaSummary {
  slug: string;
  name: string;
  kind: string;
  why: string;
  lead: { name: string };
}

/** A DKFDS navigation card: the whole card is one link to the focus area's page. */
export function FocusAreaCard({
  focusArea,
  headingLevel,
}: {
  focusArea: FocusAreaSummary;
  headingLevel: 2 | 3;
}) {
  const { t, dataLang } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <Link to={`/fokusomraader/${focusArea.slug}`} className="card focus-area-card">
      <div className="card-content">
        <span className="card-subheading">{t(focusAreaKindKey(focusArea.kind))}</span>
        <Heading className="card-heading" lang={dataLang}>
          {focusArea.name}
        </Heading>
        <p lang={dataLang}>{focusArea.why}</p>
        <p className="focus-area-card__lead">
          {t('focusArea.leadHeading')}: <span lang={dataLang}>{focusArea.lead.name}</span>
        </p>
      </div>
      <Icon name="arrow-forward" className="card-icon" />
    </Link>
  );
}

export function FocusAreaCardList({
  focusAreas,
  headingLevel,
}: {
  focusAreas: readonly FocusAreaSummary[];
  headingLevel: 2 | 3;
}) {
  return (
    <ul className="card-row row">
      {focusAreas.map((focusArea) => (
        <li key={focusArea.slug} className="col-12 col-md-6 col-lg-4">
          <FocusAreaCard focusArea={focusArea} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
