import { toCsv } from './spreadsheet';

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
