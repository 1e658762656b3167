import type { RuleIssue } from './call-rules';

/** The rules of a report after the award (ADR 0024): pure, used by the API (authoritative) and the web. */
export interface ReportContent {
  narrative: string;
  indicators: Array<{ code: string; label: string; planned: number | null; realised: number | null }>;
  costLines: Array<{ description: string; category: string; amountCents: number }>;
}

const issue = (field: string, code: string, nl: string, en: string): RuleIssue => ({
  field,
  code,
  message: { nl, en },
});

export function reportedCostsCents(content: Pick<ReportContent, 'costLines'>): number {
  return content.costLines.reduce((sum, line) => sum + line.amountCents, 0);
}

/** What stops a submission: every indicator realised, at least one cost line, each line described with an amount. */
export function reportSubmissionIssues(content: ReportContent): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (content.narrative.trim().length < 20)
    issues.push(
      issue(
        'narrative',
        'required',
        'Beschrijf in minstens 20 tekens wat het project gerealiseerd heeft.',
        'Describe in at least 20 characters what the project achieved.',
      ),
    );
  content.indicators.forEach((indicator, i) => {
    if (indicator.realised === null)
      issues.push(
        issue(
          `indicators.${i}.realised`,
          'required',
          `Vul het gerealiseerde aantal in voor "${indicator.label}".`,
          `Fill in the realised number for "${indicator.label}".`,
        ),
      );
  });
  if (content.costLines.length === 0)
    issues.push(issue('costLines', 'required', 'Voeg minstens één kostenlijn toe.', 'Add at least one cost line.'));
  content.costLines.forEach((line, i) => {
    if (line.description.trim() === '')
      issues.push(issue(`costLines.${i}.description`, 'required', 'Beschrijf deze kost.', 'Describe this cost.'));
    if (line.amountCents <= 0)
      issues.push(
        issue(
          `costLines.${i}.amountCents`,
          'positive',
          'Het bedrag van een kostenlijn is groter dan nul.',
          'A cost line amount is more than zero.',
        ),
      );
  });
  return issues;
}

/**
 * The accepted costs of an approval: per line (as many as reported, each at most its line), a total (at most what was
 * reported), or, with neither, everything reported. Null when the input is not one of those.
 */
export function acceptedCosts(
  lines: ReadonlyArray<{ amountCents: number }>,
  input: { acceptedTotalCents?: number; acceptedLineCents?: number[] },
): { totalCents: number; perLine: number[] | null } | null {
  const reported = lines.reduce((sum, line) => sum + line.amountCents, 0);
  if (input.acceptedLineCents !== undefined && input.acceptedTotalCents !== undefined) return null;
  if (input.acceptedLineCents !== undefined) {
    const perLine = input.acceptedLineCents;
    if (perLine.length !== lines.length) return null;
    if (perLine.some((cents, i) => !Number.isSafeInteger(cents) || cents < 0 || cents > lines[i].amountCents))
      return null;
    return { totalCents: perLine.reduce((sum, cents) => sum + cents, 0), perLine };
  }
  if (input.acceptedTotalCents !== undefined) {
    const total = input.acceptedTotalCents;
    if (!Number.isSafeInteger(total) || total < 0 || total > reported) return null;
    return { totalCents: total, perLine: null };
  }
  return { totalCents: reported, perLine: null };
}

/**
 * The balance still due after an approved final report (for the follow-up on payments):
 * granted x min(1, accepted / planned) - paid, in whole cents (rounded down: never more than the rule allows).
 * A dossier without planned costs keeps its full grant.
 */
export function reportBalanceCents(input: {
  grantedCents: number;
  acceptedCostsCents: number;
  plannedCostsCents: number;
  paidCents: number;
}): number {
  const { grantedCents, acceptedCostsCents, plannedCostsCents, paidCents } = input;
  const due =
    plannedCostsCents <= 0 || acceptedCostsCents >= plannedCostsCents
      ? grantedCents
      : Number((BigInt(grantedCents) * BigInt(acceptedCostsCents)) / BigInt(plannedCostsCents));
  return due - paidCents;
}
