import { useEffect, useRef, useState, type RefObject } from 'react';
import { FormProvider, useForm, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReviewView, ScoreInput } from '@portal/contracts';
import { isApiError, type ProblemFieldError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useSaveScores } from '../../api/reviews';
import { Alert } from '../../components/alert';
import { ErrorSummary, type ErrorSummaryItem } from '../../components/error-summary';
import i18n from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { CriterionFields } from './criterion-fields';
import { ScoreFormActions } from './score-form-actions';
import {
  commentElementId,
  formPathOf,
  formValuesOf,
  scoreElementId,
  scoresOf,
  type Criterion,
  type Mode,
  type ScoreFormValues,
} from './score-form-model';

function translated(message: string | undefined): string {
  if (!message) return '';
  return i18n.exists(message) ? (i18n.t as unknown as (key: string) => string)(message) : message;
}

function summaryItemsOf(errors: FieldErrors<ScoreFormValues>, criteria: readonly Criterion[]): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = [];
  criteria.forEach((criterion, index) => {
    const row = errors.scores?.[index];
    if (row?.score?.message) {
      items.push({
        targetId: scoreElementId(criterion.code),
        message: `${criterion.label}: ${translated(row.score.message)}`,
      });
    }
    if (row?.comment?.message) {
      items.push({
        targetId: commentElementId(criterion.code),
        message: `${criterion.label}: ${translated(row.comment.message)}`,
      });
    }
  });
  return items;
}

export interface ScoreFormProps {
  review: ReviewView;
}

/**
 * Per criterion a half-point score and a comment (required below the threshold); "Tussentijds bewaren" keeps a draft,
 * "Indienen" (after a confirmation) makes the review final, after which the form is read-only.
 */
