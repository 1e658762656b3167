import { useTranslation } from 'react-i18next';
import type { DossierTrancheView } from '@portal/contracts';
import { Money } from '../../components/money';

/** A dossier's tranches: share, trigger, amount and where each stands (due, in a batch, paid). */
export function TrancheTable({ tranches, testId }: { tranches: readonly DossierTrancheView[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <table className="data-table" data-testid={testId}>
      <caption>{t('funding.tranches.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('funding.tranches.tranche')}</th>
          <th scope="col">{t('funding.tranches.trigger')}</th>
          <th scope="col" className="cell--end">
            {t('funding.tranches.amount')}
          </th>
          <th scope="col">{t('funding.tranches.state')}</th>
        </tr>
      </thead>
      <tbody>
        {tranches.map((tranche) => (
          <tr key={tranche.position} data-state={tranche.state}>
            <th scope="row">
              {t('funding.tranches.number', { position: tranche.position, percent: tranche.shareBasisPoints / 100 })}
            </th>
            <td>{t(`funding.trigger.${tranche.trigger}`)}</td>
            <td className="cell--end">
              <Money cents={tranche.amountCents} />
            </td>
            <td>
              {t(`funding.state.${tranche.state}`)}
              {tranche.executionDate ? ` (${tranche.executionDate})` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
