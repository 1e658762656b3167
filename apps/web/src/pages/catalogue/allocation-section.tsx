import { useTranslation } from 'react-i18next';
import { allocationExportUrl, useAllocation, useAllocationStep } from '../../api/catalogue';
import { errorMessage } from '../../api/error-message';
import { hasRole } from '../../auth/roles';
import { useCurrentUser } from '../../auth/use-auth';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { LoadingIndicator } from '../../components/loading-indicator';
import { AllocationDecisionForm } from './allocation-decision-form';
import { AllocationSummary } from './allocation-summary';

/** The allocation with the steps the user's role may take: compute and send (admin), approve or return (minister). */
export function AllocationSection({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  const allocation = useAllocation(callId);
  const step = useAllocationStep(callId);
  const isAdmin = user ? hasRole(user, 'admin') : false;
  const isMinister = user ? hasRole(user, 'minister') : false;

  if (allocation.isPending) return <LoadingIndicator />;
  if (allocation.error) return <Alert tone="error">{errorMessage(allocation.error, t)}</Alert>;
  const view = allocation.data;
  const canCompute = isAdmin && (!view || view.status === 'draft' || view.status === 'returned');

  return (
    <section aria-labelledby="allocation-section" data-testid="allocation-section">
      <h2 id="allocation-section">{t('catalogue.allocation.title')}</h2>
      {step.error ? <Alert tone="error">{errorMessage(step.error, t)}</Alert> : null}
      {!view ? <p>{t('catalogue.review.none')}</p> : <AllocationSummary view={view} />}
      <div className="button-row">
        {canCompute ? (
          <Button
            variant={view ? 'secondary' : 'primary'}
            busy={step.isPending}
            busyLabel={t('catalogue.review.computing')}
            onClick={() => step.mutate({ kind: 'compute' })}
            data-testid="compute-allocation"
          >
            {view ? t('catalogue.review.recompute') : t('catalogue.review.compute')}
          </Button>
        ) : null}
        {isAdmin && view && (view.status === 'draft' || view.status === 'returned') ? (
          <Button
            variant="primary"
            busy={step.isPending}
            onClick={() => step.mutate({ kind: 'send' })}
            data-testid="send-allocation"
          >
            {t('catalogue.review.send')}
          </Button>
        ) : null}
        {view ? (
          <>
            <a className="btn btn--secondary" href={allocationExportUrl(callId, 'csv')} download>
              {t('catalogue.review.download')} (CSV)
            </a>
            <a className="btn btn--secondary" href={allocationExportUrl(callId, 'xlsx')} download>
              {t('catalogue.review.download')} (XLSX)
            </a>
          </>
        ) : null}
      </div>
      {isMinister && view?.status === 'sent' ? (
        <AllocationDecisionForm busy={step.isPending} onStep={(next) => step.mutate(next)} />
      ) : null}
    </section>
  );
}
