import { Injectable } from '@nestjs/common';
import type { CallLedgerView, DossierFinanceView, LedgerView, SettlementView } from '@portal/contracts';
import { AppException } from '@portal/server';
import type { AuthContext } from '../common/request-context';
import { toXlsx, type Cell, type Column } from '../assessment/spreadsheet';
import { LedgerRepository } from './ledger.repository';
import { RecoveryService } from './recovery.service';
import { SettlementRepository } from './settlement.repository';

const euro = (cents: number | null): Cell => (cents === null ? null : cents / 100);

/** The ledger per call (administration) and per organisation (its own dossiers), and a dossier's finances (ADR 0025). */
@Injectable()
export class LedgerService {
  constructor(
    private readonly ledgers: LedgerRepository,
    private readonly settlements: SettlementRepository,
    private readonly recoveries: RecoveryService,
  ) {}

  async ofCall(callId: string): Promise<CallLedgerView> {
    const call = await this.ledgers.callBudget(callId);
    if (!call) throw new AppException('NOT_FOUND');
    return { callId, callTitle: call.title, budgetCents: call.budgetCents, ...(await this.ledgers.callLedger(callId)) };
  }

  ofOrganisation(auth: AuthContext): Promise<LedgerView> {
    return this.ledgers.organisationLedger(auth.user.id);
  }

  /** The call's ledger as XLSX: euro cells (numbers, not text), a totals line from the database's sums. */
  async xlsx(callId: string): Promise<{ filename: string; body: Buffer }> {
    const ledger = await this.ofCall(callId);
    const code = (ledger.callTitle.match(/[A-Za-z0-9]+/g) ?? ['oproep']).join('-').slice(0, 60);
    return { filename: `grootboek-${code}.xlsx`, body: await ledgerSheet(ledger, false) };
  }

  /** The organisation's own ledger (the page "Financieel overzicht") as XLSX: the same rows and totals as the JSON. */
  async organisationXlsx(auth: AuthContext): Promise<{ filename: string; body: Buffer }> {
    const ledger = await this.ofOrganisation(auth);
    return { filename: 'financieel-overzicht.xlsx', body: await ledgerSheet(ledger, true) };
  }

  /** An awarded dossier's figures, settlement and recovery, for its organisation or the administration. */
  async ofDossier(auth: AuthContext, dossierId: string): Promise<DossierFinanceView> {
    const admin = auth.user.roles.includes('admin');
    const dossier = await this.settlements.dossier(dossierId, admin ? null : auth.user.id);
    if (!dossier) throw new AppException('NOT_FOUND');
    const [ledger, settlement, recovery] = await Promise.all([
      this.ledgers.dossierRow(dossierId),
      this.settlements.settlementOf(dossierId),
      this.settlements.recoveryOf(dossierId),
    ]);
    if (!ledger) throw new AppException('AWARDED_DOSSIERS_ONLY');
    const view: SettlementView | null = settlement
      ? {
          grantedCents: settlement.grantedCents,
          plannedCostsCents: settlement.plannedCostsCents,
          acceptedCostsCents: settlement.acceptedCostsCents,
          entitledCents: settlement.entitledCents,
          paidCents: settlement.paidCents,
          balanceCents: settlement.balanceCents,
          computedAt: settlement.computedAt.toISOString(),
        }
      : null;
    return { ledger, settlement: view, recovery: recovery ? await this.recoveries.view(recovery, dossier) : null };
  }
}

/**
 * A ledger as one sheet: a line per dossier (with its call for an organisation, whose dossiers span calls), euro cells
 * as numbers, and a totals line with the database's sums.
 */
function ledgerSheet(ledger: LedgerView, withCall: boolean): Promise<Buffer> {
  const header: Column[] = [
    { header: 'Dossier' },
    withCall ? { header: 'Oproep' } : { header: 'Organisatie' },
    { header: 'Toegekend', kind: 'euro' },
    { header: 'Aanvaarde kosten', kind: 'euro' },
    { header: 'Betaald', kind: 'euro' },
    { header: 'Nog te betalen', kind: 'euro' },
    { header: 'Terug te vorderen', kind: 'euro' },
    { header: 'Teruggevorderd', kind: 'euro' },
    { header: 'Afgerekend', kind: 'text' },
  ];
  const rows: Cell[][] = ledger.rows.map((r) => [
    r.reference ?? '',
    withCall ? r.callTitle : r.applicantName,
    euro(r.grantedCents),
    euro(r.acceptedCostsCents),
    euro(r.paidCents),
    euro(r.dueCents),
    euro(r.toRecoverCents),
    euro(r.recoveredCents),
    r.settled ? 'ja' : 'nee',
  ]);
  const t = ledger.totals;
  rows.push([
    'Totaal',
    '',
    euro(t.grantedCents),
    euro(t.acceptedCostsCents),
    euro(t.paidCents),
    euro(t.dueCents),
    euro(t.toRecoverCents),
    euro(t.recoveredCents),
    '',
  ]);
  return toXlsx(withCall ? 'Financieel overzicht' : 'Grootboek', header, rows);
}
