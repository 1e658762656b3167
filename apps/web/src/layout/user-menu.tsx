import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UserView } from '@portal/contracts';
import { useLogout } from '../auth/use-auth';
import { Button } from '../components/button';

export interface UserMenuProps {
  user: UserView;
}

export function UserMenu({ user }: UserMenuProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <div className="user-menu">
      <p className="user-menu__name">
        <span className="visually-hidden">{t('nav.loggedInAs')} </span>
        <span data-testid="user-display-name">{user.displayName}</span>
      </p>
      <Link to="/profiel" className="user-menu__profile" data-testid="nav-profile">
        {t('nav.profile')}
      </Link>
      <Button
        variant="secondary"
        className="user-menu__logout"
        busy={logout.isPending}
        busyLabel={t('nav.loggingOut')}
        data-testid="logout"
        onClick={() => logout.mutate(undefined, { onSuccess: () => void navigate('/login', { replace: true }) })}
      >
        {t('nav.logout')}
      </Button>
    </div>
  );
}
