import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { ledgerExportUrl, useCallLedger, useRecoveries } from '../../api/settlement';
import { Alert } from '../../components/alert';
import { DocumentTitle } from '../../components/document-title';
import { LoadingIndicator } from '../../components/loading-indicator';
import { Money } from '../../components/money';
import { AMOUNTS } from './ledger-amounts';
import { RecoveryTable } from './recovery-table';

/** `/administratie/oproepen/:id/grootboek`: per dossier and in total what was granted, accepted, paid, due, recovered. */
export function CallLedgerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const ledger = useCallLedger(id);
  const recoveries = useRecoveries(id);
  const title = t('settlement.ledger.title', { call: ledger.data?.callTitle ?? '' });

  return (
    <div>
      <DocumentTitle page={title} />
      <p className="breadcrumb">
        <Link to="/administratie">{t('admin.backToAdmin')}</Link>
        {' · '}
        <Link to={`/administratie/oproepen/${id}/beoordeling`}>{t('panel.toAssessment')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('settlement.ledger.intro')}</p>
      {ledger.isPending ? <LoadingIndicator /> : null}
      {ledger.error ? <Alert tone="error">{errorMessage(ledger.error, t)}</Alert> : null}
      {ledger.data ? (
        <>
          <p>
            {t('settlement.ledger.budget')} <Money cents={ledger.data.budgetCents} />
            {' · '}
            <a href={ledgerExportUrl(id)} download data-testid="ledger-export">
              {t('settlement.ledger.export')}
            </a>
          </p>
          <div className="table-scroll">
            <table className="data-table" data-testid="call-ledger">
              <caption>{t('settlement.ledger.caption', { count: ledger.data.rows.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('settlement.ledger.dossier')}</th>
                  {AMOUNTS.map((key) => (
                    <th scope="col" className="cell--end" key={key}>
                      {t(`settlement.ledger.${key}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ledger.data.rows.map((row) => (
                  <tr key={row.dossierId} data-dossier={row.dossierId}>
                    <th scope="row">
                      {row.reference} · {row.applicantName}
                      {row.settled ? ` (${t('settlement.ledger.settled')})` : ''}
                    </th>
                    {AMOUNTS.map((key) => (
                      <td className="cell--end" key={key} data-amount={key}>
                        {row[key] === null ? '—' : <Money cents={row[key]} />}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-testid="ledger-totals">
                  <th scope="row">{t('settlement.ledger.total')}</th>
                  {AMOUNTS.map((key) => (
                    <td className="cell--end" key={key} data-amount={key}>
                      <Money cents={ledger.data.totals[key]} />
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      ) : null}
      <section aria-labelledby="recoveries-title" className="section">
        <h2 id="recoveries-title">{t('settlement.recovery.listTitle')}</h2>
        {recoveries.error ? <Alert tone="error">{errorMessage(recoveries.error, t)}</Alert> : null}
        <RecoveryTable rows={recoveries.data ?? []} />
      </section>
    </div>
  );
}
