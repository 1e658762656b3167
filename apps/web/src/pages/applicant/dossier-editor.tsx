import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AttachmentView, CallQuestion, CallView, DossierView } from '@portal/contracts';
import { dossierDraftIssues, dossierSubmissionIssues, totalCostCents, type RuleIssue } from '@portal/domain';
import { isApiError, type ProblemFieldError } from '../../api/client';
import {
  conflictingVersion,
  dossierQueryKeys,
  fetchDossier,
  patchDossier,
  submitDossier,
  useDossier,
  withdrawDossier,
} from '../../api/dossiers';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Countdown } from '../../components/countdown';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { ErrorSummary, type ErrorSummaryItem } from '../../components/error-summary';
import { FormField } from '../../components/form-field';
import { Money } from '../../components/money';
import { StatusBadge } from '../../components/status-badge';
import { Timeline } from '../../components/timeline';
import { currentLanguage } from '../../i18n';
import { formatDateTime, formatMoney } from '../../lib/format';
import { newIdempotencyKey } from '../../lib/idempotency';
import { localized, timelineActionLabel } from '../../lib/localized';
import { BudgetLines } from './budget-lines';
import { DossierAttachments } from './dossier-attachments';
import {
  blockedByIssues,
  changedFields,
  contentForRules,
  differingKeys,
  draftOf,
  elementIdOf,
  formPathOf,
  isEmptyPatch,
  mergeSaved,
  sameContent,
  toDraft,
  toFormValues,
  type DossierFormValues,
  type DraftContent,
  type DraftKey,
} from './dossier-form-model';

/** Quiet time after the last change before the working copy is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'blocked' }
  | { kind: 'rejected'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'conflict' }
  | { kind: 'readOnly'; message: string };

/** `saved`: nothing left to save; `blocked`: saved except fields with a problem; `failed`: the save did not happen. */
type SaveOutcome = 'saved' | 'blocked' | 'failed';

interface SubmitProblem {
  title?: string;
  message: string;
  /** No definitive answer (network, server error): a retry reuses the same Idempotency-Key. */
  retryable: boolean;
}

export interface DossierEditorProps {
  initial: DossierView;
  call: CallView;
}

function serverErrorMap(errors: readonly ProblemFieldError[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const error of errors) {
    const path = formPathOf(error.field);
    map[path] = map[path] ? `${map[path]} ${error.message}` : error.message;
  }
  return map;
}

