import type { CatalogueReport, CatalogueReportRow } from '@portal/contracts';
import ExcelJS from 'exceljs';
import type { Cell } from '../assessment/spreadsheet';

export const REPORT_PARTS = ['actions', 'objectives', 'subscribers'] as const;
export type ReportPart = (typeof REPORT_PARTS)[number];

export interface Table {
  sheet: string;
  header: string[];
  rows: Cell[][];
}

const euro = (cents: number | null): number | null => (cents === null ? null : cents / 100);

function rowsOf(rows: readonly CatalogueReportRow[], withObjective: boolean): Cell[][] {
  return rows.map((r) => [
    ...(withObjective ? [r.objectiveCode] : []),
    r.code,
    r.label,
    r.participants,
    r.plannedReach,
    euro(r.askedCents),
    euro(r.grantedCents),
  ]);
}

/** One table per part of the report, with Dutch headers (the administration's working language). */
export function reportTable(report: CatalogueReport, part: ReportPart): Table {
  const figures = ['Lokale besturen', 'Gepland extra bereik', 'Vlaamse bijdrage gevraagd (EUR)', 'Toegekend (EUR)'];
  if (part === 'actions') {
    return {
      sheet: 'Per actie',
      header: ['Doelstelling', 'Actie', 'Omschrijving', ...figures],
      rows: rowsOf(report.actions, true),
    };
  }
  if (part === 'objectives') {
    return {
      sheet: 'Per doelstelling',
      header: ['Doelstelling', 'Naam', ...figures],
      rows: [
        ...rowsOf(report.objectives, false),
        [
          'Totaal',
          '',
          report.totals.participants,
          report.totals.plannedReach,
          euro(report.totals.askedCents),
          euro(report.totals.grantedCents),
        ],
      ],
    };
  }
  return {
    sheet: 'Per lokaal bestuur',
    header: [
      'Dossier',
      'Lokaal bestuur',
      'NIS-code',
      'Prioriteit',
      'Actie',
      'Gepland extra bereik',
      'Vlaamse bijdrage gevraagd (EUR)',
      'Toegekend (EUR)',
      'Eigen inbreng (EUR)',
    ],
    rows: report.subscribers.flatMap((s) => [
      ...s.actions.map((a): Cell[] => [
        s.reference,
        s.legalName,
        s.nisCode,
        a.priority,
        a.actionCode,
        a.plannedReach,
        euro(a.askedCents),
        euro(a.grantedCents),
        null,
      ]),
      [
        s.reference,
        s.legalName,
        s.nisCode,
        null,
        'Totaal',
        null,
        euro(s.askedCents),
        euro(s.grantedCents),
        euro(s.ownContributionCents),
      ],
    ]),
  };
}

/** The whole report as one workbook, one sheet per part. */
export async function reportWorkbook(report: CatalogueReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Subsidieportaal';
  for (const part of REPORT_PARTS) {
    const table = reportTable(report, part);
    const sheet = workbook.addWorksheet(table.sheet);
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.columns.forEach((column) => (column.width = 20));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
