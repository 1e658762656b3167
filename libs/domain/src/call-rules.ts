import type { Cents } from './money';

export interface CallRulesInput {
  code: string;
  title: string;
  applicantKinds: readonly string[];
  policyDomains: readonly string[];
  opensAt: Date;
  closesAt: Date;
  maxRequestedCents: Cents;
  budgetCents: Cents;
  projectStart: string;
  projectEnd: string;
  questions: ReadonlyArray<{
    code: string;
    type: string;
    required: boolean;
    options?: readonly string[];
    minLength?: number;
    maxLength?: number;
    min?: number;
    max?: number;
  }>;
  attachments: ReadonlyArray<{ code: string; required: boolean }>;
  criteria: ReadonlyArray<{ code: string; scaleMin: number; scaleMax: number; weight: number; threshold: number }>;
}

export interface RuleIssue {
  field: string;
  code: string;
  message: { nl: string; en: string };
}

const issue = (field: string, code: string, nl: string, en: string): RuleIssue => ({
  field,
  code,
  message: { nl, en },
});

function duplicates(codes: readonly string[]): string[] {
  return codes.filter((code, index) => codes.indexOf(code) !== index);
}

/** Everything that must hold before a call can be published. */
export function callPublicationIssues(call: CallRulesInput): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (!call.title.trim()) issues.push(issue('title', 'required', 'De titel is verplicht.', 'The title is required.'));
  if (call.applicantKinds.length === 0) {
    issues.push(issue('applicantKinds', 'required', 'Kies wie kan indienen.', 'Choose who may apply.'));
  }
  if (call.closesAt.getTime() <= call.opensAt.getTime()) {
    issues.push(
      issue(
        'closesAt',
        'closesBeforeOpens',
        'De oproep moet sluiten na de opening.',
        'The call must close after it opens.',
      ),
    );
  }
  if (call.maxRequestedCents <= 0) {
    issues.push(
      issue(
        'maxRequestedCents',
        'positive',
        'Het maximumbedrag moet positief zijn.',
        'The maximum amount must be positive.',
      ),
    );
  }
  if (call.budgetCents <= 0)
    issues.push(issue('budgetCents', 'positive', 'Het budget moet positief zijn.', 'The budget must be positive.'));
  if (call.maxRequestedCents > call.budgetCents) {
    issues.push(
      issue(
        'maxRequestedCents',
        'capAboveBudget',
        'Het maximum per dossier mag niet hoger zijn dan het totale budget.',
        'The cap per dossier may not exceed the total budget.',
      ),
    );
  }
  if (call.projectEnd < call.projectStart) {
    issues.push(
      issue(
        'projectEnd',
        'endBeforeStart',
        'De projectperiode eindigt voor ze begint.',
        'The project period ends before it starts.',
      ),
    );
  }
  for (const code of duplicates(call.questions.map((q) => q.code))) {
    issues.push(
      issue(
        'questions',
        'duplicateCode',
        `Vraagcode ${code} komt twee keer voor.`,
        `Question code ${code} appears twice.`,
      ),
    );
  }
  call.questions.forEach((question, index) => {
    if (question.type === 'choice' && (!question.options || question.options.length < 2)) {
      issues.push(
        issue(
          `questions.${index}.options`,
          'choiceNeedsOptions',
          'Een keuzevraag heeft minstens twee opties.',
          'A choice question needs at least two options.',
        ),
      );
    }
    if (
      question.minLength !== undefined &&
      question.maxLength !== undefined &&
      question.minLength > question.maxLength
    ) {
      issues.push(
        issue(
          `questions.${index}.maxLength`,
          'lengthBounds',
          'De minimumlengte is groter dan de maximumlengte.',
          'The minimum length exceeds the maximum length.',
        ),
      );
    }
    if (question.min !== undefined && question.max !== undefined && question.min > question.max) {
      issues.push(
        issue(
          `questions.${index}.max`,
          'numberBounds',
          'Het minimum is groter dan het maximum.',
          'The minimum exceeds the maximum.',
        ),
      );
    }
  });
  for (const code of duplicates(call.attachments.map((a) => a.code))) {
    issues.push(
      issue(
        'attachments',
        'duplicateCode',
        `Bijlagecode ${code} komt twee keer voor.`,
        `Attachment code ${code} appears twice.`,
      ),
    );
  }
  for (const code of duplicates(call.criteria.map((c) => c.code))) {
    issues.push(
      issue(
        'criteria',
        'duplicateCode',
        `Criteriumcode ${code} komt twee keer voor.`,
        `Criterion code ${code} appears twice.`,
      ),
    );
  }
  call.criteria.forEach((criterion, index) => {
    if (!(criterion.weight > 0)) {
      issues.push(
        issue(
          `criteria.${index}.weight`,
          'positive',
          'Het gewicht moet positief zijn.',
          'The weight must be positive.',
        ),
      );
    }
    if (!(criterion.scaleMax > criterion.scaleMin)) {
      issues.push(issue(`criteria.${index}.scaleMax`, 'scaleBounds', 'De schaal is leeg.', 'The scale is empty.'));
    }
    if (criterion.threshold < criterion.scaleMin || criterion.threshold > criterion.scaleMax) {
      issues.push(
        issue(
          `criteria.${index}.threshold`,
          'thresholdOutsideScale',
          'De drempel ligt buiten de schaal.',
          'The threshold lies outside the scale.',
        ),
      );
    }
  });
  return issues;
}

