import type { DataTableColumn } from './data-table';
import { DateTime } from './date-time';

/** A log's first column: the moment a row happened, to the second (Brussels time), as the row's header. */
export function momentColumn<T>(id: string, header: string, at: (row: T) => string): DataTableColumn<T> {
  return { id, header, rowHeader: true, cell: (row) => <DateTime value={at(row)} format="dateTimeSeconds" /> };
}
