import {
  CALL_INFORMATION_FIELDS,
  type ApplicantKind,
  type CallAttachmentRequirement,
  type CallCriterion,
  type CallInformation,
  type CallInput,
  type CallQuestion,
  type CallView,
  type QuestionType,
  type TieBreakStep,
} from '@portal/contracts';
import { toBrusselsWallClock } from '../../lib/brussels';
import { centsToInput, parseEuroToCents } from '../../lib/money-input';

export interface QuestionFormValues {
  code: string;
  label: string;
  type: QuestionType;
  required: boolean;
  minLength: string;
  maxLength: string;
  min: string;
  max: string;
  /** Choice options, comma-separated. */
  options: string;
  help: string;
}

export interface CriterionFormValues {
  code: string;
  label: string;
  scaleMin: string;
  scaleMax: string;
  weight: string;
  threshold: string;
}

export interface CallFormValues {
  code: string;
  title: string;
  description: string;
  applicantKinds: ApplicantKind[];
  policyDomains: string[];
  /** Brussels wall-clock `YYYY-MM-DDTHH:mm` (datetime-local), sent as is. */
  opensAt: string;
  closesAt: string;
  maxRequested: string;
  budget: string;
  projectStart: string;
  projectEnd: string;
  oneDossierPerApplicant: boolean;
  attachments: CallAttachmentRequirement[];
  questions: QuestionFormValues[];
  criteria: CriterionFormValues[];
  tieBreak: { step: TieBreakStep }[];
  /** Every field of the call's information, '' when not filled in (the API drops empty texts). */
  information: Record<CallInformationField, string>;
}

export type CallInformationField = (typeof CALL_INFORMATION_FIELDS)[number];

function informationForm(information: CallInformation = {}): Record<CallInformationField, string> {
  return Object.fromEntries(CALL_INFORMATION_FIELDS.map((field) => [field, information[field] ?? ''])) as Record<
    CallInformationField,
    string
  >;
}

export const EMPTY_QUESTION: QuestionFormValues = {
  code: '',
  label: '',
  type: 'text',
  required: true,
  minLength: '',
  maxLength: '',
  min: '',
  max: '',
  options: '',
  help: '',
};

export const EMPTY_CRITERION: CriterionFormValues = {
  code: '',
  label: '',
  scaleMin: '0',
  scaleMax: '5',
  weight: '1',
  threshold: '0',
};

export function emptyCallForm(): CallFormValues {
  return {
    code: '',
    title: '',
    description: '',
    applicantKinds: ['organisation'],
    policyDomains: [],
    opensAt: '',
    closesAt: '',
    maxRequested: '',
    budget: '',
    projectStart: '',
    projectEnd: '',
    oneDossierPerApplicant: true,
    attachments: [],
    questions: [],
    criteria: [],
    tieBreak: [{ step: 'criteria-in-order' }, { step: 'earlier-submission' }],
    information: informationForm(),
  };
}

const numberText = (value: number | undefined, decimalSeparator: string) =>
  value === undefined || value === null ? '' : String(value).replace('.', decimalSeparator);

export function callToForm(call: CallView, decimalSeparator: ',' | '.'): CallFormValues {
  return {
    code: call.code,
    title: call.title,
    description: call.description,
    applicantKinds: [...call.applicantKinds],
    policyDomains: [...call.policyDomains],
    opensAt: toBrusselsWallClock(call.opensAt),
    closesAt: toBrusselsWallClock(call.closesAt),
    maxRequested: centsToInput(call.maxRequestedCents, decimalSeparator),
    budget: centsToInput(call.budgetCents, decimalSeparator),
    projectStart: call.projectStart,
    projectEnd: call.projectEnd,
    oneDossierPerApplicant: call.oneDossierPerApplicant,
    attachments: call.attachments.map((attachment) => ({ ...attachment })),
    questions: call.questions.map((question) => ({
      code: question.code,
      label: question.label,
      type: question.type,
      required: question.required,
      minLength: numberText(question.minLength, decimalSeparator),
      maxLength: numberText(question.maxLength, decimalSeparator),
      min: numberText(question.min, decimalSeparator),
      max: numberText(question.max, decimalSeparator),
      options: (question.options ?? []).join(', '),
      help: question.help ?? '',
    })),
    criteria: call.criteria.map((criterion) => ({
      code: criterion.code,
      label: criterion.label,
      scaleMin: numberText(criterion.scaleMin, decimalSeparator),
      scaleMax: numberText(criterion.scaleMax, decimalSeparator),
      weight: numberText(criterion.weight, decimalSeparator),
      threshold: numberText(criterion.threshold, decimalSeparator),
    })),
    tieBreak: call.tieBreak.map((step) => ({ step })),
    information: informationForm(call.information),
  };
}

/** Form path -> i18n key of a value that does not convert. */
export type CallParseErrors = Record<string, 'validation.amount' | 'validation.number' | 'validation.integer'>;

function parseNumber(text: string, path: string, errors: CallParseErrors, integer = false): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const normalized = trimmed.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalized) || (integer && !/^-?\d+$/.test(normalized))) {
    errors[path] = integer ? 'validation.integer' : 'validation.number';
    return undefined;
  }
  return Number(normalized);
}

