import type { AnswerValue, BudgetLine, CallView, DossierDraftInput, DossierView } from '@portal/contracts';
import type { DossierCallRules, DossierContent, RuleIssue } from '@portal/domain';
import { centsToAmountText, parseEuroToCents } from '../../lib/money-input';

/** What the form edits: amounts as typed text (euro), answers as text, dates as `YYYY-MM-DD` or ''. */
export interface DossierFormValues {
  title: string;
  summary: string;
  answers: Record<string, string>;
  projectStart: string;
  projectEnd: string;
  budgetLines: { description: string; amount: string }[];
  otherIncome: string;
  ownContribution: string;
  requested: string;
}

/** Every editable field of a dossier, as the API takes them. */
export type DraftContent = Required<DossierDraftInput>;

export type DraftKey = keyof DraftContent;

const DRAFT_KEYS: readonly DraftKey[] = [
  'title',
  'summary',
  'answers',
  'projectStart',
  'projectEnd',
  'budgetLines',
  'otherIncomeCents',
  'ownContributionCents',
  'requestedCents',
];

export function callRules(call: CallView): DossierCallRules {
  return call;
}

export function toFormValues(view: DossierView, call: CallView, decimalSeparator: ',' | '.'): DossierFormValues {
  const answers: Record<string, string> = {};
  for (const question of call.questions) {
    const value = view.answers[question.code];
    answers[question.code] =
      value === null || value === undefined
        ? ''
        : typeof value === 'number'
          ? String(value).replace('.', decimalSeparator)
          : value;
  }
  const money = (cents: number) => (cents > 0 ? centsToAmountText(cents, decimalSeparator) : '');
  return {
    title: view.title,
    summary: view.summary,
    answers,
    projectStart: view.projectStart ?? '',
    projectEnd: view.projectEnd ?? '',
    budgetLines: view.budgetLines.map((line) => ({
      description: line.description,
      amount: centsToAmountText(line.amountCents, decimalSeparator),
    })),
    otherIncome: money(view.otherIncomeCents),
    ownContribution: money(view.ownContributionCents),
    requested: money(view.requestedCents),
  };
}

/** Form path -> i18n key of a conversion problem (text that is not an amount or not a number). */
export type ParseErrors = Record<string, 'validation.amount' | 'validation.number'>;

function parseMoney(text: string, path: string, errors: ParseErrors): number | undefined {
  if (text.trim() === '') return 0;
  const cents = parseEuroToCents(text);
  if (cents === null) {
    errors[path] = 'validation.amount';
    return undefined;
  }
  return cents;
}

function parseNumberAnswer(text: string, path: string, errors: ParseErrors): AnswerValue | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const normalized = trimmed.replace(',', '.');
  const value = /^-?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : Number.NaN;
  if (!Number.isFinite(value)) {
    errors[path] = 'validation.number';
    return undefined;
  }
  return value;
}

export interface ConvertedDraft {
  /** The fields as the API takes them; a field that does not convert keeps `fallback`'s value. */
  content: DraftContent;
  parseErrors: ParseErrors;
  /** Draft keys with at least one conversion problem (never sent while the problem lasts). */
  unparsable: Set<DraftKey>;
}

export function toDraft(values: DossierFormValues, call: CallView, fallback: DraftContent): ConvertedDraft {
  const parseErrors: ParseErrors = {};
  const unparsable = new Set<DraftKey>();

  const answers: Record<string, AnswerValue> = {};
  for (const question of call.questions) {
    const text = values.answers?.[question.code] ?? '';
    const path = `answers.${question.code}`;
    if (question.type === 'number') {
      const parsed = parseNumberAnswer(text, path, parseErrors);
      answers[question.code] = parsed === undefined ? (fallback.answers[question.code] ?? null) : parsed;
    } else {
      answers[question.code] = text === '' ? null : text;
    }
  }

  const budgetLines: BudgetLine[] = [];
  let budgetOk = true;
  values.budgetLines.forEach((line, index) => {
    const cents = parseMoney(line.amount, `budgetLines.${index}.amount`, parseErrors);
    if (cents === undefined) budgetOk = false;
    budgetLines.push({ description: line.description, amountCents: cents ?? 0 });
  });
  if (!budgetOk) unparsable.add('budgetLines');

  const money = (key: 'otherIncomeCents' | 'ownContributionCents' | 'requestedCents', text: string, path: string) => {
    const cents = parseMoney(text, path, parseErrors);
    if (cents === undefined) {
      unparsable.add(key);
      return fallback[key];
    }
    return cents;
  };

  return {
    content: {
      title: values.title,
      summary: values.summary,
      answers,
      projectStart: values.projectStart || null,
      projectEnd: values.projectEnd || null,
      budgetLines: budgetOk ? budgetLines : fallback.budgetLines,
      otherIncomeCents: money('otherIncomeCents', values.otherIncome, 'otherIncome'),
      ownContributionCents: money('ownContributionCents', values.ownContribution, 'ownContribution'),
      requestedCents: money('requestedCents', values.requested, 'requested'),
    },
    parseErrors,
    unparsable,
  };
}

