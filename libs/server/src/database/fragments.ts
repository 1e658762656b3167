/**
 * Named SQL fragments used by more than one repository (as immich-app/immich names its query pieces): written once,
 * so a rule such as "a member of the applicant" cannot drift between queries.
 */

/** The user (a bound parameter such as `:userId` or `$4`) is a member of the applicant in `applicantColumn`. */
export function memberOfApplicant(applicantColumn: string, userParameter: string): string {
  return `EXISTS (SELECT 1 FROM applicant_members m WHERE m.applicant_id = ${applicantColumn} AND m.user_id = ${userParameter})`;
}
