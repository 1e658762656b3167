import { useTranslation } from 'react-i18next';
import type { CatalogueAllocationView } from '@portal/contracts';
import { Alert } from '../../components/alert';
import { Money } from '../../components/money';
import { SubscriberAllocation } from './allocation-explanation';

/** The allocation's totals, remarks and decision, its rounds and per subscriber how the amount came about. */
export function AllocationSummary({ view }: { view: CatalogueAllocationView }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('catalogue.review.status')}</dt>
          <dd data-testid="allocation-status">{t(`catalogue.review.statuses.${view.status}`)}</dd>
        </div>
        <div>
          <dt>{t('catalogue.review.budget')}</dt>
          <dd>
            <Money cents={view.budgetCents} />
          </dd>
        </div>
        <div>
          <dt>{t('catalogue.review.totalAsked')}</dt>
          <dd>
            <Money cents={view.totalAskedCents} />
          </dd>
        </div>
        <div>
          <dt>{t('catalogue.review.totalGranted')}</dt>
          <dd data-testid="allocation-granted">
            <Money cents={view.grantedCents} />
          </dd>
        </div>
        <div>
          <dt>{t('catalogue.review.remainder')}</dt>
          <dd>
            <Money cents={view.remainderCents} />
          </dd>
        </div>
      </dl>
      {view.remarks ? (
        <Alert tone="warning" title={t('catalogue.review.remarks')}>
          {view.remarks}
        </Alert>
      ) : null}
      {view.status === 'approved' && view.decisionReference && view.decisionDate ? (
        <Alert tone="success">
          {t('catalogue.review.approved', { reference: view.decisionReference, date: view.decisionDate })}
        </Alert>
      ) : null}
      <p>
        {view.marginalRound === null
          ? t('catalogue.review.noMarginalRound')
          : t('catalogue.review.marginalRound', { round: view.marginalRound })}
      </p>
      <h3>{t('catalogue.review.rounds')}</h3>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('catalogue.review.round')}</th>
              <th scope="col">{t('catalogue.report.asked')}</th>
              <th scope="col">{t('catalogue.review.available')}</th>
              <th scope="col">{t('catalogue.report.granted')}</th>
              <th scope="col">{t('catalogue.review.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {view.rounds.map((round) => (
              <tr key={round.round}>
                <th scope="row">{round.round}</th>
                <td>
                  <Money cents={round.askedCents} />
                </td>
                <td>
                  <Money cents={round.availableCents} />
                </td>
                <td>
                  <Money cents={round.grantedCents} />
                </td>
                <td>{t(`catalogue.review.outcomes.${round.outcome}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('catalogue.review.subscribers')}</h3>
      {view.subscribers.map((subscriber) => (
        <details key={subscriber.dossierId} className="allocation-subscriber">
          <summary>
            {subscriber.legalName} ({subscriber.reference}): <Money cents={subscriber.grantedCents} /> /{' '}
            <Money cents={subscriber.askedCents} />
          </summary>
          <SubscriberAllocation allocation={subscriber} />
        </details>
      ))}
    </>
  );
}
