import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { BRUSSELS, formatDateTime, parseIsoMoment } from '@portal/domain';

/** A cell: text, a number, a boolean, or a moment (Date or ISO string in a 'moment' or 'date' column). */
export type Cell = string | number | boolean | Date | null;

/**
 * How a column's cells are written. 'euro': a number of euro (not cents); 'moment': an instant, written in Brussels
 * time; 'date': a calendar day (`YYYY-MM-DD`); 'number' and 'text' as they come.
 */
export type ColumnKind = 'text' | 'number' | 'euro' | 'moment' | 'date';

export interface Column {
  header: string;
  kind?: ColumnKind;
}

export type Header = ReadonlyArray<string | Column>;

const columnsOf = (header: Header): Column[] =>
  header.map((column) => (typeof column === 'string' ? { header: column } : column));

/**
 * Text that a spreadsheet would run as a formula (`=HYPERLINK(...)` in an organisation's name) is kept as text by a
 * leading apostrophe (OWASP CSV injection). Numbers are written as numbers and are never touched.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A moment or day as a person reads it in a CSV cell: "02/12/2026 23:59:59" (Brussels) or "02/12/2026". */
function momentText(cell: Cell, kind: 'moment' | 'date'): string {
  if (cell === null || typeof cell === 'boolean' || typeof cell === 'number') return String(cell ?? '');
  const date = parseIsoMoment(cell);
  if (!date) return neutraliseFormula(String(cell));
  return formatDateTime(date, kind === 'moment' ? 'dateTimeSeconds' : 'date').replace(', ', ' ');
}

/**
 * RFC 4180 CSV with a BOM, semicolons and decimal commas, so Excel in a Belgian (nl-BE) locale opens it as columns
 * of numbers (`45123,5`, not the text `45123.5`) and dates (`02/12/2026 23:59:59`, Brussels time). For other tools
 * the XLSX export carries typed numbers and dates.
 */
export function toCsv(header: Header, rows: Cell[][]): Buffer {
  const columns = columnsOf(header);
  const escape = (cell: Cell, column: Column | undefined) => {
    const kind = column?.kind ?? 'text';
    const text =
      cell === null
        ? ''
        : kind === 'moment' || kind === 'date'
          ? momentText(cell, kind)
          : typeof cell === 'string'
            ? neutraliseFormula(cell)
            : typeof cell === 'number'
              ? String(cell).replace('.', ',')
              : cell instanceof Date
                ? momentText(cell, 'moment')
                : String(cell);
    return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [
    columns.map((column) => escape(column.header, undefined)).join(';'),
    ...rows.map((row) => row.map((cell, index) => escape(cell, columns[index])).join(';')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/**
 * Excel has no time zones: a date cell holds a wall-clock time. The instant becomes its Brussels wall-clock time,
 * stored as that UTC moment (what ExcelJS writes), so the cell shows 23:59:59 for a deadline at 23:59:59 in Brussels.
 */
function excelMoment(cell: Cell, kind: 'moment' | 'date'): Date | Cell {
  if (cell === null || typeof cell === 'number' || typeof cell === 'boolean') return cell;
  const date = parseIsoMoment(cell);
  if (!date) return String(cell);
  const local = DateTime.fromJSDate(date, { zone: BRUSSELS });
  return kind === 'date'
    ? new Date(Date.UTC(local.year, local.month - 1, local.day))
    : new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}

const NUMBER_FORMAT: Partial<Record<ColumnKind, string>> = {
  euro: '"€" #,##0.00',
  moment: 'dd/mm/yyyy hh:mm:ss',
  date: 'dd/mm/yyyy',
};

/** A column as wide as its header and its longest cell (as shown), between 8 and 60 characters. */
function widthOf(column: Column, cells: Cell[]): number {
  const shown = (cell: Cell) =>
    cell === null
      ? 0
      : column.kind === 'moment'
        ? 19
        : column.kind === 'date'
          ? 10
          : column.kind === 'euro' && typeof cell === 'number'
            ? cell.toFixed(2).length + 5
            : String(cell).length;
  const longest = Math.max(column.header.length, ...cells.map(shown));
  return Math.min(60, Math.max(8, longest + 2));
}

/** Adds a sheet: bold frozen header, typed cells (euro and dates with their formats), readable column widths. */
export function addSheet(workbook: ExcelJS.Workbook, sheetName: string, header: Header, rows: Cell[][]): void {
  const columns = columnsOf(header);
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(columns.map((column) => column.header)).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      row.map((cell, index) => {
        const kind = columns[index]?.kind;
        // A text cell in XLSX is a string, never a formula: no apostrophe needed there.
        return kind === 'moment' || kind === 'date' ? excelMoment(cell, kind) : cell;
      }),
    );
  }
  columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = widthOf(
      column,
      rows.map((row) => row[index] ?? null),
    );
    const format = column.kind ? NUMBER_FORMAT[column.kind] : undefined;
    if (format) sheetColumn.numFmt = format;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** A workbook of one sheet (see addSheet). */
export async function toXlsx(sheetName: string, header: Header, rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Subsidieportaal';
  addSheet(workbook, sheetName, header, rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
