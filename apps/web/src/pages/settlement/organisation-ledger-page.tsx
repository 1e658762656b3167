import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { myLedgerExportUrl, useMyLedger } from '../../api/settlement';
import { Alert } from '../../components/alert';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { DocumentTitle } from '../../components/document-title';
import { EmptyState } from '../../components/empty-state';
import { LoadingIndicator } from '../../components/loading-indicator';
import { Money } from '../../components/money';
import { AMOUNTS } from './ledger-amounts';

/** A line of the table: a dossier (linked to its follow-up page) or the totals, which the database summed. */
interface Line {
  key: string;
  dossierId: string | null;
  label: string;
  callTitle: string;
  settled: boolean;
  amounts: Record<(typeof AMOUNTS)[number], number | null>;
}

/** `/aanvrager/financieel`: per awarded dossier of the user's organisations what was granted, paid, due, recovered. */
export function OrganisationLedgerPage() {
  const { t } = useTranslation();
  const ledger = useMyLedger();
  const title = t('settlement.mine.title');

  const lines: Line[] = ledger.data
    ? [
        ...ledger.data.rows.map((row) => ({
          key: row.dossierId,
          dossierId: row.dossierId,
          label: `${row.reference ?? ''} · ${row.applicantName}`,
          callTitle: row.callTitle,
          settled: row.settled,
          amounts: row,
        })),
        {
          key: 'totals',
          dossierId: null,
          label: t('settlement.ledger.total'),
          callTitle: '',
          settled: false,
          amounts: ledger.data.totals,
        },
      ]
    : [];

  const columns: DataTableColumn<Line>[] = [
    {
      id: 'dossier',
      header: t('settlement.ledger.dossier'),
      rowHeader: true,
      cell: (line) =>
        line.dossierId ? (
          <>
            <Link to={`/aanvrager/dossiers/${line.dossierId}/opvolging`}>{line.label}</Link>
            {line.settled ? ` (${t('settlement.ledger.settled')})` : ''}
          </>
        ) : (
          line.label
        ),
    },
    { id: 'call', header: t('settlement.mine.call'), cell: (line) => line.callTitle },
    ...AMOUNTS.map((key): DataTableColumn<Line> => ({
      id: key,
      header: t(`settlement.ledger.${key}`),
      align: 'end',
      cell: (line) => (line.amounts[key] === null ? '—' : <Money cents={line.amounts[key]} />),
    })),
  ];

  return (
    <div>
      <DocumentTitle page={title} />
      <p className="breadcrumb">
        <Link to="/aanvrager">{t('settlement.mine.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('settlement.mine.intro')}</p>
      {ledger.isPending ? <LoadingIndicator /> : null}
      {ledger.error ? <Alert tone="error">{errorMessage(ledger.error, t)}</Alert> : null}
      {ledger.data && ledger.data.rows.length === 0 ? (
        <EmptyState data-testid="my-ledger-empty">{t('settlement.mine.empty')}</EmptyState>
      ) : null}
      {ledger.data && ledger.data.rows.length > 0 ? (
        <>
          <p>
            <a href={myLedgerExportUrl} download data-testid="my-ledger-export">
              {t('settlement.ledger.export')}
            </a>
          </p>
          <DataTable
            stackOnPhone
            caption={t('settlement.mine.caption', { count: ledger.data.rows.length })}
            columns={columns}
            rows={lines}
            rowKey={(line) => line.key}
            rowData={(line) => ({ 'data-testid': line.dossierId ? 'my-ledger-row' : 'my-ledger-totals' })}
            busy={ledger.isFetching}
            data-testid="my-ledger"
          />
        </>
      ) : null}
    </div>
  );
}
