import type { CostCategory, ReportDraftInput, ReportView, RuleIssueView } from '@portal/contracts';
import { centsToAmountText, parseEuroToCents } from '../../lib/money-input';

/** The report form's values: text as typed (amounts and counts stay text until they parse, ADR 0018). */
export interface ReportFormValues {
  narrative: string;
  indicators: Array<{ code: string; realised: string }>;
  costLines: Array<{ description: string; category: CostCategory; amount: string }>;
}

export function toFormValues(report: ReportView, decimalSeparator: ',' | '.'): ReportFormValues {
  return {
    narrative: report.narrative,
    indicators: report.indicators.map((i) => ({
      code: i.code,
      realised: i.realised === null ? '' : String(i.realised),
    })),
    costLines: report.costLines.map((l) => ({
      description: l.description,
      category: l.category,
      amount: centsToAmountText(l.amountCents, decimalSeparator),
    })),
  };
}

/** A whole count of 0 or more, or null for an empty field; undefined when the text does not parse. */
export function parseCount(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/**
 * What the draft save sends: every part that parses. A list with a value that does not parse is not sent (the
 * server keeps its last saved version of that list); `unparsed` names the fields for "Niet bewaard".
 */
export function toDraftInput(values: ReportFormValues): { input: ReportDraftInput; unparsed: string[] } {
  const unparsed: string[] = [];
  const indicators = values.indicators.map((i, index) => {
    const realised = parseCount(i.realised);
    if (realised === undefined) unparsed.push(`indicators.${index}.realised`);
    return { code: i.code, realised: realised ?? null };
  });
  const costLines = values.costLines.map((l, index) => {
    const cents = l.amount.trim() === '' ? 0 : parseEuroToCents(l.amount);
    if (cents === null) unparsed.push(`costLines.${index}.amount`);
    return { description: l.description, category: l.category, amountCents: cents ?? 0 };
  });
  const input: ReportDraftInput = { narrative: values.narrative };
  if (!unparsed.some((f) => f.startsWith('indicators.'))) input.indicators = indicators;
  if (!unparsed.some((f) => f.startsWith('costLines.'))) input.costLines = costLines;
  return { input, unparsed };
}

/** The server names fields as the API does (`costLines.0.amountCents`); the form's path for each. */
export function formPathOf(field: string): string {
  return field.replace(/\.amountCents$/, '.amount');
}

export function issuesByPath(issues: readonly RuleIssueView[], language: 'nl' | 'en'): Record<string, string> {
  const map: Record<string, string> = {};
  for (const issue of issues) {
    const path = formPathOf(issue.field);
    map[path] = map[path] ? `${map[path]} ${issue.message[language]}` : issue.message[language];
  }
  return map;
}