/** The content the domain rules check: what the form shows, with unconvertible amounts counted as 0. */
export function contentForRules(
  values: DossierFormValues,
  call: CallView,
  converted: ConvertedDraft,
  attachmentKinds: readonly string[],
): DossierContent {
  const budgetLines = values.budgetLines.map((line) => ({
    description: line.description,
    amountCents: parseEuroToCents(line.amount) ?? 0,
  }));
  return {
    ...converted.content,
    budgetLines,
    otherIncomeCents: parseEuroToCents(values.otherIncome) ?? 0,
    ownContributionCents: parseEuroToCents(values.ownContribution) ?? 0,
    requestedCents: parseEuroToCents(values.requested) ?? 0,
    answers: Object.fromEntries(
      call.questions.map((question) => [question.code, converted.content.answers[question.code] ?? null]),
    ),
    attachmentKinds,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields to send: what changed since the last save, minus fields that cannot be saved now (conversion problems,
 * or a rule the server would refuse). A refused answer keeps its saved value; the other answers still go.
 */
export function changedFields(
  saved: DraftContent,
  current: DraftContent,
  blocked: ReadonlySet<DraftKey>,
  blockedAnswers: ReadonlySet<string>,
): DossierDraftInput {
  const patch: DossierDraftInput = {};
  for (const key of DRAFT_KEYS) {
    if (blocked.has(key)) continue;
    let value = current[key];
    if (key === 'answers') {
      const answers = { ...current.answers };
      for (const code of blockedAnswers) answers[code] = saved.answers[code] ?? null;
      value = answers;
    }
    if (!same(saved[key], value)) (patch as Record<string, unknown>)[key] = value;
  }
  return patch;
}

export function mergeSaved(saved: DraftContent, patch: DossierDraftInput): DraftContent {
  return { ...saved, ...patch };
}

export function isEmptyPatch(patch: DossierDraftInput): boolean {
  return Object.keys(patch).length === 0;
}

/** Which draft fields a rule issue stops from being saved (the server checks the same rules on every save). */
export function blockedByIssues(issues: readonly RuleIssue[]): { keys: Set<DraftKey>; answers: Set<string> } {
  const keys = new Set<DraftKey>();
  const answers = new Set<string>();
  for (const issue of issues) {
    if (issue.field.startsWith('answers.')) {
      answers.add(issue.field.slice('answers.'.length));
    } else if (issue.code === 'AMOUNT_ABOVE_COST') {
      keys.add('requestedCents').add('budgetLines').add('otherIncomeCents');
    } else if ((DRAFT_KEYS as readonly string[]).includes(issue.field)) {
      keys.add(issue.field as DraftKey);
    }
  }
  return { keys, answers };
}

/** API field path (`requestedCents`, `budgetLines.0.amountCents`, `attachments.BEGROTING`) -> form path. */
export function formPathOf(apiField: string): string {
  const renamed: Record<string, string> = {
    requestedCents: 'requested',
    otherIncomeCents: 'otherIncome',
    ownContributionCents: 'ownContribution',
  };
  if (renamed[apiField]) return renamed[apiField];
  const line = /^budgetLines\.(\d+)\.(amountCents|description)$/.exec(apiField);
  if (line) return `budgetLines.${line[1]}.${line[2] === 'amountCents' ? 'amount' : 'description'}`;
  return apiField;
}

/** Id of the control a form path is edited in (the error summary links to it). */
export function elementIdOf(formPath: string): string {
  if (formPath.startsWith('attachments.')) return `attachment-input-${formPath.slice('attachments.'.length)}`;
  if (formPath === 'budgetLines') return 'dossier-field-budgetLines';
  return `dossier-field-${formPath.replace(/\./g, '-')}`;
}

/** The saved content of a dossier, normalised the way the form converts it (so comparisons are like for like). */
export function draftOf(view: DossierView, call: CallView): DraftContent {
  const raw: DraftContent = {
    title: view.title,
    summary: view.summary,
    answers: { ...view.answers },
    projectStart: view.projectStart,
    projectEnd: view.projectEnd,
    budgetLines: view.budgetLines,
    otherIncomeCents: view.otherIncomeCents,
    ownContributionCents: view.ownContributionCents,
    requestedCents: view.requestedCents,
  };
  return toDraft(toFormValues(view, call, ','), call, raw).content;
}

export function sameContent(a: DraftContent, b: DraftContent): boolean {
  return DRAFT_KEYS.every((key) => same(a[key], b[key]));
}

/** Keys whose values differ (for the "someone else saved" comparison). */
export function differingKeys(a: DraftContent, b: DraftContent): DraftKey[] {
  return DRAFT_KEYS.filter((key) => !same(a[key], b[key]));
}