/** The dossier form: autosave with optimistic locking, instant rule feedback, attachments, submit and withdraw. */
export function DossierEditor({ initial, call }: DossierEditorProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const detailKey = dossierQueryKeys.detail(initial.id);
  const dossier = useDossier(initial.id).data ?? initial;
  const readOnly = !dossier.editable;

  const decimalSeparator = currentLanguage() === 'nl' ? ',' : '.';
  // The form is initialised once; later server states only reach it through an explicit reload (conflict).
  const [initialValues] = useState(() => toFormValues(initial, call, decimalSeparator));
  const form = useForm<DossierFormValues>({ defaultValues: initialValues });
  const values = form.watch();

  // ---- autosave state -------------------------------------------------------------------------------------------
  const versionRef = useRef(initial.version);
  const savedRef = useRef<DraftContent>(draftOf(initial, call));
  const lastSavedAtRef = useRef<string | null>(null);
  const timerRef = useRef<number | null>(null);
  const queueRef = useRef<Promise<unknown>>(Promise.resolve());
  const conflictRef = useRef<DossierView | null>(null);
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const attachmentKindsRef = useRef<string[]>([]);
  attachmentKindsRef.current = dossier.attachments.map((attachment) => attachment.kind);

  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [conflict, setConflict] = useState<DossierView | 'unknown' | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);

  // ---- submit state ---------------------------------------------------------------------------------------------
  const submitKeyRef = useRef<string | null>(null);
  const submittingRef = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitProblem, setSubmitProblem] = useState<SubmitProblem | null>(null);
  const [showSubmitIssues, setShowSubmitIssues] = useState(false);
  const [summaryDescription, setSummaryDescription] = useState<string | undefined>(undefined);
  const [summaryAttempt, setSummaryAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const conflictBoxRef = useRef<HTMLDivElement>(null);
  const [focusTarget, setFocusTarget] = useState<'summary' | 'problem' | 'conflict' | null>(null);

  useEffect(() => {
    if (!focusTarget) return;
    const element = { summary: summaryRef, problem: problemRef, conflict: conflictBoxRef }[focusTarget].current;
    element?.focus();
    element?.scrollIntoView({ block: 'start' });
    setFocusTarget(null);
  }, [focusTarget]);

  const handleSaveError = useCallback(
    async (error: unknown): Promise<SaveOutcome> => {
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
        const current = conflictingVersion(error) ?? (await fetchDossier(initial.id).catch(() => null));
        conflictRef.current = current ?? initial;
        setConflict(current ?? 'unknown');
        setSaveState({ kind: 'conflict' });
        setFocusTarget('conflict');
        return 'failed';
      }
      if (isApiError(error) && (error.code === 'DEADLINE_PASSED' || error.code === 'DOSSIER_READ_ONLY')) {
        setSaveState({ kind: 'readOnly', message: errorMessage(error, t) });
        await queryClient.invalidateQueries({ queryKey: detailKey });
        return 'failed';
      }
      if (isApiError(error) && error.errors.length > 0) {
        setServerErrors((previous) => ({ ...previous, ...serverErrorMap(error.errors) }));
        setSaveState({ kind: 'rejected', message: errorMessage(error, t) });
        return 'failed';
      }
      setSaveState({ kind: 'error', message: errorMessage(error, t) });
      return 'failed';
    },
    [detailKey, initial, queryClient, t],
  );

  /** One save: sends what changed since the last save, except fields the rules (or parsing) refuse right now. */
  const performSave = useCallback(async (): Promise<SaveOutcome> => {
    if (readOnlyRef.current || conflictRef.current) return 'failed';
    const formValues = form.getValues();
    const converted = toDraft(formValues, call, savedRef.current);
    const issues = dossierDraftIssues(call, contentForRules(formValues, call, converted, attachmentKindsRef.current));
    const blocked = blockedByIssues(issues);
    converted.unparsable.forEach((key) => blocked.keys.add(key));
    const hasBlocked =
      blocked.keys.size > 0 || blocked.answers.size > 0 || Object.keys(converted.parseErrors).length > 0;
    const patch = changedFields(savedRef.current, converted.content, blocked.keys, blocked.answers);
    const after = (at: string | null): SaveState =>
      timerRef.current !== null
        ? { kind: 'pending' }
        : hasBlocked
          ? { kind: 'blocked' }
          : at
            ? { kind: 'saved', at }
            : { kind: 'idle' };
    if (isEmptyPatch(patch)) {
      setSaveState((previous) =>
        previous.kind === 'pending' || previous.kind === 'saving' || previous.kind === 'blocked' || hasBlocked
          ? after(lastSavedAtRef.current)
          : previous,
      );
      return hasBlocked ? 'blocked' : 'saved';
    }
    setSaveState({ kind: 'saving' });
    try {
      const view = await patchDossier(initial.id, versionRef.current, patch);
      versionRef.current = view.version;
      savedRef.current = mergeSaved(savedRef.current, patch);
      lastSavedAtRef.current = view.updatedAt;
      queryClient.setQueryData(detailKey, view);
      void queryClient.invalidateQueries({ queryKey: dossierQueryKeys.mine() });
      setSaveState(after(view.updatedAt));
      return hasBlocked ? 'blocked' : 'saved';
    } catch (error) {
      return handleSaveError(error);
    }
  }, [call, detailKey, form, handleSaveError, initial.id, queryClient]);

  /** Runs `task` after every save or sync already queued, so requests never overtake each other. */
  const enqueue = useCallback(<T,>(task: () => Promise<T>): Promise<T> => {
    const run = queueRef.current.then(task, task);
    queueRef.current = run.catch(() => undefined);
    return run;
  }, []);

  const saveNow = useCallback((): Promise<SaveOutcome> => {
    if (timerRef.current !== null) {
      window.clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    return enqueue(performSave);
  }, [enqueue, performSave]);

  const saveNowRef = useRef(saveNow);
  saveNowRef.current = saveNow;

  // Every user change: forget the server's complaint about that field, and (re)start the autosave timer.
  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (!name) return; // reset() after loading another version
      setServerErrors((previous) => {
        const stale = Object.keys(previous).filter((path) => path === name || path.startsWith(`${name}.`));
        if (stale.length === 0) return previous;
        const next = { ...previous };
        stale.forEach((path) => delete next[path]);
        return next;
      });
      if (readOnlyRef.current || conflictRef.current) return;
      setSaveState((previous) => (previous.kind === 'pending' ? previous : { kind: 'pending' }));
      if (timerRef.current !== null) window.clearTimeout(timerRef.current);
      timerRef.current = window.setTimeout(() => {
        timerRef.current = null;
        void saveNowRef.current();
      }, AUTOSAVE_DELAY_MS);
    });
    return () => subscription.unsubscribe();
  }, [form]);

  // Leaving the page: save what is still waiting for the timer; warn when closing the tab with unsaved changes.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (timerRef.current !== null) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      if (timerRef.current !== null) void saveNowRef.current();
    };
  }, []);

  // ---- conflict resolution ---------------------------------------------------------------------------------------
  const adoptServerVersion = (current: DossierView) => {
    versionRef.current = current.version;
    savedRef.current = draftOf(current, call);
    conflictRef.current = null;
    setConflict(null);
    queryClient.setQueryData(detailKey, current);
  };

  const loadCurrentVersion = async () => {
    const current = conflict && conflict !== 'unknown' ? conflict : await fetchDossier(initial.id).catch(() => null);
    if (!current) return;
    if (timerRef.current !== null) window.clearTimeout(timerRef.current);
    timerRef.current = null;
    adoptServerVersion(current);
    form.reset(toFormValues(current, call, decimalSeparator));
    setServerErrors({});
    lastSavedAtRef.current = current.updatedAt;
    setSaveState({ kind: 'idle' });
    setNotice(t('dossier.conflict.loaded'));
  };

  const keepMyVersion = async () => {
    const current = conflict && conflict !== 'unknown' ? conflict : await fetchDossier(initial.id).catch(() => null);
    if (!current) return;
    adoptServerVersion(current);
    setNotice(null);
    await saveNow();
  };

  // ---- attachments (uploads change the dossier on the server too) -----------------------------------------------
  const syncAfterAttachmentChange = () =>
    enqueue(async () => {
      try {
        const fresh = await fetchDossier(initial.id);
        // Our own upload may have raised the version; adopt it only when nobody else changed the content.
        if (fresh.version !== versionRef.current && sameContent(draftOf(fresh, call), savedRef.current)) {
          versionRef.current = fresh.version;
        }
        queryClient.setQueryData(detailKey, fresh);
      } catch {
        // the next save or page load will tell
      }
    });

  const onUploaded = (attachment: AttachmentView) => {
    queryClient.setQueryData<DossierView>(detailKey, (old) =>
      old ? { ...old, attachments: [...old.attachments.filter((a) => a.id !== attachment.id), attachment] } : old,
    );
    setServerErrors((previous) => {
      const key = `attachments.${attachment.kind}`;
      if (!(key in previous)) return previous;
      const next = { ...previous };
      delete next[key];
      return next;
    });
    void syncAfterAttachmentChange();
  };

  const onDeleted = (attachmentId: string) => {
    queryClient.setQueryData<DossierView>(detailKey, (old) =>
      old ? { ...old, attachments: old.attachments.filter((a) => a.id !== attachmentId) } : old,
    );
    void syncAfterAttachmentChange();
  };

  // ---- derived feedback -----------------------------------------------------------------------------------------
  const attachmentKinds = dossier.attachments.map((attachment) => attachment.kind);
  const converted = toDraft(values, call, savedRef.current);
  const ruleContent = contentForRules(values, call, converted, attachmentKinds);
  const draftIssues = dossierDraftIssues(call, ruleContent);
  const issues: RuleIssue[] = showSubmitIssues ? dossierSubmissionIssues(call, ruleContent) : draftIssues;
  const totalCents = totalCostCents(ruleContent);
  const requestLimit = Math.max(0, Math.min(call.maxRequestedCents, totalCents - ruleContent.otherIncomeCents));

  const errors = new Map<string, string[]>();
  const addError = (path: string, message: string) => {
    const list = errors.get(path) ?? [];
    if (!list.includes(message)) list.push(message);
    errors.set(path, list);
  };
  for (const [path, key] of Object.entries(converted.parseErrors)) addError(path, t(key));
  for (const issue of issues) addError(formPathOf(issue.field), localized(issue.message));
  for (const [path, message] of Object.entries(serverErrors)) addError(path, message);
  const errorFor = (path: string): string | undefined => errors.get(path)?.join(' ');

  const summaryItems: ErrorSummaryItem[] = [...errors.entries()].map(([path, messages]) => ({
    targetId: path ? elementIdOf(path) : null,
    message: messages.join(' '),
  }));
  const summaryVisible = showSubmitIssues && (summaryItems.length > 0 || summaryDescription !== undefined);

  // ---- submit ---------------------------------------------------------------------------------------------------
  const submit = async () => {
    if (submittingRef.current) return; // a second click while the first is still running
    submittingRef.current = true;
    setSubmitting(true);
    setSubmitProblem(null);
    setSummaryDescription(undefined);
    try {
      const outcome = await saveNow();
      if (outcome === 'failed') {
        setSubmitProblem({ message: t('dossier.submitBlockedBySave'), retryable: false });
        setFocusTarget(conflictRef.current ? 'conflict' : 'problem');
        return;
      }
      const formValues = form.getValues();
      const latest = toDraft(formValues, call, savedRef.current);
      const completeness = dossierSubmissionIssues(
        call,
        contentForRules(formValues, call, latest, attachmentKindsRef.current),
      );
      if (completeness.length > 0 || Object.keys(latest.parseErrors).length > 0 || outcome === 'blocked') {
        setShowSubmitIssues(true);
        setSummaryAttempt((n) => n + 1);
        setFocusTarget('summary');
        return;
      }
      submitKeyRef.current ??= newIdempotencyKey();
      const receipt = await submitDossier(initial.id, submitKeyRef.current);
      submitKeyRef.current = null;
      queryClient.setQueryData(dossierQueryKeys.receipt(initial.id), receipt);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: detailKey }),
        queryClient.invalidateQueries({ queryKey: dossierQueryKeys.mine() }),
      ]);
      await navigate(`/aanvrager/dossiers/${initial.id}/ontvangstbewijs`);
    } catch (error) {
      const transient = !isApiError(error) || error.isNetworkError || error.status >= 500;
      if (!transient) submitKeyRef.current = null;
      if (isApiError(error) && error.code === 'DOSSIER_INCOMPLETE') {
        setServerErrors(serverErrorMap(error.errors));
        setShowSubmitIssues(true);
        setSummaryDescription(error.detail);
        setSummaryAttempt((n) => n + 1);
        setFocusTarget('summary');
      } else if (isApiError(error) && (error.code === 'DEADLINE_PASSED' || error.code === 'DOSSIER_READ_ONLY')) {
        setSubmitProblem({
          title: t('dossier.deadlinePassedTitle'),
          message: errorMessage(error, t),
          retryable: false,
        });
        await queryClient.invalidateQueries({ queryKey: detailKey });
        setFocusTarget('problem');
      } else {
        setSubmitProblem({ message: errorMessage(error, t), retryable: transient });
        setFocusTarget('problem');
      }
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  };

  // ---- withdraw -------------------------------------------------------------------------------------------------
  const [confirmingWithdraw, setConfirmingWithdraw] = useState(false);
  const withdrawBoxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirmingWithdraw) withdrawBoxRef.current?.focus();
  }, [confirmingWithdraw]);
  const withdraw = useMutation<DossierView, unknown, void>({
    mutationFn: () => withdrawDossier(initial.id),
    onSuccess: (view) => {
      versionRef.current = view.version;
      queryClient.setQueryData(detailKey, view);
      void queryClient.invalidateQueries({ queryKey: dossierQueryKeys.mine() });
      setConfirmingWithdraw(false);
      setNotice(t('dossier.withdrawn'));
    },
  });

  // ---- render ---------------------------------------------------------------------------------------------------
  const pageTitle = dossier.title.trim() || t('dossier.untitled');
  const readOnlyReason = readOnly
    ? dossier.status === 'withdrawn'
      ? t('dossier.readOnlyWithdrawn')
      : t('dossier.readOnlyDeadline', { closesAt: formatDateTime(dossier.call.closesAt, 'longDateTimeSeconds') })
    : null;
  const canWithdraw = dossier.status === 'submitted' && dossier.editable;

  return (
    <div className="dossier">
      <DocumentTitle page={pageTitle} />
      <p className="breadcrumb">
        <Link to="/aanvrager">{t('dossier.backToDossiers')}</Link>
      </p>
      <h1>{pageTitle}</h1>
      <dl className="facts facts--inline dossier__facts">
        <div>
          <dt>{t('dossier.status')}</dt>
          <dd>
            <StatusBadge status={dossier.status} />
          </dd>
        </div>
        <div>
          <dt>{t('dossier.reference')}</dt>
          <dd data-testid="dossier-reference">{dossier.reference ?? t('dossier.noReferenceYet')}</dd>
        </div>
        <div>
          <dt>{t('dossier.call')}</dt>
          <dd>
            <Link to={`/oproepen/${dossier.callId}`}>{dossier.call.title}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('dossier.applicant')}</dt>
          <dd>{dossier.applicant.legalName}</dd>
        </div>
        <div>
          <dt>{t('calls.deadline')}</dt>
          <dd>
            <DateTime value={dossier.call.closesAt} format="longDateTimeSeconds" />{' '}
            <span className="muted">{t('calls.brusselsTime')}</span>
            {dossier.editable ? (
              <Countdown
                until={dossier.call.closesAt}
                onExpire={() => void queryClient.invalidateQueries({ queryKey: detailKey })}
              />
            ) : null}
          </dd>
        </div>
      </dl>

      {readOnlyReason ? (
        <Alert tone="warning" title={t('dossier.readOnlyTitle')} data-testid="dossier-read-only">
          {readOnlyReason}
        </Alert>
      ) : null}
      {dossier.status === 'submitted' && dossier.hasUnsubmittedChanges ? (
        <Alert tone="warning" data-testid="unsubmitted-changes">
          {t('dossier.unsubmittedChanges')}
        </Alert>
      ) : null}
      {dossier.status === 'submitted' || dossier.submissionCount > 0 ? (
        <p>
          <Link to={`/aanvrager/dossiers/${dossier.id}/ontvangstbewijs`} data-testid="receipt-link">
            {t('dossier.toReceipt')}
          </Link>
        </p>
      ) : null}
      {notice ? (
        <Alert tone="info" key={notice}>
          {notice}
        </Alert>
      ) : null}

      {conflict ? (
        <div ref={conflictBoxRef} tabIndex={-1} className="focus-target">
          <Alert tone="error" title={t('dossier.conflict.title')} data-testid="version-conflict">
            <p>{t('dossier.conflict.body')}</p>
            {conflict !== 'unknown' ? (
              <ConflictComparison mine={converted.content} theirs={draftOf(conflict, call)} call={call} />
            ) : null}
            <div className="button-row">
              <Button variant="primary" onClick={() => void loadCurrentVersion()} data-testid="load-current-version">
                {t('dossier.conflict.load')}
              </Button>
              <Button variant="secondary" onClick={() => void keepMyVersion()} data-testid="keep-my-version">
                {t('dossier.conflict.keepMine')}
              </Button>
            </div>
          </Alert>
        </div>
      ) : null}

      {submitProblem ? (
        <div ref={problemRef} tabIndex={-1} className="focus-target">
          <Alert tone="error" title={submitProblem.title} data-testid="submit-problem">
            <p>{submitProblem.message}</p>
            {submitProblem.retryable ? (
              <Button variant="secondary" busy={submitting} onClick={() => void submit()}>
                {t('errors.retry')}
              </Button>
            ) : null}
          </Alert>
        </div>
      ) : null}

      {summaryVisible ? (
        <ErrorSummary
          key={summaryAttempt}
          ref={summaryRef}
          errors={summaryItems}
          title={t('dossier.errorSummaryTitle')}
          description={summaryDescription}
          data-testid="error-summary"
        />
      ) : null}

      <div className="dossier__layout">
        <div className="dossier__main">
          <FormProvider {...form}>
            <form
              className="form"
              noValidate
              aria-label={t('dossier.formLabel')}
              // Enter in a field must not submit a dossier: submitting is only the explicit button below.
              onSubmit={(event) => event.preventDefault()}
            >
              <fieldset className="plain-fieldset" disabled={readOnly}>
                <div className="form">
                  <fieldset className="fieldset">
                    <legend className="fieldset__legend">{t('dossier.projectTitle')}</legend>
                    <div className="form form--nested">
                      <FormField
                        name="title"
                        id={elementIdOf('title')}
                        label={t('dossier.titleLabel')}
                        required
                        maxLength={300}
                        error={errorFor('title')}
                        data-testid="dossier-title"
                      />
                      <FormField
                        as="textarea"
                        name="summary"
                        id={elementIdOf('summary')}
                        label={t('dossier.summaryLabel')}
                        help={t('dossier.summaryHelp')}
                        required
                        maxLength={5000}
                        error={errorFor('summary')}
                        data-testid="dossier-summary"
                      />
                    </div>
                  </fieldset>

                  {call.questions.length > 0 ? (
                    <fieldset className="fieldset">
                      <legend className="fieldset__legend">{t('dossier.questionsTitle')}</legend>
                      <div className="form form--nested">
                        {call.questions.map((question) => (
                          <QuestionField
                            key={question.code}
                            question={question}
                            value={values.answers?.[question.code] ?? ''}
                            error={errorFor(`answers.${question.code}`)}
                          />
                        ))}
                      </div>
                    </fieldset>
                  ) : null}

                  <fieldset className="fieldset">
                    <legend className="fieldset__legend">
                      {t('dossier.periodTitle')}
                      <span className="form-field__required"> ({t('form.required')})</span>
                    </legend>
                    <p className="form-field__help">
                      {t('dossier.periodHelp')} <DateTime value={call.projectStart} format="longDate" /> –{' '}
                      <DateTime value={call.projectEnd} format="longDate" />.
                    </p>
                    <div className="form-row">
                      <FormField
                        type="date"
                        name="projectStart"
                        id={elementIdOf('projectStart')}
                        label={t('dossier.projectStart')}
                        min={call.projectStart}
                        max={call.projectEnd}
                        error={errorFor('projectStart')}
                        data-testid="project-start"
                      />
                      <FormField
                        type="date"
                        name="projectEnd"
                        id={elementIdOf('projectEnd')}
                        label={t('dossier.projectEnd')}
                        min={values.projectStart || call.projectStart}
                        max={call.projectEnd}
                        error={errorFor('projectEnd')}
                        data-testid="project-end"
                      />
                    </div>
                  </fieldset>

                  <BudgetLines errorFor={errorFor} totalCents={totalCents} readOnly={readOnly} />

                  <fieldset className="fieldset">
                    <legend className="fieldset__legend">{t('dossier.financingTitle')}</legend>
                    <div className="form form--nested">
                      <FormField
                        name="otherIncome"
                        id={elementIdOf('otherIncome')}
                        label={t('dossier.otherIncome')}
                        help={t('dossier.otherIncomeHelp')}
                        inputMode="decimal"
                        autoComplete="off"
                        error={errorFor('otherIncome')}
                        className="form-field--amount"
                        data-testid="other-income"
                      />
                      <FormField
                        name="ownContribution"
                        id={elementIdOf('ownContribution')}
                        label={t('dossier.ownContribution')}
                        help={t('dossier.ownContributionHelp')}
                        inputMode="decimal"
                        autoComplete="off"
                        error={errorFor('ownContribution')}
                        className="form-field--amount"
                        data-testid="own-contribution"
                      />
                      <FormField
                        name="requested"
                        id={elementIdOf('requested')}
                        label={t('dossier.requested')}
                        help={
                          <>
                            {t('dossier.requestedHelpCap')} <Money cents={call.maxRequestedCents} />.{' '}
                            {t('dossier.requestedHelpLimit')} <Money cents={requestLimit} />.
                          </>
                        }
                        required
                        inputMode="decimal"
                        autoComplete="off"
                        error={errorFor('requested')}
                        className="form-field--amount"
                        data-testid="requested-amount"
                      />
                    </div>
                  </fieldset>
                </div>
              </fieldset>

              <DossierAttachments
                dossierId={dossier.id}
                requirements={call.attachments}
                attachments={dossier.attachments}
                readOnly={readOnly}
                errorFor={errorFor}
                onUploaded={onUploaded}
                onDeleted={onDeleted}
              />

              {readOnly && saveState.kind !== 'readOnly' ? null : (
                <div className="dossier-actions">
                  <AutosaveStatus state={saveState} onRetry={() => void saveNow()} />
                  {readOnly ? null : (
                    <Button
                      variant="primary"
                      busy={submitting}
                      onClick={() => void submit()}
                      busyLabel={t('dossier.submitting')}
                      data-testid="submit-dossier"
                    >
                      {t('dossier.submit')}
                    </Button>
                  )}
                </div>
              )}
            </form>
          </FormProvider>

          {canWithdraw ? (
            <section className="withdraw" aria-labelledby="withdraw-title">
              <h2 id="withdraw-title">{t('dossier.withdrawTitle')}</h2>
              <p>{t('dossier.withdrawIntro')}</p>
              {confirmingWithdraw ? (
                <div
                  ref={withdrawBoxRef}
                  tabIndex={-1}
                  className="confirm-box"
                  role="group"
                  aria-labelledby="withdraw-confirm-text"
                >
                  <p id="withdraw-confirm-text">
                    <strong>{t('dossier.withdrawConfirm')}</strong>
                  </p>
                  {withdraw.error ? <Alert tone="error">{errorMessage(withdraw.error, t)}</Alert> : null}
                  <div className="button-row">
                    <Button
                      variant="danger"
                      busy={withdraw.isPending}
                      onClick={() => withdraw.mutate()}
                      data-testid="withdraw-confirm"
                    >
                      {t('dossier.withdrawYes')}
                    </Button>
                    <Button variant="secondary" onClick={() => setConfirmingWithdraw(false)}>
                      {t('dossier.withdrawCancel')}
                    </Button>
                  </div>
                </div>
              ) : (
                <Button variant="danger" onClick={() => setConfirmingWithdraw(true)} data-testid="withdraw-dossier">
                  {t('dossier.withdraw')}
                </Button>
              )}
            </section>
          ) : null}
        </div>

        <aside className="dossier__aside" aria-labelledby="dossier-history-title">
          <h2 id="dossier-history-title">{t('dossier.historyTitle')}</h2>
          <Timeline
            label={t('dossier.historyTitle')}
            format="dateTimeSeconds"
            events={dossier.timeline.map((entry, index) => ({
              id: `${index}-${entry.at}`,
              label: timelineActionLabel(t, entry.action),
              at: entry.at,
            }))}
          />
        </aside>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------

