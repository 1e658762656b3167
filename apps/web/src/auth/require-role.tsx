import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '@portal/contracts';
import { LoadingIndicator } from '../components/loading-indicator';
import { ServiceUnavailable } from '../pages/service-unavailable';
import { hasRole, homePathFor } from './roles';
import { useCurrentUser } from './use-auth';

export interface RequireRoleProps {
  /** Role needed for this area; omit to only require a logged-in user. */
  role?: Role;
  /** Content to protect; defaults to the nested routes (<Outlet />). */
  children?: ReactNode;
}

/**
 * Route guard. Anonymous users go to /login (remembering where they came from); users without the role go to the
 * home of their own first role.
 */
export function RequireRole({ role, children }: RequireRoleProps) {
  const { data: user, error, refetch, isFetching } = useCurrentUser();
  const location = useLocation();

  if (user === undefined) {
    if (error) return <ServiceUnavailable error={error} retrying={isFetching} onRetry={() => void refetch()} />;
    return <LoadingIndicator />;
  }
  if (user === null) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  // A role that requires a second factor not yet set up: only the profile page (where it is set up) is open.
  if (user.secondFactorEnrolmentRequired && location.pathname !== '/profiel') {
    return <Navigate to="/profiel" replace />;
  }
  if (role && !hasRole(user, role)) {
    return <Navigate to={homePathFor(user) ?? '/'} replace />;
  }
  return children ?? <Outlet />;
}
