import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/auth';
import { ROLE_HOME } from '../auth/roles';

export interface MainNavProps {
  user: User;
}

/** Links to the homes of the user's roles (in the user's role order). */
export function MainNav({ user }: MainNavProps) {
  const { t } = useTranslation();
  if (user.roles.length === 0) return null;
  return (
    <nav className="main-nav" aria-label={t('nav.main')}>
      <ul className="main-nav__list">
        {user.roles.map((role) => (
          <li key={role}>
            <NavLink to={ROLE_HOME[role]} className="main-nav__link" data-testid={`nav-${role}`}>
              {t(`roleHome.${role}.nav`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
