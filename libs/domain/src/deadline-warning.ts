/**
 * How urgent a call's deadline is for a dossier still in draft: nothing when more than a week is left, a warning in the
 * last week (with the days left), an urgent warning in the last 24 hours (with the hours left), and "passed" after it.
 * Submitted, withdrawn or decided dossiers get no warning: there is nothing left for the applicant to do before it.
 */
export type DeadlineWarning =
  { level: 'soon'; days: number } | { level: 'urgent'; hours: number } | { level: 'passed' } | null;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const DEADLINE_WARNING_DAYS = 7;

export function deadlineWarning(status: string, closesAt: string | Date, now: Date): DeadlineWarning {
  if (status !== 'draft') return null;
  const left = new Date(closesAt).getTime() - now.getTime();
  if (Number.isNaN(left)) return null;
  if (left <= 0) return { level: 'passed' };
  if (left < DAY_MS) return { level: 'urgent', hours: Math.max(1, Math.ceil(left / HOUR_MS)) };
  if (left < DEADLINE_WARNING_DAYS * DAY_MS) return { level: 'soon', days: Math.floor(left / DAY_MS) };
  return null;
}
