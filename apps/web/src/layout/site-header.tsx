import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/use-auth';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';
import { UserMenu } from './user-menu';

export function SiteHeader() {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <div className="container site-header__inner">
          {/* The accessible name starts with the visible text (WCAG 2.5.3, label in name); the hint is for screen readers. */}
          <Link to="/" className="brand">
            <span className="brand__government">{t('app.government')}</span>{' '}
            <span className="brand__name">{t('app.brand')}</span>
            <span className="visually-hidden">{t('app.homeHint')}</span>
          </Link>
          <div className="site-header__tools">
            <LanguageSwitch />
            {user ? <UserMenu user={user} /> : null}
          </div>
        </div>
      </div>
      {user !== undefined ? (
        <div className="site-header__nav">
          <div className="container">
            <MainNav user={user} />
          </div>
        </div>
      ) : null}
    </header>
  );
}
