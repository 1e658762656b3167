import type { Locale, Role } from './roles';

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  /**
   * Set on a session of a person whose role requires a second factor that is not set up yet: until it is, the session
   * may only reach the enrolment routes (others answer 403 SECOND_FACTOR_ENROLMENT_REQUIRED).
   */
  secondFactorEnrolmentRequired?: boolean;
  /** Whether the person confirmed their e-mail address; until then they cannot act for an organisation. */
  emailVerified: boolean;
}

export interface SessionResponse {
  user: UserView;
  csrfToken: string;
}

/** `POST /auth/email-verification/confirm`: the address the link confirmed. */
export interface EmailConfirmedResponse {
  email: string;
  emailVerified: boolean;
}

export interface CsrfResponse {
  csrfToken: string;
}

/** Header the web client echoes the CSRF token in on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'portal_session';
export const CSRF_COOKIE = 'portal_csrf';
