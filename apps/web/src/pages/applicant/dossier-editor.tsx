import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { CallView, DossierView } from '@portal/contracts';
import { dossierQueryKeys, useDossier } from '../../api/dossiers';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { DocumentTitle } from '../../components/document-title';
import { ErrorSummary } from '../../components/error-summary';
import { Timeline } from '../../components/timeline';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { timelineActionLabel } from '../../lib/localized';
import { AutosaveStatus } from './autosave-status';
import { DossierAttachments } from './dossier-attachments';
import { DossierFacts } from './dossier-facts';
import { DossierFields } from './dossier-fields';
import { toFormValues, type DossierFormValues } from './dossier-form-model';
import { ReadOnlyDossier } from './dossier-summary';
import { useDossierFeedback } from './use-dossier-feedback';
import { useDossierAutosave } from './use-dossier-autosave';
import { useDossierSubmit } from './use-dossier-submit';
import { VersionConflictAlert } from './version-conflict-alert';
import { WithdrawSection } from './withdraw-section';

export { AUTOSAVE_DELAY_MS } from './use-dossier-autosave';

export interface DossierEditorProps {
  initial: DossierView;
  call: CallView;
  /** The minister's decision on this dossier, shown under the title, above the dossier itself. */
  decision?: ReactNode;
}

type FocusTarget = 'summary' | 'problem' | 'conflict';

/** The dossier form: autosave with optimistic locking, instant rule feedback, attachments, submit and withdraw. */
export function DossierEditor({ initial, call, decision }: DossierEditorProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const detailKey = dossierQueryKeys.detail(initial.id);
  const dossier = useDossier(initial.id).data ?? initial;
  const readOnly = !dossier.editable;

  const decimalSeparator = currentLanguage() === 'nl' ? ',' : '.';
  // The form is initialised once; later server states only reach it through an explicit reload (conflict).
  const [initialValues] = useState(() => toFormValues(initial, call, decimalSeparator));
  const form = useForm<DossierFormValues>({ defaultValues: initialValues });
  const values = form.watch();
  const [notice, setNotice] = useState<string | null>(null);

  const summaryRef = useRef<HTMLDivElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const conflictBoxRef = useRef<HTMLDivElement>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    const element = { summary: summaryRef, problem: problemRef, conflict: conflictBoxRef }[focusTarget].current;
    element?.focus();
    element?.scrollIntoView({ block: 'start' });
    setFocusTarget(null);
  }, [focusTarget]);

  const autosave = useDossierAutosave({
    initial,
    call,
    form,
    readOnly,
    attachmentKinds: dossier.attachments.map((attachment) => attachment.kind),
    decimalSeparator,
    onConflict: () => setFocusTarget('conflict'),
  });
  const { saveState, conflict } = autosave;
  const submission = useDossierSubmit({ dossierId: initial.id, call, form, autosave, focus: setFocusTarget });
  const { submit, submitting, submitProblem } = submission;
  const feedback = useDossierFeedback({
    call,
    values,
    saved: autosave.saved(),
    attachmentKinds: dossier.attachments.map((attachment) => attachment.kind),
    serverErrors: autosave.serverErrors,
    complete: submission.showSubmitIssues,
  });
  const summaryVisible =
    submission.showSubmitIssues && (feedback.summaryItems.length > 0 || submission.summaryDescription !== undefined);

  const loadCurrentVersion = async () => {
    if (await autosave.loadCurrentVersion()) setNotice(t('dossier.conflict.loaded'));
  };
  const keepMyVersion = () => autosave.keepMyVersion(() => setNotice(null));

  const pageTitle = dossier.title.trim() || t('dossier.untitled');
  const readOnlyReason = readOnly
    ? dossier.status === 'withdrawn'
      ? t('dossier.readOnlyWithdrawn')
      : t('dossier.readOnlyDeadline', { closesAt: formatDateTime(dossier.call.closesAt, 'longDateTimeSeconds') })
    : null;
  const canWithdraw = dossier.status === 'submitted' && dossier.editable;
  // A dossier opened read-only is a summary; one that became read-only while being edited keeps its form, so the
  // person still sees what they typed next to the reason it was not saved.
  const showSummary = readOnly && saveState.kind !== 'readOnly';

  return (
    <div className="dossier">
      <DocumentTitle page={pageTitle} />
      <p className="breadcrumb">
        <Link to="/aanvrager">{t('dossier.backToDossiers')}</Link>
      </p>
      <h1>{pageTitle}</h1>
      <DossierFacts dossier={dossier} onDeadline={() => void queryClient.invalidateQueries({ queryKey: detailKey })} />
      {decision}

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
        <VersionConflictAlert
          ref={conflictBoxRef}
          conflict={conflict}
          mine={feedback.content}
          call={call}
          onLoadCurrent={() => void loadCurrentVersion()}
          onKeepMine={() => void keepMyVersion()}
        />
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
          key={submission.summaryAttempt}
          ref={summaryRef}
          errors={feedback.summaryItems}
          title={t('dossier.errorSummaryTitle')}
          description={submission.summaryDescription}
          data-testid="error-summary"
        />
      ) : null}

      <div className="dossier__layout">
        <div className="dossier__main">
          {showSummary ? (
            <ReadOnlyDossier dossier={dossier} call={call} />
          ) : (
            <FormProvider {...form}>
              <form
                className="form"
                noValidate
                aria-label={t('dossier.formLabel')}
                // Enter in a field must not submit a dossier: submitting is only the explicit button below.
                onSubmit={(event) => event.preventDefault()}
              >
                <DossierFields
                  call={call}
                  values={values}
                  errorFor={feedback.errorFor}
                  totalCents={feedback.totalCents}
                  requestLimit={feedback.requestLimit}
                  readOnly={readOnly}
                />

                <DossierAttachments
                  dossierId={dossier.id}
                  requirements={call.attachments}
                  attachments={dossier.attachments}
                  readOnly={readOnly}
                  errorFor={feedback.errorFor}
                  onUploaded={autosave.onUploaded}
                  onDeleted={autosave.onDeleted}
                />

                {readOnly && saveState.kind !== 'readOnly' ? null : (
                  <div className="dossier-actions">
                    <AutosaveStatus state={saveState} onRetry={() => void autosave.saveNow()} />
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
          )}

          {canWithdraw ? (
            <WithdrawSection
              dossierId={dossier.id}
              onWithdrawn={(view) => {
                autosave.adoptVersion(view.version);
                setNotice(t('dossier.withdrawn'));
              }}
            />
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
