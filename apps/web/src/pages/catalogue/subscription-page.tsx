import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { WEB_ROUTES, type SubscriptionView } from '@portal/contracts';
import { catalogueQueryKeys, useSubscription, useSubscriptionAllocation } from '../../api/catalogue';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { DateTime } from '../../components/date-time';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { localized } from '../../lib/localized';
import { NotFoundPage } from '../not-found-page';
import { AllocationExplanation } from './allocation-explanation';
import { ActionFieldset } from './subscription-action-fieldset';
import { SubscriptionAutosaveStatus } from './subscription-autosave-status';
import { issueFieldPath } from './subscription-model';
import { SubscriptionContent } from './subscription-content';
import { SubscriptionSummary } from './subscription-summary';
import { useSubscriptionAutosave } from './use-subscription-autosave';

export { SUBSCRIPTION_AUTOSAVE_MS } from './use-subscription-autosave';

/** `/aanvrager/intekeningen/:id`: a local government's subscription to a catalogue call (Plan Samenleven). */
export function SubscriptionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const subscription = useSubscription(id);
  if (subscription.error) {
    if (isApiError(subscription.error) && subscription.error.status === 404) return <NotFoundPage />;
    return <Alert tone="error">{errorMessage(subscription.error, t)}</Alert>;
  }
  if (!subscription.data) return <LoadingIndicator />;
  return <SubscriptionForm key={subscription.data.dossierId} initial={subscription.data} />;
}

