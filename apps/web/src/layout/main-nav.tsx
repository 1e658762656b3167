import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/auth';
import { ROLE_HOME } from '../auth/roles';

export interface MainNavProps {
  /** null when anonymous: only the public pages are linked. */
  user: User | null;
}

/** The public call list, then the homes of the user's roles (in the user's role order). */
export function MainNav({ user }: MainNavProps) {
  const { t } = useTranslation();
  return (
    <nav className="main-nav" aria-label={t('nav.main')}>
      <ul className="main-nav__list">
        <li>
          <NavLink to="/oproepen" className="main-nav__link" data-testid="nav-calls">
            {t('nav.calls')}
          </NavLink>
        </li>
        {(user?.roles ?? []).map((role) => (
          <li key={role}>
            <NavLink to={ROLE_HOME[role]} className="main-nav__link" data-testid={`nav-${role}`}>
              {t(`roleHome.${role}.nav`)}
            </NavLink>
          </li>
        ))}
        {user === null ? (
          <li>
            <NavLink to="/login" className="main-nav__link" data-testid="nav-login">
              {t('nav.login')}
            </NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
