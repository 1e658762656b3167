import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAcceptances } from '../../api/funding';
import { Money } from '../../components/money';
import { PaymentBatchesPanel } from './payment-batches-panel';
import { PaymentScheduleEditor } from './payment-schedule-editor';

/** The administration after the decision (ADR 0023): schedule, who accepted, and the payment batches. */
export function PaymentsSection({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const acceptances = useAcceptances(callId);
  return (
    <div data-testid="payments-section">
      <p>
        <Link to={`/administratie/oproepen/${callId}/grootboek`} data-testid="ledger-link">
          {t('settlement.ledger.link')}
        </Link>
      </p>
      <h3>{t('funding.schedule.title')}</h3>
      <PaymentScheduleEditor callId={callId} />
      <h3>{t('funding.overview.title')}</h3>
      <table className="data-table" data-testid="acceptance-overview">
        <caption>{t('funding.overview.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('funding.batches.dossier')}</th>
            <th scope="col">{t('funding.overview.organisation')}</th>
            <th scope="col" className="cell--end">
              {t('funding.overview.granted')}
            </th>
            <th scope="col">{t('funding.overview.status')}</th>
            <th scope="col" className="cell--end">
              {t('funding.overview.reminders')}
            </th>
            <th scope="col" className="cell--end">
              {t('funding.overview.paid')}
            </th>
          </tr>
        </thead>
        <tbody>
          {(acceptances.data ?? []).map((row) => (
            <tr key={row.dossierId} data-status={row.status}>
              <th scope="row">{row.reference}</th>
              <td>{row.applicantName}</td>
              <td className="cell--end">
                <Money cents={row.grantedCents} />
              </td>
              <td>
                {t(`funding.overview.state.${row.status}`)}
                {row.decidedByName ? ` (${row.decidedByName})` : ''}
              </td>
              <td className="cell--end">{row.remindersSent}</td>
              <td className="cell--end">
                <Money cents={row.paidCents} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('funding.batches.title')}</h3>
      <PaymentBatchesPanel callId={callId} />
    </div>
  );
}
