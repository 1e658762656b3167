import { formatBrussels } from './brussels-time';
import { acceptsAt } from './call-lifecycle';
import { dossierDraftIssues, dossierSubmissionIssues, eligibilityIssue, type DossierCallRules } from './dossier-rules';

/** The content of a submitted version as `dossier_submissions.content` holds it. */
export interface SubmittedContent {
  title: string;
  summary: string;
  answers: Record<string, string | number | null>;
  projectStart: string | null;
  projectEnd: string | null;
  budgetLines: Array<{ description: string; amountCents: number }>;
  ownContributionCents: number;
  otherIncomeCents: number;
  requestedCents: number;
  attachments: Array<{ kind: string }>;
}

export type AutomaticCheckCode = 'on-time' | 'complete' | 'eligible' | 'amounts';

export interface AdmissibilityCheck {
  code: AutomaticCheckCode;
  passed: boolean;
  detail?: string;
}

const AMOUNT_CODES = ['AMOUNT_ABOVE_CAP', 'AMOUNT_ABOVE_COST'];

/**
 * The automatic admissibility checks, on the version that was submitted (never the working copy): on time by the
 * closing rule of the lifecycle (the whole closing second counts), complete, eligible, amounts within cap and cost.
 */
export function admissibilityChecks(
  call: DossierCallRules & { closesAt: Date },
  submission: { content: SubmittedContent; submittedAt: Date },
  applicant: { kind: string; policyDomains: readonly string[] },
): AdmissibilityCheck[] {
  const content = submission.content;
  const asContent = { ...content, attachmentKinds: (content.attachments ?? []).map((a) => a.kind) };
  const incomplete = dossierSubmissionIssues(call, asContent).filter((i) => !AMOUNT_CODES.includes(i.code));
  const amounts = dossierDraftIssues(call, asContent).filter((i) => AMOUNT_CODES.includes(i.code));
  const ineligible = eligibilityIssue(call, applicant);
  return [
    {
      code: 'on-time',
      passed: acceptsAt(call.closesAt, submission.submittedAt),
      // Shown to the administration as is: Brussels wall-clock time, like every moment on screen.
      detail: formatBrussels(submission.submittedAt),
    },
    {
      code: 'complete',
      passed: incomplete.length === 0,
      detail: incomplete.map((i) => i.field).join(', ') || undefined,
    },
    { code: 'eligible', passed: ineligible === null, detail: ineligible?.nl },
    { code: 'amounts', passed: amounts.length === 0, detail: amounts.map((i) => i.message.nl).join(' ') || undefined },
  ];
}

/** The mean of the reviewers' scores, rounded to the nearest half point: the default consensus. */
export function meanToHalfPoint(values: readonly number[]): number {
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 2) / 2;
}