function SubscriptionForm({ initial }: { initial: SubscriptionView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { view, state, analysis, editable, saveState, notice, saveNow, change } = useSubscriptionAutosave(initial);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const catalogue = view.catalogue;
  const decided = ['awarded', 'rejected'].includes(view.status);
  const allocation = useSubscriptionAllocation(view.dossierId, view.submissionCount > 0);

  // "Controleren en indienen": save, then the check step shows what will be submitted and asks the declaration.
  const submit = async () => {
    setSubmitError(null);
    setSubmitting(true);
    try {
      if (!(await saveNow())) return;
      await queryClient.invalidateQueries({ queryKey: catalogueQueryKeys.subscription(initial.dossierId) });
      await navigate(WEB_ROUTES.subscriptionCheck(initial.dossierId));
    } catch (error) {
      setSubmitError(error);
    } finally {
      setSubmitting(false);
    }
  };

  const errorsByField = new Map<string, string>();
  for (const [path, key] of Object.entries(analysis.typingErrors)) {
    errorsByField.set(path, `${t(`catalogue.subscription.${key}`)} ${t('catalogue.subscription.notSaved')}`);
  }
  for (const issue of analysis.issues) {
    const path = issueFieldPath(issue, analysis.input);
    if (!errorsByField.has(path)) errorsByField.set(path, localized(issue.message));
  }
  if (isApiError(submitError)) {
    for (const error of submitError.errors) {
      const path = issueFieldPath(
        { field: error.field, code: error.code, message: { nl: '', en: '' } },
        analysis.input,
      );
      if (!errorsByField.has(path)) errorsByField.set(path, error.message);
    }
  }
  const canSubmit =
    editable && analysis.input !== null && analysis.issues.length === 0 && !submitting && saveState.kind !== 'saving';
  const chosenCount = analysis.chosen.length;

  return (
    <article className="subscription">
      <DocumentTitle page={`${t('catalogue.subscription.pageTitle')}: ${view.call.title}`} />
      <p className="breadcrumb">
        <Link to="/aanvrager">{t('catalogue.subscription.back')}</Link>
      </p>
      <h1>
        {t('catalogue.subscription.pageTitle')}: {view.call.title}
      </h1>
      <p className="card__meta">
        <strong>{view.applicant.legalName}</strong>
        {view.applicant.nisCode ? <span className="code"> NIS {view.applicant.nisCode}</span> : null}
      </p>
      <p>
        {t('catalogue.subscription.deadline')} <DateTime value={view.call.closesAt} format="longDateTimeSeconds" />
      </p>

      {view.submissionCount > 0 ? (
        <Alert tone="info" data-testid="subscription-submitted">
          {decided ? null : <p>{t('catalogue.subscription.submittedNotice', { reference: view.reference ?? '' })}</p>}
          {view.hasUnsubmittedChanges ? <p>{t('catalogue.subscription.unsubmittedChanges')}</p> : null}
          <p>
            <Link to={`/aanvrager/dossiers/${view.dossierId}/ontvangstbewijs`}>
              {t('catalogue.subscription.receipt')}
            </Link>
          </p>
        </Alert>
      ) : null}
      {allocation.data ? <AllocationExplanation view={allocation.data} /> : null}
      {!editable ? <Alert tone="warning">{t('catalogue.subscription.readOnly')}</Alert> : null}
      {notice ? <Alert tone="warning">{notice}</Alert> : null}

      {editable ? (
        <p className="prose">{t('catalogue.subscription.intro', { name: view.applicant.legalName })}</p>
      ) : null}

      {editable ? (
        <>
          {catalogue.objectives.map((objective) => (
            <section key={objective.code} aria-labelledby={`objective-${objective.code}`}>
              <h2 id={`objective-${objective.code}`}>
                {t('catalogue.subscription.objective', { code: objective.code, name: objective.name })}
              </h2>
              {objective.actions.map((action) => (
                <ActionFieldset
                  key={action.code}
                  action={action}
                  state={state}
                  analysis={analysis}
                  errors={errorsByField}
                  editable={editable}
                  chosenCount={chosenCount}
                  onReach={(rowCode, field, value) =>
                    change((previous) => ({
                      ...previous,
                      reach: {
                        ...previous.reach,
                        [rowCode]: { ...(previous.reach[rowCode] ?? { current: '', planned: '' }), [field]: value },
                      },
                    }))
                  }
                  onPriority={(value) =>
                    change((previous) => ({
                      ...previous,
                      priorities: { ...previous.priorities, [action.code]: value },
                    }))
                  }
                />
              ))}
            </section>
          ))}

          <SubscriptionSummary
            analysis={analysis}
            state={state}
            errorsByField={errorsByField}
            editable={editable}
            onOwnContribution={(value) => change((previous) => ({ ...previous, ownContribution: value }))}
          />
        </>
      ) : (
        // No longer editable: what was subscribed, as a summary rather than 27 tables of locked inputs.
        <SubscriptionContent view={view} heading={t('catalogue.subscription.summaryTitle')} />
      )}

      {/* Sticky at the bottom of the screen: the save status stays in view wherever the person types. */}
      {editable ? (
        <div className="dossier-actions" data-testid="subscription-save-bar">
          <SubscriptionAutosaveStatus state={saveState} onRetry={() => void saveNow()} />
          {analysis.issues.length > 0 ? (
            <a href="#subscription-issues" data-testid="subscription-issue-count">
              {t('catalogue.subscription.issuesToFix', { count: analysis.issues.length })}
            </a>
          ) : null}
        </div>
      ) : null}

      {analysis.issues.length > 0 && editable ? (
        <Alert
          tone="info"
          title={t('catalogue.subscription.issuesTitle')}
          id="subscription-issues"
          data-testid="subscription-issues"
        >
          <ul>
            {analysis.issues.map((issue, index) => (
              <li key={`${issue.field}-${index}`}>{localized(issue.message)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {submitError ? (
        <Alert tone="error" data-testid="submit-error">
          {errorMessage(submitError, t)}
        </Alert>
      ) : null}
      {editable ? (
        <Button
          variant="primary"
          disabled={!canSubmit}
          busy={submitting}
          busyLabel={t('catalogue.subscription.submitting')}
          onClick={() => void submit()}
          data-testid="submit-subscription"
        >
          {t('catalogue.subscription.check')}
        </Button>
      ) : null}
    </article>
  );
}