/**
 * A code for an item the officer left without one, made from its label: "Begroting en financiën" -> "BEGROTING-EN-
 * FINANCIEN" (capitals, digits and dashes, as the API requires), unique within its list (-2, -3 ...). Codes the officer
 * typed, and codes already saved, are kept as they are: answers and scores refer to them.
 */
export function codeFromLabel(label: string, taken: ReadonlySet<string>, fallback: string): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || fallback;
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
  return code;
}

/** Fills in the missing codes of a list from the labels (see codeFromLabel). */
function withCodes<T extends { code: string; label: string }>(items: T[], fallback: string): T[] {
  const taken = new Set(items.map((item) => item.code.trim()).filter(Boolean));
  return items.map((item) => {
    if (item.code.trim()) return { ...item, code: item.code.trim() };
    const code = codeFromLabel(item.label, taken, fallback);
    taken.add(code);
    return { ...item, code };
  });
}

export function formToCallInput(values: CallFormValues): { input: CallInput; parseErrors: CallParseErrors } {
  const parseErrors: CallParseErrors = {};
  const money = (text: string, path: string): number => {
    if (text.trim() === '') return 0;
    const cents = parseEuroToCents(text);
    if (cents === null) {
      parseErrors[path] = 'validation.amount';
      return 0;
    }
    return cents;
  };
  const questions: CallQuestion[] = withCodes(values.questions, 'VRAAG').map((question, index) => {
    const base = `questions.${index}`;
    const result: CallQuestion = {
      code: question.code.trim(),
      label: question.label.trim(),
      type: question.type,
      required: question.required,
    };
    if (question.type === 'text' || question.type === 'longText') {
      const minLength = parseNumber(question.minLength, `${base}.minLength`, parseErrors, true);
      const maxLength = parseNumber(question.maxLength, `${base}.maxLength`, parseErrors, true);
      if (minLength !== undefined) result.minLength = minLength;
      if (maxLength !== undefined) result.maxLength = maxLength;
    }
    if (question.type === 'number') {
      const min = parseNumber(question.min, `${base}.min`, parseErrors);
      const max = parseNumber(question.max, `${base}.max`, parseErrors);
      if (min !== undefined) result.min = min;
      if (max !== undefined) result.max = max;
    }
    if (question.type === 'choice') {
      result.options = question.options
        .split(',')
        .map((option) => option.trim())
        .filter(Boolean);
    }
    if (question.help.trim()) result.help = question.help.trim();
    return result;
  });
  const criteria: CallCriterion[] = withCodes(values.criteria, 'CRITERIUM').map((criterion, index) => {
    const base = `criteria.${index}`;
    return {
      code: criterion.code.trim(),
      label: criterion.label.trim(),
      scaleMin: parseNumber(criterion.scaleMin, `${base}.scaleMin`, parseErrors) ?? 0,
      scaleMax: parseNumber(criterion.scaleMax, `${base}.scaleMax`, parseErrors) ?? 0,
      weight: parseNumber(criterion.weight, `${base}.weight`, parseErrors) ?? 0,
      threshold: parseNumber(criterion.threshold, `${base}.threshold`, parseErrors) ?? 0,
    };
  });
  return {
    input: {
      code: values.code.trim(),
      title: values.title.trim(),
      description: values.description,
      applicantKinds: values.applicantKinds,
      policyDomains: values.policyDomains,
      opensAt: values.opensAt,
      closesAt: values.closesAt,
      maxRequestedCents: money(values.maxRequested, 'maxRequested'),
      budgetCents: money(values.budget, 'budget'),
      projectStart: values.projectStart,
      projectEnd: values.projectEnd,
      oneDossierPerApplicant: values.oneDossierPerApplicant,
      attachments: withCodes(values.attachments, 'BIJLAGE').map((attachment) => ({
        code: attachment.code.trim(),
        label: attachment.label.trim(),
        required: attachment.required,
      })),
      questions,
      criteria,
      tieBreak: values.tieBreak.map((entry) => entry.step),
      information: Object.fromEntries(
        CALL_INFORMATION_FIELDS.map((field) => [field, values.information[field].trim()] as const).filter(
          ([, value]) => value !== '',
        ),
      ),
    },
    parseErrors,
  };
}

/** The fields of `next` that differ from `previous` (a PATCH sends only those). */
export function changedCallFields(previous: CallInput, next: CallInput): Partial<CallInput> {
  const patch: Partial<CallInput> = {};
  for (const key of Object.keys(next) as (keyof CallInput)[]) {
    if (JSON.stringify(previous[key]) !== JSON.stringify(next[key])) {
      (patch as Record<string, unknown>)[key] = next[key];
    }
  }
  return patch;
}

/** API field path -> form path. */
export function callFormPath(apiField: string): string {
  if (apiField === 'maxRequestedCents') return 'maxRequested';
  if (apiField === 'budgetCents') return 'budget';
  return apiField;
}

export function callElementId(formPath: string): string {
  return `call-field-${formPath.replace(/\./g, '-')}`;
}
