import {
  SUBSCRIPTION_DRAFT_ISSUE_CODES,
  type CatalogueView,
  type SubscriptionInput,
  type SubscriptionView,
} from '@portal/contracts';
import { subscriptionIssues, subscriptionTotals, type RuleIssue, type SubscriptionTotals } from '@portal/domain';
import { centsToAmountText, parseEuroToCents } from '../../lib/money-input';

/** What the person types: text per field, so an unfinished entry is never silently turned into a number. */
export interface SubscriptionFormState {
  /** Row code -> typed current reach and planned extra reach. */
  reach: Record<string, { current: string; planned: string }>;
  /** Action code -> typed priority. */
  priorities: Record<string, string>;
  ownContribution: string;
}

export interface SubscriptionAnalysis {
  /** The subscription to submit, or null while some typed value is not a number at all. */
  input: SubscriptionInput | null;
  /**
   * What autosave sends: every value that parses, rules or not (the server stores a draft and lists its issues); a
   * value that does not parse keeps its last saved value and is marked "not saved" next to its field.
   */
  draft: SubscriptionInput;
  /** Field path (`reach.<row>.planned`, `ownContribution`, ...) -> message key for values that are not numbers. */
  typingErrors: Record<string, 'notWholeNumber' | 'invalidAmount' | 'invalidPriority'>;
  totals: SubscriptionTotals;
  /** Every rule issue of the domain (what the server checks at submission). */
  issues: RuleIssue[];
  /** The issues the server refuses at every save (content that can never be stored): the form does not send those. */
  blocking: RuleIssue[];
  /** Actions with extra reach planned, in catalogue order. */
  chosen: string[];
}

const WHOLE = /^\d{1,9}$/;
const PRIORITY = /^[1-9]\d{0,8}$/;
const DRAFT_CODES = new Set(SUBSCRIPTION_DRAFT_ISSUE_CODES);

export function allRows(catalogue: CatalogueView) {
  return catalogue.objectives.flatMap((o) => o.actions.flatMap((a) => a.rows.map((row) => ({ row, action: a }))));
}

export function toFormState(view: SubscriptionView, decimalSeparator: ',' | '.'): SubscriptionFormState {
  const reach: SubscriptionFormState['reach'] = {};
  for (const line of view.lines) {
    reach[line.rowCode] = { current: String(line.currentReach), planned: String(line.plannedExtraReach) };
  }
  return {
    reach,
    priorities: Object.fromEntries(Object.entries(view.priorities).map(([code, p]) => [code, String(p)])),
    ownContribution:
      view.ownContributionCents > 0 ? centsToAmountText(view.ownContributionCents, decimalSeparator) : '',
  };
}

/**
 * Reads the typed values; the same domain functions as the server compute the contribution and the issues. `saved`
 * (the subscription as last saved) stands in for values that do not parse, so a typo never erases what was stored.
 */
export function analyse(
  catalogue: CatalogueView,
  state: SubscriptionFormState,
  saved?: Pick<SubscriptionInput, 'lines' | 'priorities' | 'ownContributionCents'>,
): SubscriptionAnalysis {
  const savedLine = (rowCode: string) => saved?.lines.find((line) => line.rowCode === rowCode);
  const typingErrors: SubscriptionAnalysis['typingErrors'] = {};
  const lines: SubscriptionInput['lines'] = [];
  for (const { row } of allRows(catalogue)) {
    const typed = state.reach[row.code];
    if (!typed) continue;
    const current = typed.current.trim();
    const planned = typed.planned.trim();
    if (current === '' && planned === '') continue;
    if (current !== '' && !WHOLE.test(current)) typingErrors[`reach.${row.code}.current`] = 'notWholeNumber';
    if (planned !== '' && !WHOLE.test(planned)) typingErrors[`reach.${row.code}.planned`] = 'notWholeNumber';
    const reachOf = (typed: string, kept: number | undefined) =>
      typed === '' ? 0 : WHOLE.test(typed) ? Number(typed) : (kept ?? 0);
    lines.push({
      rowCode: row.code,
      currentReach: reachOf(current, savedLine(row.code)?.currentReach),
      plannedExtraReach: reachOf(planned, savedLine(row.code)?.plannedExtraReach),
    });
  }
  const priorities: Record<string, number> = {};
  const provisional = { lines, priorities: {}, ownContributionCents: 0 };
  const chosen = subscriptionTotals(catalogue, provisional)
    .actions.filter((a) => a.chosen)
    .map((a) => a.actionCode);
  for (const code of chosen) {
    const typed = (state.priorities[code] ?? '').trim();
    if (typed === '') continue;
    if (PRIORITY.test(typed)) priorities[code] = Number(typed);
    else {
      typingErrors[`priorities.${code}`] = WHOLE.test(typed) ? 'invalidPriority' : 'notWholeNumber';
      const kept = saved?.priorities[code];
      if (kept !== undefined) priorities[code] = kept;
    }
  }
  const own = state.ownContribution.trim();
  const ownCents = own === '' ? 0 : parseEuroToCents(own);
  if (ownCents === null) typingErrors.ownContribution = 'invalidAmount';
  const subscription = { lines, priorities, ownContributionCents: ownCents ?? saved?.ownContributionCents ?? 0 };
  const issues = subscriptionIssues(catalogue, subscription);
  return {
    input: Object.keys(typingErrors).length === 0 ? subscription : null,
    draft: subscription,
    typingErrors,
    totals: subscriptionTotals(catalogue, subscription),
    issues,
    blocking: issues.filter((issue) => DRAFT_CODES.has(issue.code)),
    chosen,
  };
}

/**
 * Keeps priorities 1..n as actions are chosen and dropped: a newly chosen action goes last, a dropped one leaves no
 * gap (the others keep their order). Numbers the person typed are kept as typed otherwise.
 */
export function renumber(
  previous: Record<string, string>,
  chosenBefore: readonly string[],
  chosenNow: readonly string[],
): Record<string, string> {
  const dropped = chosenBefore.filter((code) => !chosenNow.includes(code));
  const added = chosenNow.filter((code) => !chosenBefore.includes(code));
  if (dropped.length === 0 && added.length === 0) return previous;
  const kept = chosenNow
    .filter((code) => !added.includes(code))
    .sort((a, b) => (Number(previous[a]) || Infinity) - (Number(previous[b]) || Infinity));
  const next: Record<string, string> = {};
  if (dropped.length > 0) kept.forEach((code, index) => (next[code] = String(index + 1)));
  else kept.forEach((code) => (next[code] = previous[code] ?? ''));
  added.forEach((code, index) => (next[code] = String(kept.length + index + 1)));
  return next;
}

/** Field path of a domain issue in the form (`lines.3.plannedExtraReach` -> `reach.<row>.planned`). */
export function issueFieldPath(issue: RuleIssue, input: SubscriptionInput | null): string {
  const match = /^lines\.(\d+)\.(currentReach|plannedExtraReach|rowCode)$/.exec(issue.field);
  if (match && input) {
    const line = input.lines[Number(match[1])];
    if (line) return `reach.${line.rowCode}.${match[2] === 'currentReach' ? 'current' : 'planned'}`;
  }
  if (issue.field === 'ownContributionCents') return 'ownContribution';
  return issue.field;
}
