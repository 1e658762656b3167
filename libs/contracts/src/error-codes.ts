import type { Locale } from './roles';
import { HTTP_ERRORS } from './errors/http';
import { AUTH_ERRORS } from './errors/auth';
import { APPLICANTS_ERRORS } from './errors/applicants';
import { CALLS_ERRORS } from './errors/calls';
import { DOSSIERS_ERRORS } from './errors/dossiers';
import { ASSESSMENT_ERRORS } from './errors/assessment';
import { LIFECYCLE_ERRORS } from './errors/lifecycle';
import { CATALOGUE_ERRORS } from './errors/catalogue';
import { NOTIFICATIONS_ERRORS } from './errors/notifications';
import { STAFF_ERRORS } from './errors/staff';
import { SSO_ERRORS } from './errors/sso';
import { SECOND_FACTOR_ERRORS } from './errors/second-factor';
import { IDENTITY_ERRORS } from './errors/identity';
import { PANEL_ERRORS } from './errors/panels';
import { REPORT_ERRORS } from './errors/reports';
import { FUNDING_ERRORS } from './errors/funding';
import { SETTLEMENT_ERRORS } from './errors/settlement';
import type { ErrorDefinition } from './errors/definition';

export type { ErrorDefinition };

/**
 * Stable error codes returned in `code` of every problem response, with their messages, grouped by module in
 * `errors/`. WARNING: clients match on these strings; never rename one, add a new one instead.
 */
export const ERROR_MESSAGES = {
  ...HTTP_ERRORS,
  ...AUTH_ERRORS,
  ...APPLICANTS_ERRORS,
  ...CALLS_ERRORS,
  ...DOSSIERS_ERRORS,
  ...ASSESSMENT_ERRORS,
  ...LIFECYCLE_ERRORS,
  ...CATALOGUE_ERRORS,
  ...NOTIFICATIONS_ERRORS,
  ...STAFF_ERRORS,
  ...SSO_ERRORS,
  ...SECOND_FACTOR_ERRORS,
  ...IDENTITY_ERRORS,
  ...PANEL_ERRORS,
  ...REPORT_ERRORS,
  ...FUNDING_ERRORS,
  ...SETTLEMENT_ERRORS,
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

export function errorMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  return ERROR_MESSAGES[code].detail[locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
