import { useTranslation } from 'react-i18next';
import { recoveryLetterUrl, useDossierFinances } from '../../api/settlement';
import { Alert } from '../../components/alert';
import { Money } from '../../components/money';
import { CalendarDay } from './calendar-day';

/**
 * On the organisation's follow-up page (ADR 0025): its own figures (granted, paid, still due), the settlement after
 * the final report and, when more was paid than it is entitled to, the recovery with how and by when to repay.
 */
export function DossierFinances({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const finances = useDossierFinances(dossierId);
  const view = finances.data;
  if (!view) return null;
  const { ledger, settlement, recovery } = view;
  return (
    <section aria-labelledby="finances-title" className="section" data-testid="dossier-finances">
      <h2 id="finances-title">{t('settlement.finances.title')}</h2>
      <dl className="facts">
        <dt>{t('settlement.ledger.grantedCents')}</dt>
        <dd>
          <Money cents={ledger.grantedCents} />
        </dd>
        <dt>{t('settlement.ledger.paidCents')}</dt>
        <dd data-testid="finances-paid">
          <Money cents={ledger.paidCents} />
        </dd>
        <dt>{t('settlement.ledger.dueCents')}</dt>
        <dd>
          <Money cents={ledger.dueCents} />
        </dd>
      </dl>
      {settlement ? (
        <>
          <h3>{t('settlement.finances.settlementTitle')}</h3>
          <dl className="facts" data-testid="finances-settlement">
            <dt>{t('settlement.finances.planned')}</dt>
            <dd>
              <Money cents={settlement.plannedCostsCents} />
            </dd>
            <dt>{t('settlement.ledger.acceptedCostsCents')}</dt>
            <dd>
              <Money cents={settlement.acceptedCostsCents} />
            </dd>
            <dt>{t('settlement.finances.entitled')}</dt>
            <dd data-testid="finances-entitled">
              <Money cents={settlement.entitledCents} />
            </dd>
            <dt>{t('settlement.finances.paidThen')}</dt>
            <dd>
              <Money cents={settlement.paidCents} />
            </dd>
            <dt>{t('settlement.finances.balance')}</dt>
            <dd data-testid="finances-balance">
              <Money cents={settlement.balanceCents} />
            </dd>
          </dl>
          <p>{t('settlement.finances.rule')}</p>
        </>
      ) : (
        <p>{t('settlement.finances.notYet')}</p>
      )}
      {recovery ? (
        <div data-testid="finances-recovery" data-status={recovery.status}>
          <h3>{t('settlement.finances.recoveryTitle')}</h3>
          {recovery.status === 'repaid' ? (
            <Alert tone="success">{t('settlement.finances.repaid')}</Alert>
          ) : (
            <Alert tone={recovery.overdue ? 'warning' : 'info'}>
              {t('settlement.finances.howToPay', {
                name: recovery.howToPay.accountName,
                iban: recovery.howToPay.iban.replace(/(.{4})(?=.)/g, '$1 '),
                bic: recovery.howToPay.bic,
                reference: recovery.howToPay.paymentReference,
              })}
            </Alert>
          )}
          <dl className="facts">
            <dt>{t('settlement.recovery.amount')}</dt>
            <dd>
              <Money cents={recovery.amountCents} />
            </dd>
            <dt>{t('settlement.recovery.open')}</dt>
            <dd data-testid="finances-recovery-open">
              <Money cents={recovery.openCents} />
            </dd>
            <dt>{t('settlement.recovery.dueOn')}</dt>
            <dd>
              <CalendarDay value={recovery.dueOn} />
            </dd>
          </dl>
          <p>
            <a href={recoveryLetterUrl(dossierId)} download>
              {t('settlement.recovery.letter')}
            </a>
          </p>
        </div>
      ) : null}
    </section>
  );
}
