import type { ErrorCode } from '@portal/contracts';
import type { RuleIssue } from '@portal/domain';
import { AppException } from '@portal/server';

/** Domain rule issues become one problem response that names every offending field. */
export function throwIfIssues(
  code: ErrorCode,
  issues: RuleIssue[],
  params: Record<string, string | number> = {},
): void {
  if (issues.length === 0) return;
  throw new AppException(code, {
    params,
    errors: issues.map(({ field, code: issueCode, message }) => ({ field, code: issueCode, message })),
  });
}
