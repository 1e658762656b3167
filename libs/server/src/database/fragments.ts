/**
 * Named SQL fragments used by more than one repository (as immich-app/immich names its query pieces): written once,
 * so a rule such as "a member of the applicant" cannot drift between queries.
 */

/**
 * The one way a query asks "does this user act for the applicant that owns this row". `applicantIdColumn` is the
 * qualified column holding the applicant id (e.g. `dossier.applicant_id`); `userIdParameter` is how the query binds
 * the user id: `:userId` (the default, for query builders) or a positional `$n` in raw SQL. Uses the primary key
 * (applicant_id, user_id) of applicant_members: one index probe per row.
 */
export function memberOfApplicant(applicantIdColumn: string, userIdParameter = ':userId'): string {
  if (!/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/.test(applicantIdColumn))
    throw new Error(`memberOfApplicant expects alias.column, got ${applicantIdColumn}`);
  if (!/^(:[A-Za-z_]\w*|\$\d+)$/.test(userIdParameter))
    throw new Error(`memberOfApplicant expects :name or $n, got ${userIdParameter}`);
  return `EXISTS (SELECT 1 FROM applicant_members m WHERE m.applicant_id = ${applicantIdColumn} AND m.user_id = ${userIdParameter})`;
}