interface QuestionFieldProps {
  question: CallQuestion;
  value: string;
  error: string | undefined;
}

function QuestionField({ question, value, error }: QuestionFieldProps) {
  const { t } = useTranslation();
  const counterId = useId();
  const common = {
    name: `answers.${question.code}`,
    id: elementIdOf(`answers.${question.code}`),
    label: question.label,
    required: question.required,
    error,
    'data-testid': `answer-${question.code}`,
  };
  const lengthHelp =
    question.maxLength !== undefined || question.minLength !== undefined
      ? [
          question.minLength !== undefined ? t('dossier.minLength', { count: question.minLength }) : null,
          question.maxLength !== undefined ? t('dossier.maxLength', { count: question.maxLength }) : null,
        ]
          .filter(Boolean)
          .join(' ')
      : null;
  const help: ReactNode = [question.help, lengthHelp].filter(Boolean).join(' ') || undefined;

  switch (question.type) {
    case 'longText':
      return (
        <div className="question">
          <FormField
            {...common}
            as="textarea"
            help={help}
            maxLength={question.maxLength}
            aria-describedby={question.maxLength !== undefined ? counterId : undefined}
          />
          {question.maxLength !== undefined ? (
            <p id={counterId} className="char-counter" data-testid={`answer-${question.code}-counter`}>
              {t('dossier.charCounter', { count: value.length, max: question.maxLength })}
            </p>
          ) : null}
        </div>
      );
    case 'number': {
      const range =
        question.min !== undefined && question.max !== undefined
          ? t('dossier.numberBetween', { min: question.min, max: question.max })
          : question.min !== undefined
            ? t('dossier.numberMin', { min: question.min })
            : question.max !== undefined
              ? t('dossier.numberMax', { max: question.max })
              : null;
      return (
        <FormField
          {...common}
          type="number"
          inputMode="decimal"
          step="any"
          min={question.min}
          max={question.max}
          help={[question.help, range].filter(Boolean).join(' ') || undefined}
          className="form-field--short"
        />
      );
    }
    case 'choice':
      return (
        <FormField
          {...common}
          as="select"
          help={question.help}
          placeholder
          options={(question.options ?? []).map((option) => ({ value: option, label: option }))}
        />
      );
    default:
      return <FormField {...common} help={help} maxLength={question.maxLength} />;
  }
}

