/** WARNING: persisted in users.roles; renaming a value needs a data migration. */
export const ROLES = ['applicant', 'admin', 'reviewer', 'minister'] as const;
export type Role = (typeof ROLES)[number];

/** The roles an admin gives to staff (WARNING: persisted in staff_invitations.roles). */
export const STAFF_ROLES = ['admin', 'reviewer', 'minister'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';
