import { Link, Navigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { WEB_ROUTES, type BudgetLine } from '@portal/contracts';
import { useCall } from '../../api/calls';
import { isApiError } from '../../api/client';
import { useDossier } from '../../api/dossiers';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { Money } from '../../components/money';
import { NotFoundPage } from '../not-found-page';
import { DeclarationStep } from './declaration-step';

/**
 * `/aanvrager/dossiers/:id/controleren`: the check step before a submit. The editor saved the form before it came
 * here, so this shows the saved working copy: exactly what the submit freezes. Back returns to the form.
 */
export function DossierCheckPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const dossier = useDossier(id);
  const call = useCall(dossier.data?.callId);
  const formPath = WEB_ROUTES.applicantDossier(id);

  const failed = dossier.error ?? call.error;
  if (failed) {
    if (isApiError(failed) && failed.status === 404) return <NotFoundPage />;
    return <Alert tone="error">{errorMessage(failed, t)}</Alert>;
  }
  if (!dossier.data || !call.data) return <LoadingIndicator />;
  if (call.data.kind === 'catalogue') return <Navigate to={WEB_ROUTES.subscriptionCheck(id)} replace />;
  const view = dossier.data;
  const questions = call.data.questions;
  const answered = questions.filter((question) => {
    const value = view.answers[question.code];
    return value !== null && value !== undefined && value !== '';
  });
  const attachmentLabel = (kind: string) =>
    call.data?.attachments.find((requirement) => requirement.code === kind)?.label ?? kind;
  const notGiven = <span className="muted">{t('check.notGiven')}</span>;
  const budgetColumns: DataTableColumn<BudgetLine>[] = [
    { id: 'description', header: t('check.budgetDescription'), rowHeader: true, cell: (line) => line.description },
    { id: 'amount', header: t('check.budgetAmount'), align: 'end', cell: (line) => <Money cents={line.amountCents} /> },
  ];

  return (
    <article className="check-step" data-testid="check-step">
      <DocumentTitle page={t('check.title')} />
      <p className="breadcrumb">
        <Link to={formPath}>{t('check.backToForm')}</Link>
      </p>
      <h1>{t('check.title')}</h1>
      <p className="prose">{t('check.intro')}</p>
      {view.editable ? null : <Alert tone="warning">{t('check.notEditable')}</Alert>}

      <section aria-labelledby="check-summary-title" data-testid="check-summary">
        <h2 id="check-summary-title">{t('check.summaryTitle')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('dossier.call')}</dt>
            <dd>{view.call.title}</dd>
          </div>
          <div>
            <dt>{t('dossier.applicant')}</dt>
            <dd>{view.applicant.legalName}</dd>
          </div>
          <div>
            <dt>{t('check.projectTitle')}</dt>
            <dd data-testid="check-title">{view.title || notGiven}</dd>
          </div>
          <div>
            <dt>{t('check.summary')}</dt>
            <dd className="pre-line">{view.summary || notGiven}</dd>
          </div>
          <div>
            <dt>{t('check.period')}</dt>
            <dd data-testid="check-period">
              {view.projectStart ? <DateTime value={view.projectStart} format="longDate" /> : notGiven}{' '}
              {t('check.until')} {view.projectEnd ? <DateTime value={view.projectEnd} format="longDate" /> : notGiven}
            </dd>
          </div>
        </dl>

        {answered.length > 0 ? (
          <>
            <h3>{t('check.answersTitle')}</h3>
            <dl className="facts">
              {answered.map((question) => (
                <div key={question.code}>
                  <dt>{question.label}</dt>
                  <dd className="pre-line" data-testid={`check-answer-${question.code}`}>
                    {String(view.answers[question.code])}
                  </dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}

        <h3>{t('check.budgetTitle')}</h3>
        <DataTable
          caption={t('check.budgetTitle')}
          hideCaption
          className="data-table--compact"
          columns={budgetColumns}
          rows={view.budgetLines}
          rowKey={(_line, index) => String(index)}
          emptyMessage={t('check.noBudgetLines')}
          data-testid="check-budget"
        />
        <dl className="facts facts--inline">
          <div>
            <dt>{t('check.totalCost')}</dt>
            <dd data-testid="check-total">
              <Money cents={view.totalCostCents} />
            </dd>
          </div>
          <div>
            <dt>{t('check.otherIncome')}</dt>
            <dd>
              <Money cents={view.otherIncomeCents} />
            </dd>
          </div>
          <div>
            <dt>{t('check.ownContribution')}</dt>
            <dd data-testid="check-own-contribution">
              <Money cents={view.ownContributionCents} />
            </dd>
          </div>
          <div>
            <dt>{t('check.requested')}</dt>
            <dd data-testid="check-requested">
              <Money cents={view.requestedCents} />
            </dd>
          </div>
        </dl>

        <h3>{t('check.attachmentsTitle')}</h3>
        {view.attachments.length > 0 ? (
          <ul className="attachment-list" data-testid="check-attachments">
            {view.attachments.map((attachment) => (
              <li key={attachment.id} className="attachment-item">
                <span className="attachment-item__name">{attachment.filename}</span>{' '}
                <span className="attachment-item__meta">({attachmentLabel(attachment.kind)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('check.noAttachments')}</p>
        )}
      </section>

      {view.editable ? (
        <DeclarationStep dossierId={view.id} applicantName={view.applicant.legalName} formPath={formPath} />
      ) : (
        <p>
          <Link to={formPath}>{t('check.backToForm')}</Link>
        </p>
      )}
    </article>
  );
}
