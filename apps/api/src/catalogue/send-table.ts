import type { Response } from 'express';
import { toCsv, toXlsx, type Cell, type Column } from '../assessment/spreadsheet';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a spreadsheet as a download (CSV with semicolons and a BOM, or XLSX). */
export async function sendTable(
  response: Response,
  name: string,
  sheet: string,
  header: ReadonlyArray<string | Column>,
  rows: Cell[][],
  format: 'csv' | 'xlsx',
): Promise<void> {
  const body = format === 'xlsx' ? await toXlsx(sheet, header, rows) : toCsv(header, rows);
  sendFile(response, `${name}.${format}`, format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8', body);
}

export function sendFile(response: Response, filename: string, type: string, body: Buffer): void {
  response.status(200).type(type).attachment(filename).send(body);
}
