import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DataTableColumn<T> {
  /** Stable column id (React key). */
  id: string;
  header: ReactNode;
  cell: (row: T, rowIndex: number) => ReactNode;
  /** Marks the cell as the row header (<th scope="row">); use it for the column that names the row. */
  rowHeader?: boolean;
  /** 'end' for numbers and amounts. */
  align?: 'start' | 'end';
  /** Header rendered visually hidden (e.g. an actions column). */
  hideHeader?: boolean;
}

export interface DataTableProps<T> {
  /** Table caption: required, it names the table for assistive technology. */
  caption: ReactNode;
  /** Visually hide the caption when a visible heading already describes the table. */
  hideCaption?: boolean;
  columns: readonly DataTableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, rowIndex: number) => string;
  /** Message shown in the body when there are no rows. */
  emptyMessage?: ReactNode;
  /** Marks the table as updating (e.g. while refetching). */
  busy?: boolean;
  /** `data-*` attributes for a body row, e.g. `{ 'data-testid': 'member-row' }`. */
  rowData?: (row: T, rowIndex: number) => Record<`data-${string}`, string | undefined>;
  className?: string;
  /** On a phone, each row becomes a card of label/value pairs (the column headers as labels) instead of scrolling. */
  stackOnPhone?: boolean;
  'data-testid'?: string;
}

/** Semantic data table in a keyboard-scrollable region (for narrow screens). */
export function DataTable<T>({
  caption,
  hideCaption = false,
  columns,
  rows,
  rowKey,
  emptyMessage,
  busy = false,
  rowData,
  className,
  stackOnPhone = false,
  'data-testid': testId,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const captionId = useId();
  const alignClass = (column: DataTableColumn<T>) => (column.align === 'end' ? 'cell--end' : undefined);
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table
        className={['data-table', stackOnPhone ? 'data-table--stack' : undefined, className].filter(Boolean).join(' ')}
        aria-busy={busy || undefined}
        data-testid={testId}
      >
        <caption id={captionId} className={hideCaption ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col" className={alignClass(column)}>
                {column.hideHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="data-table__empty">
                {emptyMessage ?? t('table.empty')}
              </td>
            </tr>
          ) : (
            rows.map((row, rowIndex) => (
              <tr key={rowKey(row, rowIndex)} {...rowData?.(row, rowIndex)}>
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th key={column.id} scope="row" className={alignClass(column)}>
                      {column.cell(row, rowIndex)}
                    </th>
                  ) : (
                    <td
                      key={column.id}
                      className={alignClass(column)}
                      data-label={stackOnPhone && typeof column.header === 'string' ? column.header : undefined}
                    >
                      {column.cell(row, rowIndex)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
