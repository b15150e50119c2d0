import { Icon } from '@brobygger/ui';
import { Form, Link, useLocation } from '@remix-run/react';
import type { MessageKey } from '../i18n';
import { useTranslation } from '../i18n/use-translation';
import { useSignedInUser } from '../lib/use-current-user';
import { LanguageSwitcher } from './language-switcher';

interface MenuItem {
  to: string;
  label: MessageKey;
  /** Whether the item's section contains the path (the item itself or a page below it). */
  contains: (pathname: string) => boolean;
}

const menu: MenuItem[] = [
  { to: '/', label: 'nav.home', contains: (pathname) => pathname === '/' },
  {
    to: '/fokusomraader',
    label: 'nav.focusAreas',
    contains: (pathname) => pathname === '/fokusomraader' || pathname.startsWith('/fokusomraader/'),
  },
  {
    to: '/arrangementer',
    label: 'nav.events',
    contains: (pathname) => pathname === '/arrangementer' || pathname.startsWith('/arrangementer/'),
  },
  // Associations and volunteers (issue 10)
  {
    to: '/foreninger',
    label: 'nav.associations',
    contains: (pathname) => pathname === '/foreninger' || pathname.startsWith('/foreninger/'),
  },
  // Knowledge: resource library and forum (issue 11)
  {
    to: '/viden',
    label: 'nav.knowledge',
    contains: (pathname) => pathname === '/viden' || pathname.startsWith('/viden/'),
  },
  {
    to: '/forum',
    label: 'nav.forum',
    contains: (pathname) => pathname === '/forum' || pathname.startsWith('/forum/'),
  },
];

export function SiteHeader() {
  const { t } = useTranslation();
  const { pathname } = useLocation();

  return (
    <header className="header">
      <LanguageSwitcher />
      <div className="solution-info">
        <div className="solution-info-inner container">
          <div className="solution-heading">
            <Link to="/">{t('site.name')}</Link>
          </div>
          <div className="additional-info">
            <p>
              <strong className="authority-name">{t('site.authority')}</strong>
            </p>
            <p>{t('header.unit')}</p>
          </div>
        </div>
      </div>
      <div className="navigation-menu">
        <div className="navigation-menu-inner container">
          <nav className="nav" aria-label={t('nav.label')}>
            <ul className="mainmenu">
              {menu.map((item) => {
                const current = pathname === item.to;
                const active = item.contains(pathname);
                const className = [active && 'active', current && 'current'].filter(Boolean).join(' ');
                return (
                  <li key={item.to} className={className || undefined}>
                    <Link
                      to={item.to}
                      className="nav-link"
                      aria-current={current ? 'page' : active ? 'true' : undefined}
                    >
                      <span>{t(item.label)}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <HeaderSearch />
          <AccountMenu />
        </div>
      </div>
    </header>
  );
}

type HeaderUser = NonNullable<ReturnType<typeof useSignedInUser>>;

/** The account menu's links by role, in their order (what they depend on is in headerUserView). */
const roleLinks: {
  to: string;
  section: string;
  label: MessageKey;
  shownTo: (user: HeaderUser) => boolean;
}[] = [
  { to: '/styregruppe', section: '/styregruppe', label: 'nav.steering', shownTo: (user) => user.steering },
  {
    to: '/statusrapporter',
    section: '/statusrapporter',
    label: 'nav.reports',
    shownTo: (user) => user.staff && !user.steering,
  },
  { to: '/tovholder', section: '/tovholder', label: 'nav.leadOwner', shownTo: (user) => user.leadOwner },
  { to: '/admin/brugere', section: '/admin/', label: 'nav.admin', shownTo: (user) => user.admin },
  // Associations and volunteers (issue 10): staff find volunteers and moderate activities.
  {
    to: '/frivillige',
    section: '/frivillige',
    label: 'nav.volunteers',
    shownTo: (user) => user.staff || user.admin,
  },
  {
    to: '/admin/moderation',
    section: '/admin/moderation',
    label: 'nav.moderation',
    shownTo: (user) => user.staff || user.admin,
  },
];

/** Log ind / Opret bruger, or the signed-in user's name and a Log ud button (a form: it works without JavaScript). */
function AccountMenu() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const { pathname } = useLocation();
  return (
    <nav className="account-menu" aria-label={t('account.menuLabel')}>
      <ul className="account-menu__list nobullet-list">
        {user ? (
          <>
            {roleLinks
              .filter((link) => link.shownTo(user))
              .map((link) => (
                <li key={link.to} className="account-menu__item">
                  <Link
                    className="account-menu__link"
                    to={link.to}
                    aria-current={pathname.startsWith(link.section) ? 'true' : undefined}
                  >
                    {t(link.label)}
                  </Link>
                </li>
              ))}
            <li className="account-menu__item">
              <Link
                className="account-menu__link"
                to="/min-side"
                aria-current={pathname === '/min-side' ? 'page' : undefined}
              >
                <Icon name="person" />
                {user.displayName}
              </Link>
            </li>
            <li className="account-menu__item">
              <Form method="post" action="/log-ud" className="account-menu__logout">
                <button type="submit" className="button button-tertiary">
                  {t('account.logOut')}
                </button>
              </Form>
            </li>
          </>
        ) : (
          <>
            <li className="account-menu__item">
              <Link
                className="account-menu__link"
                to="/log-ind"
                aria-current={pathname === '/log-ind' ? 'page' : undefined}
              >
                {t('account.logIn')}
              </Link>
            </li>
            <li className="account-menu__item">
              <Link
                className="account-menu__link"
                to="/opret-bruger"
                aria-current={pathname === '/opret-bruger' ? 'page' : undefined}
              >
                {t('account.register')}
              </Link>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

/** Search (issue 12): a search field on every page; a plain GET form to /soeg. */
function HeaderSearch() {
  const { t } = useTranslation();
  return (
    <Form method="get" action="/soeg" role="search" className="header-search">
      <label className="sr-only" htmlFor="header-search-q">
        {t('search.headerLabel')}
      </label>
      <input
        className="form-input header-search__input"
        id="header-search-q"
        name="q"
        type="search"
        maxLength={2000}
        placeholder={t('search.headerLabel')}
      />
      <button
        type="submit"
        className="button button-secondary header-search__button"
        aria-label={t('search.headerSubmit')}
      >
        <Icon name="search" />
      </button>
    </Form>
  );
}
