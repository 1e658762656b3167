import { useEffect, useRef, useState, type RefObject } from 'react';
import { FormProvider, useForm, useFormContext, useWatch, type FieldErrors, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReviewView, ScoreInput } from '@portal/contracts';
import { isApiError, type ProblemFieldError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { useSaveScores } from '../../api/reviews';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { ErrorSummary, type ErrorSummaryItem } from '../../components/error-summary';
import { FormField } from '../../components/form-field';
import i18n, { localeTag } from '../../i18n';
import { formatDateTime } from '../../lib/format';

type Criterion = ReviewView['call']['criteria'][number];

interface ScoreRow {
  /** The select's value: "" (no score yet) or a half point such as "3.5". */
  score: string;
  comment: string;
}

export interface ScoreFormValues {
  /** One row per criterion, in the call's order. */
  scores: ScoreRow[];
}

type Mode = 'draft' | 'submit';

/** A score as the reviewer reads it: "3,5" in Dutch, "3.5" in English. */
export function formatScore(score: number): string {
  return score.toLocaleString(localeTag(), { maximumFractionDigits: 1 });
}

/** scaleMin, scaleMin + 0.5, ... scaleMax (the API accepts half points only). */
export function halfPoints(criterion: Pick<Criterion, 'scaleMin' | 'scaleMax'>): number[] {
  const points: number[] = [];
  for (let doubled = Math.ceil(criterion.scaleMin * 2); doubled <= criterion.scaleMax * 2; doubled++) {
    points.push(doubled / 2);
  }
  return points;
}

export function scoreElementId(code: string): string {
  return `review-score-${code}`;
}

export function commentElementId(code: string): string {
  return `review-comment-${code}`;
}

function formValuesOf(view: ReviewView): ScoreFormValues {
  return {
    scores: view.call.criteria.map((criterion) => {
      const saved = view.scores.find((score) => score.criterionCode === criterion.code);
      return { score: saved ? String(saved.score) : '', comment: saved?.comment ?? '' };
    }),
  };
}

/** What is sent: only criteria with a score (a draft may be partial); an empty comment is null. */
function scoresOf(values: ScoreFormValues, criteria: readonly Criterion[]): ScoreInput[] {
  return criteria.flatMap((criterion, index) => {
    const row = values.scores[index];
    if (!row || row.score === '') return [];
    return [{ criterionCode: criterion.code, score: Number(row.score), comment: row.comment.trim() || null }];
  });
}

/**
 * The API names a score by its position in the array sent (`scores.<i>.score`) and a missing score or comment by the
 * criterion's code (`scores.<CODE>`, `scores.<CODE>.comment`); the form has one row per criterion.
 */
function formPathOf(
  field: string,
  sent: readonly ScoreInput[],
  criteria: readonly Criterion[],
): Path<ScoreFormValues> | null {
  const rowOf = (code: string | undefined) => criteria.findIndex((criterion) => criterion.code === code);
  const byIndex = /^scores\.(\d+)\.(score|comment)$/.exec(field);
  if (byIndex && sent[Number(byIndex[1])]) {
    const row = rowOf(sent[Number(byIndex[1])]?.criterionCode);
    return row < 0 ? null : `scores.${row}.${byIndex[2] as 'score' | 'comment'}`;
  }
  const byCode = /^scores\.([A-Za-z0-9_-]+)(?:\.(score|comment))?$/.exec(field);
  if (byCode) {
    const row = rowOf(byCode[1]);
    return row < 0 ? null : `scores.${row}.${(byCode[2] as 'score' | 'comment' | undefined) ?? 'score'}`;
  }
  return null;
}

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
      <h2 id="score-form-title">{t('reviewer.scores.title')}</h2>
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
          title={t('reviewer.scores.errorSummaryTitle')}
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
              {confirming ? (
                <div
                  ref={confirmRef}
                  tabIndex={-1}
                  className="confirm-box"
                  role="group"
                  aria-labelledby="review-confirm-text"
                >
                  <p id="review-confirm-text">
                    <strong>{t('reviewer.scores.confirm')}</strong>
                  </p>
                  <div className="button-row">
                    <Button
                      variant="primary"
                      busy={busy === 'submit'}
                      busyLabel={t('reviewer.scores.submitting')}
                      onClick={onConfirm}
                      data-testid="review-submit-confirm"
                    >
                      {t('reviewer.scores.confirmYes')}
                    </Button>
                    <Button variant="secondary" onClick={() => setConfirming(false)} data-testid="review-submit-cancel">
                      {t('reviewer.scores.confirmCancel')}
                    </Button>
                  </div>
                </div>
              ) : (
                <div className="button-row">
                  <Button
                    variant="secondary"
                    busy={busy === 'draft'}
                    busyLabel={t('reviewer.scores.saving')}
                    onClick={onSaveDraft}
                    data-testid="review-save"
                  >
                    {t('reviewer.scores.save')}
                  </Button>
                  <Button variant="primary" onClick={onSubmit} data-testid="review-submit">
                    {t('reviewer.scores.submit')}
                  </Button>
                </div>
              )}
            </>
          )}
        </form>
      </FormProvider>
    </section>
  );
}

