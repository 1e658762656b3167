import type { Role, UserView } from '@portal/contracts';

export const ROLE_HOME: Record<Role, string> = {
  applicant: '/aanvrager',
  admin: '/administratie',
  reviewer: '/beoordeling',
  minister: '/kabinet',
};

/** Home of the user's first role; null for a user without any (known) role. */
export function homePathFor(user: UserView): string | null {
  const first = user.roles[0];
  return first ? ROLE_HOME[first] : null;
}

export function hasRole(user: UserView, role: Role): boolean {
  return user.roles.includes(role);
}
