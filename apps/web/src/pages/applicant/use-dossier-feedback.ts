import { useTranslation } from 'react-i18next';
import type { CallView } from '@portal/contracts';
import { dossierDraftIssues, dossierSubmissionIssues, maxRequestableCents, totalCostCents } from '@portal/domain';
import type { ErrorSummaryItem } from '../../components/error-summary';
import { localized } from '../../lib/localized';
import {
  contentForRules,
  elementIdOf,
  formPathOf,
  toDraft,
  type DossierFormValues,
  type DraftContent,
} from './dossier-form-model';
import type { ServerErrors } from './use-dossier-autosave';

interface FeedbackInput {
  call: CallView;
  values: DossierFormValues;
  /** The content as last saved (fields that do not parse keep their saved value). */
  saved: DraftContent;
  attachmentKinds: string[];
  serverErrors: ServerErrors;
  /** After a submit attempt: the completeness rules too, not only the rules of every save. */
  complete: boolean;
}

/**
 * Instant feedback on the form as it is now: parse errors, the domain's rules (the same the API enforces) and the
 * server's complaints, one message list per form path; the totals and the maximum requestable amount.
 */
export function useDossierFeedback({ call, values, saved, attachmentKinds, serverErrors, complete }: FeedbackInput) {
  const { t } = useTranslation();
  const converted = toDraft(values, call, saved);
  const ruleContent = contentForRules(values, call, converted, attachmentKinds);
  const issues = complete ? dossierSubmissionIssues(call, ruleContent) : dossierDraftIssues(call, ruleContent);

  const errors = new Map<string, string[]>();
  const addError = (path: string, message: string) => {
    const list = errors.get(path) ?? [];
    if (!list.includes(message)) list.push(message);
    errors.set(path, list);
  };
  // A value that does not parse stays in the form only: say so next to it (the other fields are saved).
  for (const [path, key] of Object.entries(converted.parseErrors)) addError(path, `${t(key)} ${t('drafts.notSaved')}`);
  for (const issue of issues) addError(formPathOf(issue.field), localized(issue.message));
  for (const [path, message] of Object.entries(serverErrors)) addError(path, message);

  const summaryItems: ErrorSummaryItem[] = [...errors.entries()].map(([path, messages]) => ({
    targetId: path ? elementIdOf(path) : null,
    message: messages.join(' '),
  }));

  return {
    /** The form's content as the API would take it. */
    content: converted.content,
    errorFor: (path: string): string | undefined => errors.get(path)?.join(' '),
    summaryItems,
    totalCents: totalCostCents(ruleContent),
    requestLimit: maxRequestableCents(call, ruleContent),
  };
}
