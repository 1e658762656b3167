import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LedgerRow, LedgerTotals, LedgerView } from '@portal/contracts';
import { memberOfApplicant } from '@portal/server';
import { DataSource } from 'typeorm';

/**
 * The ledger (ADR 0025): per dossier the effective grant, the accepted costs of its approved final report, what was
 * paid (approved payments, executed or not), what is still due, what is to recover and what was recovered. Rows and
 * totals come from one CTE, the totals summed by the database.
 *
 * due: settled, max(0, entitled - paid); not settled yet, max(0, grant - paid) (the commitment still open).
 */
const LEDGER = (where: string) => `
  WITH base AS (
    SELECT d.id AS dossier_id, d.reference, ap.legal_name, c.id AS call_id, c.title AS call_title,
           coalesce((SELECT min(cr.granted_cents_after) FROM change_requests cr
                      WHERE cr.dossier_id = d.id AND cr.status = 'approved' AND cr.granted_cents_after IS NOT NULL),
                    d.granted_cents, 0) AS granted,
           (SELECT r.accepted_costs_cents FROM dossier_reports r
             WHERE r.dossier_id = d.id AND r.kind = 'final' AND r.status = 'approved') AS accepted,
           s.entitled_cents AS entitled,
           (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p WHERE p.dossier_id = d.id) AS paid,
           rc.id AS recovery_id,
           coalesce(rc.amount_cents - rc.repaid_cents, 0) AS to_recover,
           coalesce(rc.repaid_cents, 0) AS recovered
      FROM dossiers d
      JOIN applicants ap ON ap.id = d.applicant_id
      JOIN calls c ON c.id = d.call_id
      LEFT JOIN dossier_settlements s ON s.dossier_id = d.id
      LEFT JOIN recovery_cases rc ON rc.dossier_id = d.id
     WHERE (d.status = 'awarded' OR EXISTS (SELECT 1 FROM payments p WHERE p.dossier_id = d.id)) AND ${where}
  ), ledger AS (
    SELECT *, greatest(0, coalesce(entitled, granted) - paid) AS due FROM base
  )`;

interface Row {
  dossier_id: string;
  reference: string | null;
  legal_name: string;
  call_id: string;
  call_title: string;
  granted: string;
  accepted: string | null;
  entitled: string | null;
  paid: string;
  due: string;
  to_recover: string;
  recovered: string;
  recovery_id: string | null;
}

@Injectable()
export class LedgerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  callLedger(callId: string): Promise<LedgerView> {
    return this.ledger('d.call_id = $1', [callId]);
  }

  /** The dossiers of every organisation the user is a member of. */
  organisationLedger(userId: string): Promise<LedgerView> {
    return this.ledger(memberOfApplicant('d.applicant_id', '$1'), [userId]);
  }

  async dossierRow(dossierId: string): Promise<LedgerRow | null> {
    return (await this.ledger('d.id = $1', [dossierId])).rows[0] ?? null;
  }

  async callBudget(callId: string): Promise<{ title: string; budgetCents: number } | null> {
    const [row] = await this.dataSource.query<Array<{ title: string; budget_cents: string | null }>>(
      'SELECT title, budget_cents FROM calls WHERE id = $1',
      [callId],
    );
    return row ? { title: row.title, budgetCents: Number(row.budget_cents ?? 0) } : null;
  }

  private async ledger(where: string, params: unknown[]): Promise<LedgerView> {
    const [rows, [totals]] = await Promise.all([
      this.dataSource.query<Row[]>(`${LEDGER(where)} SELECT * FROM ledger ORDER BY call_title, reference`, params),
      this.dataSource.query<Array<Record<keyof LedgerTotals, string>>>(
        `${LEDGER(where)}
         SELECT coalesce(sum(granted), 0) AS "grantedCents", coalesce(sum(accepted), 0) AS "acceptedCostsCents",
                coalesce(sum(paid), 0) AS "paidCents", coalesce(sum(due), 0) AS "dueCents",
                coalesce(sum(to_recover), 0) AS "toRecoverCents", coalesce(sum(recovered), 0) AS "recoveredCents"
           FROM ledger`,
        params,
      ),
    ]);
    return {
      rows: rows.map((r) => ({
        dossierId: r.dossier_id,
        reference: r.reference,
        applicantName: r.legal_name,
        callId: r.call_id,
        callTitle: r.call_title,
        grantedCents: Number(r.granted),
        acceptedCostsCents: r.accepted === null ? null : Number(r.accepted),
        paidCents: Number(r.paid),
        dueCents: Number(r.due),
        toRecoverCents: Number(r.to_recover),
        recoveredCents: Number(r.recovered),
        settled: r.entitled !== null,
        entitledCents: r.entitled === null ? null : Number(r.entitled),
        recoveryId: r.recovery_id,
      })),
      totals: {
        grantedCents: Number(totals.grantedCents),
        acceptedCostsCents: Number(totals.acceptedCostsCents),
        paidCents: Number(totals.paidCents),
        dueCents: Number(totals.dueCents),
        toRecoverCents: Number(totals.toRecoverCents),
        recoveredCents: Number(totals.recoveredCents),
      },
    };
  }
}
