import { useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { WEB_ROUTES, type CallView } from '@portal/contracts';
import { dossierSubmissionIssues } from '@portal/domain';
import { dossierQueryKeys } from '../../api/dossiers';
import { errorMessage } from '../../api/error-message';
import { contentForRules, toDraft, type DossierFormValues } from './dossier-form-model';
import type { DossierAutosave } from './use-dossier-autosave';

export interface SubmitProblem {
  title?: string;
  message: string;
  /** The check step could not be reached (save failed unexpectedly): "Opnieuw" tries again. */
  retryable: boolean;
}

/** Where the page moves the focus after a submit attempt. */
export type SubmitFocus = 'summary' | 'problem' | 'conflict';

interface SubmitOptions {
  dossierId: string;
  call: CallView;
  form: UseFormReturn<DossierFormValues>;
  autosave: DossierAutosave;
  focus: (target: SubmitFocus) => void;
}

/**
 * "Controleren en indienen": save first, check completeness with the domain rules, then the check step
 * (`/aanvrager/dossiers/:id/controleren`) shows what will be submitted and submits with the declaration on honour.
 */
export function useDossierSubmit({ dossierId, call, form, autosave, focus }: SubmitOptions) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const submittingRef = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitProblem, setSubmitProblem] = useState<SubmitProblem | null>(null);
  const [showSubmitIssues, setShowSubmitIssues] = useState(false);
  const [summaryDescription, setSummaryDescription] = useState<string | undefined>(undefined);
  const [summaryAttempt, setSummaryAttempt] = useState(0);

  const showSummary = (description?: string) => {
    setShowSubmitIssues(true);
    if (description !== undefined) setSummaryDescription(description);
    setSummaryAttempt((n) => n + 1);
    focus('summary');
  };

  const submit = async () => {
    if (submittingRef.current) return; // a second click while the first is still running
    submittingRef.current = true;
    setSubmitting(true);
    setSubmitProblem(null);
    setSummaryDescription(undefined);
    try {
      const outcome = await autosave.saveNow();
      if (outcome === 'failed') {
        setSubmitProblem({ message: t('dossier.submitBlockedBySave'), retryable: false });
        focus(autosave.hasConflict() ? 'conflict' : 'problem');
        return;
      }
      const formValues = form.getValues();
      const latest = toDraft(formValues, call, autosave.saved());
      const completeness = dossierSubmissionIssues(
        call,
        contentForRules(formValues, call, latest, autosave.attachmentKinds()),
      );
      if (completeness.length > 0 || Object.keys(latest.parseErrors).length > 0 || outcome === 'blocked') {
        showSummary();
        return;
      }
      // Saved and complete: the check step shows what will be submitted and asks the declaration on honour.
      await queryClient.invalidateQueries({ queryKey: dossierQueryKeys.detail(dossierId) });
      await navigate(WEB_ROUTES.dossierCheck(dossierId));
    } catch (error) {
      setSubmitProblem({ message: errorMessage(error, t), retryable: true });
      focus('problem');
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  };

  return { submit, submitting, submitProblem, showSubmitIssues, summaryDescription, summaryAttempt };
}
