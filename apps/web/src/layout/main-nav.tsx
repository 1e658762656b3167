import { NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UserView } from '@portal/contracts';
import { ROLE_HOME } from '../auth/roles';

export interface MainNavProps {
  /** null when anonymous: only the public pages are linked. */
  user: UserView | null;
}

/** Admin pages with their own navigation item: the admin home item is not "current" on them. */
const ADMIN_SECTIONS = [
  '/administratie/meldingen',
  '/administratie/audit',
  '/administratie/medewerkers',
  '/administratie/aanvragers',
];

/**
 * The public call list, then the homes of the user's roles (in the user's role order) and the admin's notification
 * log; anonymous visitors get "Aanmelden" and "Account aanmaken".
 */
export function MainNav({ user }: MainNavProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const inAdminSection = ADMIN_SECTIONS.some((section) => pathname.startsWith(section));
  const inFinances = pathname.startsWith('/aanvrager/financieel');
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
            <NavLink
              to={ROLE_HOME[role]}
              end={(role === 'admin' && inAdminSection) || (role === 'applicant' && inFinances)}
              className="main-nav__link"
              data-testid={`nav-${role}`}
            >
              {t(`roleHome.${role}.nav`)}
            </NavLink>
          </li>
        ))}
        {user?.roles.includes('applicant') ? (
          <li>
            <NavLink to="/aanvrager/financieel" className="main-nav__link" data-testid="nav-applicant-finances">
              {t('nav.finances')}
            </NavLink>
          </li>
        ) : null}
        {user?.roles.includes('admin') ? (
          <li>
            <NavLink to="/administratie/meldingen" className="main-nav__link" data-testid="nav-admin-notifications">
              {t('nav.notifications')}
            </NavLink>
          </li>
        ) : null}
        {user?.roles.includes('admin') ? (
          <li>
            <NavLink to="/administratie/audit" className="main-nav__link" data-testid="nav-admin-audit">
              {t('nav.audit')}
            </NavLink>
          </li>
        ) : null}
        {user?.roles.includes('admin') ? (
          <li>
            <NavLink to="/administratie/medewerkers" className="main-nav__link" data-testid="nav-admin-staff">
              {t('nav.staff')}
            </NavLink>
          </li>
        ) : null}
        {user?.roles.includes('admin') ? (
          <li>
            <NavLink to="/administratie/aanvragers" className="main-nav__link" data-testid="nav-admin-applicants">
              {t('nav.applicantVerification')}
            </NavLink>
          </li>
        ) : null}
        {user === null ? (
          <>
            <li>
              <NavLink to="/login" className="main-nav__link" data-testid="nav-login">
                {t('nav.login')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/registreren" className="main-nav__link" data-testid="nav-register">
                {t('nav.register')}
              </NavLink>
            </li>
          </>
        ) : null}
      </ul>
    </nav>
  );
}
