import { Icon } from '@brobygger/ui';
import { Link } from '@remix-run/react';
import { useTranslation } from '../i18n/use-translation';

export interface Crumb {
  label: string;
  /** Omitted for the current page, which is the last crumb. */
  to?: string;
  lang?: string | undefined;
}

export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumbs" aria-label={t('breadcrumbs.label')}>
      <ol className="breadcrumbs__list">
        {items.map((item, index) =>
          item.to ? (
            <li key={item.to} className="breadcrumbs__list-item">
              {index > 0 ? <Icon name="chevron-right" /> : null}
              <Link className="breadcrumbs__link" to={item.to}>
                {item.label}
              </Link>
            </li>
          ) : (
            <li key="current" className="breadcrumbs__list-item" aria-current="page">
              {index > 0 ? <Icon name="chevron-right" /> : null}
              <span lang={item.lang}>{item.label}</span>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