// ---------------------------------------------------------------------------------------------------------------

function AutosaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  let text: string;
  switch (state.kind) {
    case 'idle':
      text = t('dossier.autosave.idle');
      break;
    case 'pending':
      text = t('dossier.autosave.pending');
      break;
    case 'saving':
      text = t('dossier.autosave.saving');
      break;
    case 'saved':
      text = t('dossier.autosave.saved', { time: formatDateTime(state.at, 'timeSeconds') });
      break;
    case 'blocked':
      text = t('dossier.autosave.blocked');
      break;
    case 'conflict':
      text = t('dossier.autosave.conflict');
      break;
    case 'rejected':
    case 'error':
    case 'readOnly':
      text = t('dossier.autosave.failed', { message: state.message });
      break;
  }
  const problem = ['blocked', 'conflict', 'rejected', 'error', 'readOnly'].includes(state.kind);
  return (
    <div className="autosave">
      <p
        className={['autosave__status', problem ? 'autosave__status--problem' : null].filter(Boolean).join(' ')}
        role="status"
        aria-live="polite"
        data-testid="autosave-status"
        data-state={state.kind}
      >
        {state.kind === 'saving' ? <span className="btn__spinner" aria-hidden="true" /> : null}
        {text}
      </p>
      {state.kind === 'error' ? (
        <Button variant="secondary" onClick={onRetry} data-testid="autosave-retry">
          {t('dossier.autosave.retry')}
        </Button>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------

const COMPARED_LABEL: Record<DraftKey, string> = {
  title: 'dossier.titleLabel',
  summary: 'dossier.summaryLabel',
  answers: 'dossier.questionsTitle',
  projectStart: 'dossier.projectStart',
  projectEnd: 'dossier.projectEnd',
  budgetLines: 'dossier.totalCost',
  otherIncomeCents: 'dossier.otherIncome',
  ownContributionCents: 'dossier.ownContribution',
  requestedCents: 'dossier.requested',
};

function shorten(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Side by side: the fields where this tab's version differs from the one saved by someone else. */
function ConflictComparison({ mine, theirs, call }: { mine: DraftContent; theirs: DraftContent; call: CallView }) {
  const { t } = useTranslation();
  const tr = t as unknown as (key: string) => string;
  const show = (content: DraftContent, key: DraftKey, code?: string): string => {
    if (key === 'answers' && code) return shorten(String(content.answers[code] ?? '–'));
    if (key === 'budgetLines') {
      return `${formatMoney(content.budgetLines.reduce((sum, line) => sum + line.amountCents, 0))} (${content.budgetLines.length})`;
    }
    if (key === 'otherIncomeCents' || key === 'ownContributionCents' || key === 'requestedCents') {
      return formatMoney(content[key]);
    }
    const value = content[key];
    if (value === null || value === '') return '–';
    return shorten(typeof value === 'string' ? value : JSON.stringify(value));
  };
  const rows: { id: string; label: string; mine: string; theirs: string }[] = [];
  for (const key of differingKeys(mine, theirs)) {
    if (key === 'answers') {
      for (const question of call.questions) {
        if (
          JSON.stringify(mine.answers[question.code] ?? null) === JSON.stringify(theirs.answers[question.code] ?? null)
        ) {
          continue;
        }
        rows.push({
          id: `answers.${question.code}`,
          label: question.label,
          mine: show(mine, key, question.code),
          theirs: show(theirs, key, question.code),
        });
      }
    } else {
      rows.push({ id: key, label: tr(COMPARED_LABEL[key]), mine: show(mine, key), theirs: show(theirs, key) });
    }
  }
  if (rows.length === 0) return <p>{t('dossier.conflict.noDifferences')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact">
        <caption>{t('dossier.conflict.compareCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dossier.conflict.field')}</th>
            <th scope="col">{t('dossier.conflict.mine')}</th>
            <th scope="col">{t('dossier.conflict.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              <td>{row.mine}</td>
              <td>{row.theirs}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