export function ScoreForm({ review }: ScoreFormProps) {
  const { t } = useTranslation();
  const criteria = review.call.criteria;
  const readOnly = review.status !== 'assigned';
  const save = useSaveScores(review.id);
  const form = useForm<ScoreFormValues>({
    mode: 'onTouched',
    defaultValues: formValuesOf(review),
    // Focus goes to the error summary, which links to each field.
    shouldFocusError: false,
  });
  // Which button was used: the rules depend on it (a draft may be partial, a submission may not).
  const modeRef = useRef<Mode>('draft');
  const [busy, setBusy] = useState<Mode | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [summaryShown, setSummaryShown] = useState(false);
  const [summaryDescription, setSummaryDescription] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [summaryMode, setSummaryMode] = useState<Mode>('draft');
  const [problem, setProblem] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [justSubmitted, setJustSubmitted] = useState(false);

  const summaryRef = useRef<HTMLDivElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const submittedRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<'summary' | 'problem' | 'confirm' | 'submitted' | null>(null);

  useEffect(() => {
    if (!focus) return;
    const refs: Record<typeof focus, RefObject<HTMLDivElement | null>> = {
      summary: summaryRef,
      problem: problemRef,
      confirm: confirmRef,
      submitted: submittedRef,
    };
    const element = refs[focus].current;
    element?.focus();
    element?.scrollIntoView({ block: 'start' });
    setFocus(null);
  }, [focus]);

  const summaryItems = summaryItemsOf(form.formState.errors, criteria);

  const showSummary = (description?: string) => {
    setSummaryShown(true);
    setSummaryMode(modeRef.current);
    setSummaryDescription(description);
    setAttempt((n) => n + 1);
    setFocus('summary');
  };

  const start = (mode: Mode) => {
    modeRef.current = mode;
    setProblem(null);
    setSavedAt(null);
    setSummaryDescription(undefined);
  };

  const onInvalid = () => {
    setConfirming(false);
    showSummary();
  };

  const handleFailure = (error: unknown, sent: readonly ScoreInput[]) => {
    setConfirming(false);
    if (isApiError(error) && error.code === 'REVIEW_ALREADY_SUBMITTED') {
      // The mutation reloads the review, and the page shows it read-only.
      setProblem(errorMessage(error, t));
      setFocus('problem');
      return;
    }
    const unplaced: ProblemFieldError[] = [];
    let placed = false;
    if (isApiError(error)) {
      for (const fieldError of error.errors) {
        const path = formPathOf(fieldError.field, sent, criteria);
        if (!path) {
          unplaced.push(fieldError);
          continue;
        }
        form.setError(path, { type: `server.${fieldError.code}`, message: fieldError.message });
        placed = true;
      }
    }
    if (placed) {
      showSummary(isApiError(error) ? error.detail : undefined);
      if (unplaced.length > 0) setProblem(unplaced.map((item) => item.message).join(' '));
      return;
    }
    setProblem(errorMessage(error, t));
    setFocus('problem');
  };

  const send = async (values: ScoreFormValues, submit: boolean) => {
    const scores = scoresOf(values, criteria);
    if (!submit && scores.length === 0) {
      setProblem(t('reviewer.scores.nothingToSave'));
      setFocus('problem');
      return;
    }
    setBusy(submit ? 'submit' : 'draft');
    try {
      const view = await save.mutateAsync({ scores, submit });
      form.reset(formValuesOf(view));
      setSummaryShown(false);
      setConfirming(false);
      if (submit) {
        setJustSubmitted(true);
        setFocus('submitted');
      } else {
        setSavedAt(new Date().toISOString());
      }
    } catch (error) {
      handleFailure(error, scores);
    } finally {
      setBusy(null);
    }
  };

  const onSaveDraft = () => {
    start('draft');
    setConfirming(false);
    void form.handleSubmit((values) => send(values, false), onInvalid)();
  };

  const onSubmit = () => {
    start('submit');
    void form.handleSubmit(() => {
      setSummaryShown(false);
      setConfirming(true);
      setFocus('confirm');
    }, onInvalid)();
  };

  // The values are checked again: they may have changed while the question was shown.
  const onConfirm = () => {
    start('submit');
    void form.handleSubmit((values) => send(values, true), onInvalid)();
  };

  const submittedAt = review.submittedAt ?? null;

  return (
    <section className="score-form" aria-labelledby="score-form-title">
      <h2 id="score-form-title" tabIndex={-1}>
        {t('reviewer.scores.title')}
      </h2>
      <p>
        <a href="#reviewed-dossier-title">{t('reviewer.review.jumpToDossier')}</a>
      </p>
      {readOnly ? null : <p>{t('reviewer.scores.intro')}</p>}

      {review.status === 'submitted' ? (
        <div ref={submittedRef} tabIndex={-1} className="focus-target">
          <Alert tone="success" title={t('reviewer.scores.submittedTitle')} data-testid="review-submitted">
            {submittedAt
              ? t('reviewer.scores.submittedAt', { at: formatDateTime(submittedAt, 'longDateTime') })
              : t('reviewer.scores.submitted')}
            {justSubmitted ? ` ${t('reviewer.scores.thanks')}` : null}
          </Alert>
        </div>
      ) : null}

      {problem ? (
        <div ref={problemRef} tabIndex={-1} className="focus-target">
          <Alert tone="error" data-testid="review-error">
            {problem}
          </Alert>
        </div>
      ) : null}

      {summaryShown && summaryItems.length > 0 ? (
        <ErrorSummary
          key={attempt}
          ref={summaryRef}
          errors={summaryItems}
          title={
            summaryMode === 'submit'
              ? t('reviewer.scores.errorSummaryTitleSubmit')
              : t('reviewer.scores.errorSummaryTitle')
          }
          description={summaryDescription}
          data-testid="error-summary"
        />
      ) : null}

      <FormProvider {...form}>
        <form
          className="form"
          noValidate
          aria-label={t('reviewer.scores.formLabel', { reference: review.reference ?? '' })}
          onSubmit={(event) => {
            // Enter in a field must not submit a final review: only the explicit buttons below act.
            event.preventDefault();
          }}
          data-testid="review-scores-form"
        >
          <fieldset className="plain-fieldset" disabled={readOnly}>
            <div className="form">
              {criteria.map((criterion, index) => (
                <CriterionFields key={criterion.code} criterion={criterion} index={index} modeRef={modeRef} />
              ))}
            </div>
          </fieldset>

          {readOnly ? null : (
            <>
              {savedAt ? (
                <Alert tone="success" key={savedAt} data-testid="review-saved">
                  {t('reviewer.scores.saved', { time: formatDateTime(savedAt, 'timeSeconds') })}
                </Alert>
              ) : null}
              <ScoreFormActions
                confirming={confirming}
                confirmRef={confirmRef}
                busy={busy}
                onSaveDraft={onSaveDraft}
                onSubmit={onSubmit}
                onConfirm={onConfirm}
                onCancel={() => setConfirming(false)}
              />
            </>
          )}
        </form>
      </FormProvider>
    </section>
  );
}
