import type { RuleIssue } from './call-rules';
import { humanTextIssue } from './human-text';
import { type Cents, formatEuro, isCents, sumCents } from './money';

export interface DossierCallRules {
  applicantKinds: readonly string[];
  policyDomains: readonly string[];
  maxRequestedCents: Cents;
  projectStart: string;
  projectEnd: string;
  questions: ReadonlyArray<{
    code: string;
    label: string;
    type: 'text' | 'longText' | 'number' | 'choice';
    required: boolean;
    minLength?: number;
    maxLength?: number;
    min?: number;
    max?: number;
    options?: readonly string[];
  }>;
  attachments: ReadonlyArray<{ code: string; label: string; required: boolean }>;
}

export interface DossierContent {
  title: string;
  summary: string;
  answers: Readonly<Record<string, string | number | null>>;
  projectStart: string | null;
  projectEnd: string | null;
  budgetLines: ReadonlyArray<{ description: string; amountCents: Cents }>;
  ownContributionCents: Cents;
  otherIncomeCents: Cents;
  requestedCents: Cents;
  attachmentKinds: readonly string[];
}

const issue = (field: string, code: string, nl: string, en: string): RuleIssue => ({
  field,
  code,
  message: { nl, en },
});

export function totalCostCents(content: Pick<DossierContent, 'budgetLines'>): Cents {
  return sumCents(content.budgetLines.map((line) => line.amountCents));
}

/** What the costs leave to ask for: the total cost minus the other income, never below zero. */
export function costLimitCents(content: Pick<DossierContent, 'budgetLines' | 'otherIncomeCents'>): Cents {
  return Math.max(0, totalCostCents(content) - content.otherIncomeCents);
}

/** The maximum requestable amount: the call's cap, and no more than the costs leave (`costLimitCents`). */
export function maxRequestableCents(
  call: Pick<DossierCallRules, 'maxRequestedCents'>,
  content: Pick<DossierContent, 'budgetLines' | 'otherIncomeCents'>,
): Cents {
  return Math.min(call.maxRequestedCents, costLimitCents(content));
}

/** Who may apply: the applicant's kind is invited and, when the call names policy domains, one of them matches. */
export function eligibilityIssue(
  call: Pick<DossierCallRules, 'applicantKinds' | 'policyDomains'>,
  applicant: { kind: string; policyDomains: readonly string[] },
): { nl: string; en: string } | null {
  if (!call.applicantKinds.includes(applicant.kind)) {
    return {
      nl: 'deze oproep staat niet open voor dit soort aanvrager.',
      en: 'this call is not open to this kind of applicant.',
    };
  }
  if (call.policyDomains.length > 0 && !applicant.policyDomains.some((domain) => call.policyDomains.includes(domain))) {
    return {
      nl: `de organisatie werkt niet in een van de beleidsdomeinen ${call.policyDomains.join(', ')}.`,
      en: `the organisation does not work in one of the policy domains ${call.policyDomains.join(', ')}.`,
    };
  }
  return null;
}

/**
 * Rules that hold for every save (a draft may be incomplete, never wrong): amounts within the cap and the cost,
 * the period within the call, answers of the right shape. The server enforces them; the form shows them live.
 */
export function dossierDraftIssues(call: DossierCallRules, content: DossierContent): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (content.requestedCents > call.maxRequestedCents) {
    issues.push(
      issue(
        'requestedCents',
        'AMOUNT_ABOVE_CAP',
        `Het gevraagde bedrag is hoger dan het maximum van ${formatEuro(call.maxRequestedCents, 'nl')}.`,
        `The requested amount is above the maximum of ${formatEuro(call.maxRequestedCents, 'en')}.`,
      ),
    );
  }
  if (content.budgetLines.length > 0 || content.requestedCents > 0) {
    const limit = costLimitCents(content);
    if (content.requestedCents > limit) {
      issues.push(
        issue(
          'requestedCents',
          'AMOUNT_ABOVE_COST',
          `Het gevraagde bedrag is hoger dan de totale kost min de andere inkomsten (${formatEuro(limit, 'nl')}).`,
          `The requested amount is above the total cost minus other income (${formatEuro(limit, 'en')}).`,
        ),
      );
    }
  }
  for (const [field, value] of [
    ['ownContributionCents', content.ownContributionCents],
    ['otherIncomeCents', content.otherIncomeCents],
    ['requestedCents', content.requestedCents],
  ] as const) {
    if (!isCents(value)) issues.push(issue(field, 'notCents', 'Bedrag ongeldig.', 'Invalid amount.'));
  }
  if (content.projectStart && (content.projectStart < call.projectStart || content.projectStart > call.projectEnd)) {
    issues.push(
      issue(
        'projectStart',
        'PERIOD_OUTSIDE_CALL',
        `De start moet tussen ${call.projectStart} en ${call.projectEnd} liggen.`,
        `The start must lie between ${call.projectStart} and ${call.projectEnd}.`,
      ),
    );
  }
  if (content.projectEnd && (content.projectEnd > call.projectEnd || content.projectEnd < call.projectStart)) {
    issues.push(
      issue(
        'projectEnd',
        'PERIOD_OUTSIDE_CALL',
        `Het einde moet tussen ${call.projectStart} en ${call.projectEnd} liggen.`,
        `The end must lie between ${call.projectStart} and ${call.projectEnd}.`,
      ),
    );
  }
  if (content.projectStart && content.projectEnd && content.projectEnd < content.projectStart) {
    issues.push(
      issue(
        'projectEnd',
        'endBeforeStart',
        'Het project eindigt voor het begint.',
        'The project ends before it starts.',
      ),
    );
  }
  const known = new Map(call.questions.map((question) => [question.code, question]));
  for (const [code, value] of Object.entries(content.answers)) {
    const question = known.get(code);
    const field = `answers.${code}`;
    if (!question) {
      issues.push(issue(field, 'unknownQuestion', `Onbekende vraag ${code}.`, `Unknown question ${code}.`));
      continue;
    }
    if (value === null || value === '') continue;
    if (question.type === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        issues.push(
          issue(field, 'notNumber', `${question.label}: geef een getal.`, `${question.label}: enter a number.`),
        );
      } else if (
        (question.min !== undefined && value < question.min) ||
        (question.max !== undefined && value > question.max)
      ) {
        issues.push(
          issue(
            field,
            'outOfRange',
            `${question.label}: tussen ${question.min ?? '-'} en ${question.max ?? '-'}.`,
            `${question.label}: between ${question.min ?? '-'} and ${question.max ?? '-'}.`,
          ),
        );
      }
      continue;
    }
    if (typeof value !== 'string') {
      issues.push(issue(field, 'notText', `${question.label}: geef tekst.`, `${question.label}: enter text.`));
      continue;
    }
    // The shared human-text rule (ADR 0010); the call's own maximum follows below with its own message.
    const textIssue = humanTextIssue(field, value, { multiline: question.type === 'longText' }, question.label);
    if (textIssue) {
      issues.push(textIssue);
      continue;
    }
    if (question.type === 'choice' && !(question.options ?? []).includes(value)) {
      issues.push(
        issue(
          field,
          'unknownOption',
          `${question.label}: kies een van de opties.`,
          `${question.label}: choose one of the options.`,
        ),
      );
    }
    if (question.maxLength !== undefined && value.length > question.maxLength) {
      issues.push(
        issue(
          field,
          'tooLong',
          `${question.label}: hoogstens ${question.maxLength} tekens.`,
          `${question.label}: at most ${question.maxLength} characters.`,
        ),
      );
    }
  }
  return issues;
}

