import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableProps } from './data-table';

/**
 * The compact table of a log page (audit log, mail log): its caption and empty message from the page's i18n keys
 * (`<log>.caption`, `<log>.empty`), one row per item, busy while the next page loads.
 */
export function LogTable<T extends { id: string }>({
  log,
  query,
  ...table
}: {
  log: 'auditLog' | 'notifications';
  query: { data?: { items: readonly T[] }; isFetching: boolean };
} & Pick<DataTableProps<T>, 'columns' | 'rowData'>) {
  const { t } = useTranslation();
  if (!query.data) return null;
  return (
    <DataTable<T>
      caption={t(`${log}.caption`)}
      hideCaption
      className={`data-table--compact ${log === 'auditLog' ? 'audit-log' : 'notification-log'}`}
      rows={query.data.items}
      rowKey={(row) => row.id}
      emptyMessage={t(`${log}.empty`)}
      busy={query.isFetching}
      data-testid={log === 'auditLog' ? 'audit-table' : 'notification-table'}
      {...table}
    />
  );
}
