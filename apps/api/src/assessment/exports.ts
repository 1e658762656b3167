import {
  PROPOSAL_OUTCOME_TEXT,
  TIE_BREAK_TEXT,
  selectionReasonText,
  textOf,
  type CallCriterion,
  type ProposalView,
  type RankingRow,
} from '@portal/contracts';
import type { Cell, Column } from './spreadsheet';

export interface Table {
  header: Column[];
  data: Cell[][];
}

/**
 * The ranking as a person reads it: criteria by their labels, amounts in euro, the submission moment in Brussels time,
 * tie-breaks in words, and the budget line: the sufficient dossiers in rank order until together they ask more than
 * the budget.
 */
export function rankingTable(call: { criteria: CallCriterion[]; budgetCents: number }, rows: RankingRow[]): Table {
  const labelOf = new Map(call.criteria.map((c) => [c.code, c.label]));
  const header: Column[] = [
    { header: 'Rang', kind: 'number' },
    { header: 'Dossiernummer' },
    { header: 'Aanvrager' },
    { header: 'Titel' },
    { header: 'Gevraagd', kind: 'euro' },
    { header: 'Ingediend op (Brussel)', kind: 'moment' },
    ...call.criteria.map((c) => ({ header: c.label, kind: 'number' as const })),
    { header: 'Gewogen totaal', kind: 'number' },
    { header: 'Voldoende', kind: 'text' },
    { header: 'Onder de drempel op', kind: 'text' },
    { header: 'Gelijke stand beslecht door' },
    { header: 'Gevraagd, opgeteld in volgorde', kind: 'euro' },
    { header: 'Budgetlijn' },
  ];
  // The budget line: the sufficient dossiers in rank order, until what they ask together passes the budget.
  let cumulative = 0;
  const data: Cell[][] = rows.map((r) => {
    if (r.sufficient) cumulative += r.requestedCents;
    return [
      r.rank,
      r.reference,
      r.applicantName,
      r.title,
      r.requestedCents / 100,
      r.submittedAt,
      ...call.criteria.map((c) => r.scores[c.code] ?? null),
      r.total,
      r.sufficient ? 'ja' : 'nee',
      r.failingCriteria.map((code) => labelOf.get(code) ?? code).join('; '),
      textOf(TIE_BREAK_TEXT, r.tieBrokenBy, 'nl'),
      r.sufficient ? cumulative / 100 : null,
      !r.sufficient ? 'onvoldoende' : cumulative <= call.budgetCents ? 'binnen het budget' : 'boven het budget',
    ];
  });
  return { header, data };
}

/** The selection proposal: outcomes and reasons in words, amounts in euro. */
export function proposalTable(proposal: ProposalView): Table {
  const header: Column[] = [
    { header: 'Rang', kind: 'number' },
    { header: 'Dossiernummer' },
    { header: 'Aanvrager' },
    { header: 'Titel' },
    { header: 'Gevraagd', kind: 'euro' },
    { header: 'Bijgesteld tot', kind: 'euro' },
    { header: 'Toegekend', kind: 'euro' },
    { header: 'Uitkomst' },
    { header: 'Reden' },
    { header: 'Plaats op de reservelijst', kind: 'number' },
    { header: 'Enveloppe' },
    { header: 'Motivering' },
  ];
  const data: Cell[][] = proposal.lines.map((l) => [
    l.rank,
    l.reference,
    l.applicantName,
    l.title,
    l.requestedCents / 100,
    l.adjustedCents === null ? null : l.adjustedCents / 100,
    l.grantedCents / 100,
    textOf(PROPOSAL_OUTCOME_TEXT, l.outcome, 'nl'),
    selectionReasonText(l.reason, 'nl'),
    l.reservePosition,
    l.envelope,
    l.motivation,
  ]);
  return { header, data };
}
