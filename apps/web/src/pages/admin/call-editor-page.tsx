import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CallView } from '@portal/contracts';
import { useAdminCall } from '../../api/calls';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { ErrorSummary } from '../../components/error-summary';
import { LoadingIndicator } from '../../components/loading-indicator';
import { StatusBadge } from '../../components/status-badge';
import { NotFoundPage } from '../not-found-page';
import { CriteriaEditor, TieBreakEditor } from './call-assessment-editors';
import { AttachmentsEditor, QuestionsEditor } from './call-content-editors';
import { CallGeneralFields } from './call-general-fields';
import { CallInformationFields } from './call-information-fields';
import { CatalogueImport } from './catalogue-import';
import { isActAllowed } from '@portal/domain';
import { PhaseBanner } from '../../components/phase-banner';
import { useCallEditor } from './use-call-editor';

/** `/administratie/oproepen/nieuw` and `/administratie/oproepen/:id`. */
export function CallEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const isNew = id === undefined || id === 'nieuw';
  const call = useAdminCall(isNew ? undefined : id);
  if (isNew) return <CallEditor key="new" call={null} />;
  if (call.isPending) return <LoadingIndicator />;
  if (call.error || !call.data) {
    if (isApiError(call.error) && call.error.status === 404) return <NotFoundPage />;
    return <Alert tone="error">{errorMessage(call.error, t)}</Alert>;
  }
  return <CallEditor key={call.data.id} call={call.data} />;
}

function CallEditor({ call }: { call: CallView | null }) {
  const { t } = useTranslation();
  const editor = useCallEditor(call);
  // Publishing cannot be undone (the call becomes public, applicants start): the officer confirms it first.
  const [confirming, setConfirming] = useState(false);
  const { current, problem, notice, busy, summary, groupErrors } = editor;
  const title = current ? t('admin.editCallTitle', { code: current.code }) : t('admin.newCallTitle');
  // Once the minister holds the proposal, or decided, nothing of the call changes (ADR 0009; the banner says why).
  const editable = !current || isActAllowed('call.editAssessmentRules', current.phase, 'admin');

  return (
    <div className="call-editor">
      <DocumentTitle page={title} />
      <p className="breadcrumb">
        <Link to="/administratie">{t('admin.backToAdmin')}</Link>
      </p>
      <h1>{title}</h1>
      {current ? <PhaseBanner call={current} role="admin" /> : null}
      {current ? (
        <p className="card__meta">
          <StatusBadge status={current.status} />
          {current.publishedAt ? (
            <span>
              {' '}
              {t('admin.publishedOn')} <DateTime value={current.publishedAt} />
            </span>
          ) : null}{' '}
          <Link to={`/oproepen/${current.id}`}>{t('admin.viewPublic')}</Link>
        </p>
      ) : null}
      {notice ? (
        <Alert tone="success" key={notice}>
          {notice}
        </Alert>
      ) : null}
      {problem ? (
        <div ref={editor.problemRef} tabIndex={-1} className="focus-target">
          <Alert tone="error" data-testid="call-editor-error">
            <p>{problem.message}</p>
            {problem.conflict ? (
              <Button variant="secondary" onClick={() => void editor.reload()} data-testid="reload-call">
                {t('admin.reload')}
              </Button>
            ) : null}
          </Alert>
        </div>
      ) : null}
      {summary.shown ? (
        <ErrorSummary
          key={summary.attempt}
          ref={editor.summaryRef}
          errors={summary.items}
          data-testid="error-summary"
        />
      ) : null}

      <FormProvider {...editor.form}>
        <form className="form" noValidate onSubmit={(event) => void editor.onSave(event)} aria-label={title}>
          <CallGeneralFields />
          <CallInformationFields />
          <AttachmentsEditor groupError={groupErrors.attachments} />
          <QuestionsEditor groupError={groupErrors.questions} />
          <CriteriaEditor groupError={groupErrors.criteria} />
          <TieBreakEditor groupError={groupErrors.tieBreak} />

          <div className="dossier-actions">
            {confirming && current?.status !== 'published' ? (
              <section
                className="confirm-panel"
                role="alertdialog"
                aria-labelledby="publish-confirm-title"
                aria-describedby="publish-confirm-text"
                data-testid="publish-confirm"
              >
                <h2 id="publish-confirm-title">{t('admin.publishConfirm.title')}</h2>
                <p id="publish-confirm-text">{t('admin.publishConfirm.text')}</p>
                <div className="button-row">
                  <Button
                    variant="primary"
                    busy={busy === 'publish'}
                    autoFocus
                    onClick={(event) => {
                      void editor.onPublish(event).finally(() => setConfirming(false));
                    }}
                    data-testid="call-publish-confirm"
                  >
                    {t('admin.publishConfirm.confirm')}
                  </Button>
                  <Button variant="secondary" onClick={() => setConfirming(false)} data-testid="call-publish-cancel">
                    {t('admin.publishConfirm.cancel')}
                  </Button>
                </div>
              </section>
            ) : (
              <div className="button-row">
                <Button
                  type="submit"
                  variant="secondary"
                  busy={busy === 'save'}
                  disabled={busy === 'publish' || !editable}
                  data-testid="call-save"
                >
                  {t('admin.save')}
                </Button>
                {current?.status === 'published' ? null : (
                  <Button
                    variant="primary"
                    disabled={busy === 'save'}
                    onClick={() => setConfirming(true)}
                    data-testid="call-publish"
                  >
                    {t('admin.publish')}
                  </Button>
                )}
              </div>
            )}
          </div>
        </form>
      </FormProvider>
      {current ? <CatalogueImport callId={current.id} version={editor.version} onImported={editor.onImported} /> : null}
    </div>
  );
}