/**
 * Draft issues an autosave still stores: business rules that only stop a submission (ADR 0018). Whatever is not
 * listed here (unknown questions or options, wrong types, hostile or over-long text) can never be stored.
 */
export const DOSSIER_STORABLE_ISSUE_CODES: readonly string[] = [
  'AMOUNT_ABOVE_CAP',
  'AMOUNT_ABOVE_COST',
  'PERIOD_OUTSIDE_CALL',
  'endBeforeStart',
  'outOfRange',
];

/** The draft issues a save refuses: content that can never be stored, whatever the person does next. */
export function dossierRefusedIssues(call: DossierCallRules, content: DossierContent): RuleIssue[] {
  return dossierDraftIssues(call, content).filter((issue) => !DOSSIER_STORABLE_ISSUE_CODES.includes(issue.code));
}

/** What must be filled in before submitting, on top of the draft rules. */
export function dossierSubmissionIssues(call: DossierCallRules, content: DossierContent): RuleIssue[] {
  const issues = dossierDraftIssues(call, content);
  if (!content.title.trim())
    issues.push(issue('title', 'required', 'De projecttitel is verplicht.', 'The project title is required.'));
  if (!content.summary.trim())
    issues.push(issue('summary', 'required', 'De samenvatting is verplicht.', 'The summary is required.'));
  if (!content.projectStart)
    issues.push(issue('projectStart', 'required', 'De startdatum is verplicht.', 'The start date is required.'));
  if (!content.projectEnd)
    issues.push(issue('projectEnd', 'required', 'De einddatum is verplicht.', 'The end date is required.'));
  if (content.budgetLines.length === 0) {
    issues.push(
      issue('budgetLines', 'required', 'Geef minstens één begrotingslijn.', 'Give at least one budget line.'),
    );
  }
  if (content.requestedCents <= 0) {
    issues.push(
      issue('requestedCents', 'required', 'Het gevraagde bedrag is verplicht.', 'The requested amount is required.'),
    );
  }
  for (const question of call.questions) {
    const value = content.answers[question.code];
    const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    if (question.required && empty) {
      issues.push(
        issue(
          `answers.${question.code}`,
          'required',
          `${question.label} is verplicht.`,
          `${question.label} is required.`,
        ),
      );
    } else if (
      !empty &&
      typeof value === 'string' &&
      question.minLength !== undefined &&
      value.trim().length < question.minLength
    ) {
      issues.push(
        issue(
          `answers.${question.code}`,
          'tooShort',
          `${question.label}: minstens ${question.minLength} tekens.`,
          `${question.label}: at least ${question.minLength} characters.`,
        ),
      );
    }
  }
  for (const attachment of call.attachments) {
    if (attachment.required && !content.attachmentKinds.includes(attachment.code)) {
      issues.push(
        issue(
          `attachments.${attachment.code}`,
          'required',
          `Bijlage "${attachment.label}" ontbreekt.`,
          `Attachment "${attachment.label}" is missing.`,
        ),
      );
    }
  }
  return issues;
}

/** Human dossier reference: GV-CONNECT-2020-0042. */
export function dossierReference(callCode: string, sequence: number): string {
  return `${callCode}-${String(sequence).padStart(4, '0')}`;
}
