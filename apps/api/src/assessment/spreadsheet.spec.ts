import ExcelJS from 'exceljs';
import { toCsv, toXlsx } from './spreadsheet';

describe('toCsv', () => {
  it('keeps text that looks like a formula as text, and numbers as numbers', () => {
    const csv = toCsv(
      ['Aanvrager', 'Bedrag'],
      [
        ['=HYPERLINK("http://evil.example","klik")', -1500.5],
        ['+32 2 553 11 11', 10],
        ['@SUM(A1)', null],
        ['vzw De Brug; Gent', 0],
      ],
    )
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(csv[1]).toBe('"\'=HYPERLINK(""http://evil.example"",""klik"")";-1500,5');
    expect(csv[2]).toBe("'+32 2 553 11 11;10");
    expect(csv[3]).toBe("'@SUM(A1);");
    expect(csv[4]).toBe('"vzw De Brug; Gent";0');
  });
});

describe('typed columns', () => {
  const header = [
    { header: 'Ingediend', kind: 'moment' as const },
    { header: 'Dag', kind: 'date' as const },
    { header: 'Bedrag', kind: 'euro' as const },
    'Naam',
  ];
  const rows = [['2026-06-30T21:59:59.000Z', '2026-12-02', 28000.5, '=1+1']];

  it('writes moments in Brussels time and days as dd/mm/yyyy in the CSV', () => {
    const [, line] = toCsv(header, rows)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(line).toBe("30/06/2026 23:59:59;02/12/2026;28000,5;'=1+1");
  });

  it('writes typed cells with formats and readable widths in the XLSX', async () => {
    const workbook = new ExcelJS.Workbook();
    const file = await toXlsx('Blad', header, rows);
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const moment = sheet.getRow(2).getCell(1);
    // Excel keeps wall-clock time: the Brussels 23:59:59 of that summer evening.
    expect(moment.value).toEqual(new Date(Date.UTC(2026, 5, 30, 23, 59, 59)));
    expect(moment.numFmt).toBe('dd/mm/yyyy hh:mm:ss');
    expect(sheet.getRow(2).getCell(2).value).toEqual(new Date(Date.UTC(2026, 11, 2)));
    expect(sheet.getRow(2).getCell(3).value).toBe(28000.5);
    expect(sheet.getRow(2).getCell(3).numFmt).toBe('"€" #,##0.00');
    // A string in XLSX is never a formula, so it is kept as typed.
    expect(sheet.getRow(2).getCell(4).value).toBe('=1+1');
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(19);
  });
});
