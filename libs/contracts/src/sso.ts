/** `GET /api/v1/auth/oidc/status`: whether the login page offers "Sign in through the identity service". */
export interface SsoStatus {
  enabled: boolean;
  /** Where the browser goes to start the sign-in (add `?terug=/path` to come back to a page). */
  loginPath: string;
}

/** Query parameter on the login page that carries the error code of a failed sign-in through the identity service. */
export const SSO_ERROR_PARAM = 'sso-fout';

/** The audit `verification_motivation` of an applicant the identity service vouched for. */
export const SSO_VERIFICATION_MOTIVATION = 'bevestigd door de identiteitsdienst';
