import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentBatchView } from '@portal/contracts';
import { batchFileUrl, useBatchAction, usePaymentBatches } from '../../api/funding';
import { errorMessage } from '../../api/error-message';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Money } from '../../components/money';

/** Payment batches (ADR 0023): compile from the due tranches, approve (another admin), export, mark paid. */
export function PaymentBatchesPanel({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const batches = usePaymentBatches(callId);
  const act = useBatchAction(callId);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (action: Parameters<typeof act.mutateAsync>[0]) => {
    setFailure(null);
    try {
      await act.mutateAsync(action);
    } catch (error) {
      setFailure(errorMessage(error, t));
    }
  };
  return (
    <div data-testid="payment-batches">
      {failure ? (
        <Alert tone="error" data-testid="batch-error">
          {failure}
        </Alert>
      ) : null}
      <Button
        type="button"
        busy={act.isPending}
        onClick={() => void run({ kind: 'create' })}
        data-testid="batch-create"
      >
        {t('funding.batches.create')}
      </Button>
      {batches.data?.length ? (
        batches.data.map((batch) => <BatchCard key={batch.id} batch={batch} run={run} />)
      ) : (
        <p>{t('funding.batches.none')}</p>
      )}
    </div>
  );
}

function BatchCard({
  batch,
  run,
}: {
  batch: PaymentBatchView;
  run: (action: Parameters<ReturnType<typeof useBatchAction>['mutateAsync']>[0]) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [executionDate, setExecutionDate] = useState(new Date().toISOString().slice(0, 10));
  const dateId = `execution-${batch.id}`;
  return (
    <article
      className="panel"
      data-testid="batch"
      data-status={batch.status}
      aria-label={t('funding.batches.label', { status: t(`funding.batchStatus.${batch.status}`) })}
    >
      <h4>
        {t(`funding.batchStatus.${batch.status}`)}: <Money cents={batch.totalCents} /> ({batch.itemCount})
      </h4>
      <p className="muted">
        {t('funding.batches.createdBy', { name: batch.createdByName })}
        {batch.approvedByName ? ` · ${t('funding.batches.approvedBy', { name: batch.approvedByName })}` : ''}
        {batch.executionDate ? ` · ${t('funding.batches.executed', { date: batch.executionDate })}` : ''}
      </p>
      <table className="data-table">
        <caption>{t('funding.batches.items')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('funding.batches.dossier')}</th>
            <th scope="col">{t('funding.batches.creditor')}</th>
            <th scope="col">{t('funding.tranches.tranche')}</th>
            <th scope="col" className="cell--end">
              {t('funding.tranches.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {batch.items.map((item) => (
            <tr key={`${item.dossierId}-${item.tranchePosition}`}>
              <th scope="row">{item.reference}</th>
              <td>
                {item.creditorName} ({item.creditorIban})
              </td>
              <td>{t(`funding.trigger.${item.trigger}`)}</td>
              <td className="cell--end">
                <Money cents={item.amountCents} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        {batch.status === 'open' ? (
          <>
            {batch.createdByMe ? <p className="muted">{t('funding.batches.fourEyes')}</p> : null}
            <Button
              type="button"
              disabled={batch.createdByMe}
              onClick={() => void run({ kind: 'approve', batchId: batch.id })}
              data-testid="batch-approve"
            >
              {t('funding.batches.approve')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => void run({ kind: 'cancel', batchId: batch.id })}>
              {t('funding.batches.cancel')}
            </Button>
          </>
        ) : null}
        {batch.status === 'approved' || batch.status === 'paid' ? (
          <>
            <a href={batchFileUrl(batch.id, 'sepa')} download data-testid="batch-sepa">
              {t('funding.batches.sepa')}
            </a>
            <a href={batchFileUrl(batch.id, 'csv')} download>
              {t('funding.batches.csv')}
            </a>
          </>
        ) : null}
        {batch.status === 'approved' ? (
          <>
            <label htmlFor={dateId}>{t('funding.batches.executionDate')}</label>
            <input
              id={dateId}
              type="date"
              value={executionDate}
              onChange={(event) => setExecutionDate(event.target.value)}
            />
            <Button
              type="button"
              onClick={() => void run({ kind: 'paid', batchId: batch.id, executionDate })}
              data-testid="batch-paid"
            >
              {t('funding.batches.markPaid')}
            </Button>
          </>
        ) : null}
      </div>
    </article>
  );
}