/**
 * Once dossiers exist, a change may not hurt applicants: no earlier deadline or later opening,
 * no lower cap, no new required question or attachment, no narrower eligibility or project period.
 */
export function harmfulCallChanges(before: CallRulesInput, after: CallRulesInput): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (after.closesAt.getTime() < before.closesAt.getTime()) {
    issues.push(
      issue(
        'closesAt',
        'earlierDeadline',
        'De deadline mag niet vervroegd worden.',
        'The deadline may not be moved earlier.',
      ),
    );
  }
  if (after.opensAt.getTime() > before.opensAt.getTime()) {
    issues.push(
      issue('opensAt', 'laterOpening', 'De opening mag niet uitgesteld worden.', 'The opening may not be postponed.'),
    );
  }
  if (after.maxRequestedCents < before.maxRequestedCents) {
    issues.push(
      issue(
        'maxRequestedCents',
        'lowerCap',
        'Het maximumbedrag mag niet verlaagd worden.',
        'The cap may not be lowered.',
      ),
    );
  }
  const requiredBefore = new Set(before.questions.filter((q) => q.required).map((q) => q.code));
  for (const question of after.questions) {
    if (question.required && !requiredBefore.has(question.code)) {
      issues.push(
        issue(
          'questions',
          'newRequiredQuestion',
          `Nieuwe verplichte vraag ${question.code} niet toegelaten.`,
          `New required question ${question.code} not allowed.`,
        ),
      );
    }
  }
  const requiredAttachmentsBefore = new Set(before.attachments.filter((a) => a.required).map((a) => a.code));
  for (const attachment of after.attachments) {
    if (attachment.required && !requiredAttachmentsBefore.has(attachment.code)) {
      issues.push(
        issue(
          'attachments',
          'newRequiredAttachment',
          `Nieuwe verplichte bijlage ${attachment.code} niet toegelaten.`,
          `New required attachment ${attachment.code} not allowed.`,
        ),
      );
    }
  }
  if (before.applicantKinds.some((kind) => !after.applicantKinds.includes(kind))) {
    issues.push(
      issue(
        'applicantKinds',
        'narrowerEligibility',
        'Aanvragers mogen niet uitgesloten worden.',
        'Applicants may not be excluded.',
      ),
    );
  }
  if (before.policyDomains.some((domain) => !after.policyDomains.includes(domain))) {
    issues.push(
      issue(
        'policyDomains',
        'narrowerEligibility',
        'Beleidsdomeinen mogen niet geschrapt worden.',
        'Policy domains may not be removed.',
      ),
    );
  }
  if (after.projectStart > before.projectStart || after.projectEnd < before.projectEnd) {
    issues.push(
      issue(
        'projectEnd',
        'narrowerPeriod',
        'De projectperiode mag niet ingekort worden.',
        'The project period may not be shortened.',
      ),
    );
  }
  return issues;
}