interface CriterionFieldsProps {
  criterion: Criterion;
  index: number;
  modeRef: RefObject<Mode>;
}

/** One criterion: a fieldset with its score (half points) and comment (required below the threshold). */
function CriterionFields({ criterion, index, modeRef }: CriterionFieldsProps) {
  const { t } = useTranslation();
  const { register } = useFormContext<ScoreFormValues>();
  const scorePath = `scores.${index}.score` as const;
  const commentPath = `scores.${index}.comment` as const;
  const score = useWatch<ScoreFormValues, typeof scorePath>({ name: scorePath });
  const belowThreshold = score !== '' && score !== undefined && Number(score) < criterion.threshold;
  const threshold = formatScore(criterion.threshold);

  const scoreRegistration = register(scorePath, {
    deps: [commentPath],
    validate: (value, values) => {
      if (value !== '') return true;
      if (modeRef.current === 'submit') return 'reviewer.scores.scoreRequired';
      // A draft keeps only scored criteria: a comment on its own would be lost.
      return values.scores[index]?.comment.trim() ? 'reviewer.scores.scoreNeededForComment' : true;
    },
  });
  const commentRegistration = register(commentPath, {
    maxLength: { value: 5000, message: 'reviewer.scores.commentTooLong' },
    validate: (value, values) => {
      // Like the API: the comment is asked when the review is submitted, a draft may still lack it.
      if (modeRef.current !== 'submit') return true;
      const given = values.scores[index]?.score ?? '';
      return given !== '' && Number(given) < criterion.threshold && !value.trim()
        ? 'reviewer.scores.commentRequired'
        : true;
    },
  });

  return (
    <fieldset className="fieldset" data-testid={`review-criterion-${criterion.code}`}>
      <legend className="fieldset__legend">
        {criterion.label}{' '}
        <span className="muted">
          {`(${t('reviewer.scores.legendMeta', { weight: formatScore(criterion.weight), threshold })})`}
        </span>
      </legend>
      <div className="form form--nested">
        <FormField
          as="select"
          name={scorePath}
          id={scoreElementId(criterion.code)}
          registration={scoreRegistration}
          label={t('reviewer.scores.score')}
          help={t('reviewer.scores.scoreHelp', {
            min: formatScore(criterion.scaleMin),
            max: formatScore(criterion.scaleMax),
          })}
          required
          placeholder={t('reviewer.scores.choose')}
          options={halfPoints(criterion).map((point) => ({ value: String(point), label: formatScore(point) }))}
          className="form-field--short"
          data-testid={scoreElementId(criterion.code)}
        />
        <FormField
          as="textarea"
          name={commentPath}
          id={commentElementId(criterion.code)}
          registration={commentRegistration}
          label={t('reviewer.scores.comment')}
          help={
            criterion.threshold <= criterion.scaleMin
              ? t('reviewer.scores.commentHelpOptional')
              : belowThreshold
                ? t('reviewer.scores.commentHelpBelow', { threshold })
                : t('reviewer.scores.commentHelp', { threshold })
          }
          required={belowThreshold}
          rows={4}
          maxLength={5000}
          data-testid={commentElementId(criterion.code)}
        />
      </div>
    </fieldset>
  );
}
