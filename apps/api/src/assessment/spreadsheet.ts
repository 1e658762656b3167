import ExcelJS from 'exceljs';

export type Cell = string | number | boolean | null;

/**
 * Text that a spreadsheet would run as a formula (`=HYPERLINK(...)` in an organisation's name) is kept as text by a
 * leading apostrophe (OWASP CSV injection). Numbers are written as numbers and are never touched.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 CSV with a BOM, semicolons and decimal commas, so Excel in a Belgian (nl-BE) locale opens it as columns
 * of numbers (`45123,5`, not the text `45123.5`). For other tools the XLSX export carries typed numbers.
 */
export function toCsv(header: string[], rows: Cell[][]): Buffer {
  const escape = (cell: Cell) => {
    const text =
      cell === null
        ? ''
        : typeof cell === 'string'
          ? neutraliseFormula(cell)
          : typeof cell === 'number'
            ? String(cell).replace('.', ',')
            : String(cell);
    return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [header, ...rows].map((row) => row.map(escape).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(sheetName: string, header: string[], rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Subsidieportaal';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column) => (column.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
