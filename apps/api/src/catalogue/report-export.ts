import type { CatalogueReport, CatalogueReportRow } from '@portal/contracts';
import ExcelJS from 'exceljs';
import { addSheet, type Cell, type Column } from '../assessment/spreadsheet';

export const REPORT_PARTS = ['actions', 'objectives', 'subscribers'] as const;
export type ReportPart = (typeof REPORT_PARTS)[number];

export interface Table {
  sheet: string;
  header: Column[];
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
  const figures: Column[] = [
    { header: 'Lokale besturen', kind: 'number' },
    { header: 'Gepland extra bereik', kind: 'number' },
    { header: 'Vlaamse bijdrage gevraagd (EUR)', kind: 'euro' },
    { header: 'Toegekend (EUR)', kind: 'euro' },
  ];
  const text = (...headers: string[]): Column[] => headers.map((header) => ({ header }));
  if (part === 'actions') {
    return {
      sheet: 'Per actie',
      header: [...text('Doelstelling', 'Actie', 'Omschrijving'), ...figures],
      rows: rowsOf(report.actions, true),
    };
  }
  if (part === 'objectives') {
    return {
      sheet: 'Per doelstelling',
      header: [...text('Doelstelling', 'Naam'), ...figures],
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
      ...text('Dossiernummer', 'Lokaal bestuur', 'NIS-code'),
      { header: 'Prioriteit', kind: 'number' },
      { header: 'Actie' },
      { header: 'Gepland extra bereik', kind: 'number' },
      { header: 'Vlaamse bijdrage gevraagd (EUR)', kind: 'euro' },
      { header: 'Toegekend (EUR)', kind: 'euro' },
      { header: 'Eigen inbreng (EUR)', kind: 'euro' },
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
    addSheet(workbook, table.sheet, table.header, table.rows);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
