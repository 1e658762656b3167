import { useTranslation } from 'react-i18next';
import { usePaymentSchedule } from '../../api/funding';

/** The call's payment schedule on its public page (ADR 0023): each tranche's share and when it is paid. */
export function PaymentScheduleFacts({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const schedule = usePaymentSchedule(callId);
  if (!schedule.data) return null;
  return (
    <div data-testid="call-payment-schedule">
      <dt>{t('funding.schedule.title')}</dt>
      <dd>
        <ul className="plain-list">
          {schedule.data.tranches.map((tranche) => (
            <li key={tranche.position}>
              {t('funding.tranches.number', { position: tranche.position, percent: tranche.shareBasisPoints / 100 })}{' '}
              {t(`funding.trigger.${tranche.trigger}`)}
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}
