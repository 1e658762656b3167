import { useTranslation } from 'react-i18next';
import type { AllocationSubscriberView, SubscriptionAllocationView } from '@portal/contracts';
import { DateTime } from '../../components/date-time';
import { Money } from '../../components/money';
import { localized } from '../../lib/localized';

/** What one local government asked, what it was granted and why, per action in priority order. */
export function SubscriberAllocation({ allocation }: { allocation: AllocationSubscriberView }) {
  const { t } = useTranslation();
  return (
    <div className="allocation-explanation" data-testid={`allocation-${allocation.dossierId}`}>
      <p data-testid="allocation-summary">{localized(allocation.summary)}</p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('catalogue.allocation.priority')}</th>
              <th scope="col">{t('catalogue.allocation.action')}</th>
              <th scope="col">{t('catalogue.allocation.asked')}</th>
              <th scope="col">{t('catalogue.allocation.granted')}</th>
              <th scope="col">{t('catalogue.allocation.why')}</th>
            </tr>
          </thead>
          <tbody>
            {allocation.lines.map((line) => (
              <tr key={line.actionCode}>
                <td>{line.priority}</td>
                <th scope="row">
                  <span className="code">{line.actionCode}</span> {line.actionText}
                </th>
                <td>
                  <Money cents={line.askedCents} />
                </td>
                <td>
                  <Money cents={line.grantedCents} />
                </td>
                <td>{localized(line.text)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The allocation section of a subscription: nothing but "pending" before the minister's approval. */
export function AllocationExplanation({ view }: { view: SubscriptionAllocationView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="allocation-title" className="allocation">
      <h2 id="allocation-title">{t('catalogue.allocation.title')}</h2>
      {view.status === 'pending' || !view.allocation ? (
        <p>{t('catalogue.allocation.pending')}</p>
      ) : (
        <>
          {view.decisionReference && view.decisionDate ? (
            <p>
              {t('catalogue.allocation.decision', { reference: view.decisionReference, date: '' })}
              <DateTime value={view.decisionDate} format="longDate" />
            </p>
          ) : null}
          <SubscriberAllocation allocation={view.allocation} />
        </>
      )}
    </section>
  );
}
