import { useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { WEB_ROUTES, type CallView } from '@portal/contracts';
import { dossierSubmissionIssues } from '@portal/domain';
import { isApiError } from '../../api/client';
import { dossierQueryKeys, useSubmitDossier } from '../../api/dossiers';
import { errorMessage } from '../../api/error-message';
import { newIdempotencyKey } from '../../lib/idempotency';
import { contentForRules, toDraft, type DossierFormValues } from './dossier-form-model';
import { serverErrorMap, type DossierAutosave } from './use-dossier-autosave';

export interface SubmitProblem {
  title?: string;
  message: string;
  /** No definitive answer (network, server error): a retry reuses the same Idempotency-Key. */
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
 * Submitting: save first, check completeness with the domain rules, then submit once with an Idempotency-Key that a
 * retry after an uncertain outcome (network, server error) reuses; on success the receipt page.
 */
export function useDossierSubmit({ dossierId, call, form, autosave, focus }: SubmitOptions) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const submitDossier = useSubmitDossier(dossierId);
  const submitKeyRef = useRef<string | null>(null);
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
      submitKeyRef.current ??= newIdempotencyKey();
      await submitDossier.mutateAsync(submitKeyRef.current);
      submitKeyRef.current = null;
      await navigate(WEB_ROUTES.dossierReceipt(dossierId));
    } catch (error) {
      const transient = !isApiError(error) || error.isNetworkError || error.status >= 500;
      if (!transient) submitKeyRef.current = null;
      if (isApiError(error) && error.code === 'DOSSIER_INCOMPLETE') {
        autosave.setServerErrors(serverErrorMap(error.errors));
        showSummary(error.detail);
      } else if (isApiError(error) && (error.code === 'DEADLINE_PASSED' || error.code === 'DOSSIER_READ_ONLY')) {
        setSubmitProblem({
          title: t('dossier.deadlinePassedTitle'),
          message: errorMessage(error, t),
          retryable: false,
        });
        await queryClient.invalidateQueries({ queryKey: dossierQueryKeys.detail(dossierId) });
        focus('problem');
      } else {
        setSubmitProblem({ message: errorMessage(error, t), retryable: transient });
        focus('problem');
      }
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  };

  return { submit, submitting, submitProblem, showSubmitIssues, summaryDescription, summaryAttempt };
}
