/**
 * The one way a query asks "does this user act for the applicant that owns this row": a named SQL fragment for query
 * builders and raw SQL (as Immich's repositories name theirs). `applicantIdColumn` is the qualified column holding the
 * applicant id (e.g. `dossier.applicant_id`); `userIdParameter` is how the query binds the user id: `:userId` (the
 * default, for query builders) or a positional `$n` in raw SQL.
 * Uses the primary key (applicant_id, user_id) of applicant_members: one index probe per row.
 */
export function isApplicantMemberSql(applicantIdColumn: string, userIdParameter = ':userId'): string {
  if (!/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/.test(applicantIdColumn))
    throw new Error(`isApplicantMemberSql expects alias.column, got ${applicantIdColumn}`);
  if (!/^(:[A-Za-z_]\w*|\$\d+)$/.test(userIdParameter))
    throw new Error(`isApplicantMemberSql expects :name or $n, got ${userIdParameter}`);
  return `EXISTS (SELECT 1 FROM applicant_members m WHERE m.applicant_id = ${applicantIdColumn} AND m.user_id = ${userIdParameter})`;
}
