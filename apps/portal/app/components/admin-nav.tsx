import { NavLink } from '@remix-run/react';
import { useTranslation } from '../i18n/use-translation';

/** The administration's own pages. */
export function AdminNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('admin.navLabel')} className="admin-nav">
      <ul className="admin-nav__list nobullet-list">
        <li className="admin-nav__item">
          <NavLink className="admin-nav__link" to="/admin/brugere">
            {t('admin.users.title')}
          </NavLink>
        </li>
        <li className="admin-nav__item">
          <NavLink className="admin-nav__link" to="/admin/log">
            {t('admin.audit.title')}
          </NavLink>
        </li>
        <li className="admin-nav__item">
          <NavLink className="admin-nav__link" to="/admin/postkasse">
            {t('admin.mailbox.title')}
          </NavLink>
        </li>
        <li className="admin-nav__item">
          <NavLink className="admin-nav__link" to="/admin/jobber">
            {t('admin.jobs.title')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
