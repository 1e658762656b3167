import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RecoveryView } from '@portal/contracts';
import { DataTable } from '../../components/data-table';
import { Money } from '../../components/money';
import { CalendarDay } from './calendar-day';

/** A call's recoveries: amount, open, due date (overdue marked), status; each links to its page. */
export function RecoveryTable({ rows }: { rows: readonly RecoveryView[] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t('settlement.recovery.listCaption', { count: rows.length })}
      hideCaption
      stackOnPhone
      columns={[
        {
          id: 'dossier',
          header: t('settlement.ledger.dossier'),
          rowHeader: true,
          cell: (r) => (
            <Link to={`/administratie/terugvorderingen/${r.id}`} data-testid={`recovery-link-${r.dossierId}`}>
              {r.reference} · {r.applicantName}
            </Link>
          ),
        },
        {
          id: 'amount',
          header: t('settlement.recovery.amount'),
          align: 'end',
          cell: (r) => <Money cents={r.amountCents} />,
        },
        { id: 'open', header: t('settlement.recovery.open'), align: 'end', cell: (r) => <Money cents={r.openCents} /> },
        {
          id: 'due',
          header: t('settlement.recovery.dueOn'),
          cell: (r) => (
            <>
              <CalendarDay value={r.dueOn} />
              {r.overdue ? ` (${t('settlement.recovery.overdue')})` : ''}
            </>
          ),
        },
        {
          id: 'status',
          header: t('settlement.recovery.status'),
          cell: (r) => t(`settlement.recovery.state.${r.status}`),
        },
      ]}
      rows={rows}
      rowKey={(r) => r.id}
      emptyMessage={t('settlement.recovery.none')}
    />
  );
}
