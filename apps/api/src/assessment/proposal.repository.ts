import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProposalSummary } from '@portal/contracts';
import { formatEuro } from '@portal/domain';
import { AppException, ReservePromotionEntity, SelectionProposalEntity, type CallEntity } from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';

/** Selection proposals, reserve promotions and the awarded totals of a call. */
@Injectable()
export class ProposalRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  latestProposal(
    callId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<SelectionProposalEntity | null> {
    const query = manager
      .createQueryBuilder(SelectionProposalEntity, 'p')
      .where('p.call_id = :callId', { callId })
      .orderBy('p.created_at', 'DESC')
      .limit(1);
    if (lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  approvedProposal(
    callId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SelectionProposalEntity | null> {
    return manager.findOneBy(SelectionProposalEntity, { callId, status: 'approved' });
  }

  saveProposal(proposal: Partial<SelectionProposalEntity>, manager: EntityManager): Promise<SelectionProposalEntity> {
    return manager.save(SelectionProposalEntity, manager.create(SelectionProposalEntity, proposal));
  }

  /** The latest proposal (or catalogue allocation) of every call, for the minister's and the admin's overview. */
  async summaries(): Promise<
    Array<Omit<ProposalSummary, 'sentAt' | 'approvedAt'> & { sentAt: Date | null; approvedAt: Date | null }>
  > {
    type Row = {
      call_id: string;
      code: string;
      title: string;
      status: ProposalSummary['status'];
      budget_cents: string;
      granted_cents: string;
      selected: string;
      sent_at: Date | null;
      approved_at: Date | null;
      open_promotions: string;
      kind: 'project' | 'catalogue';
    };
    const rows = await this.dataSource.query<Row[]>(
      `SELECT DISTINCT ON (p.call_id) p.call_id, c.code, c.title, p.status, c.budget_cents, p.granted_cents,
              (SELECT count(*) FROM jsonb_array_elements(p.lines) l WHERE l->>'outcome' = 'selected') AS selected,
              p.sent_at, p.approved_at,
              (SELECT count(*) FROM reserve_promotions r WHERE r.call_id = p.call_id AND r.status = 'proposed') AS open_promotions,
              'project' AS kind
         FROM selection_proposals p JOIN calls c ON c.id = p.call_id
        ORDER BY p.call_id, p.created_at DESC`,
    );
    // Catalogue calls (Plan Samenleven) go through the same approval with an allocation instead of a selection.
    const allocations = await this.dataSource.query<Row[]>(
      `SELECT DISTINCT ON (a.call_id) a.call_id, c.code, c.title, a.status, c.budget_cents, a.granted_cents,
              jsonb_array_length(a.subscribers) AS selected,
              a.sent_at, a.approved_at, 0 AS open_promotions, 'catalogue' AS kind
         FROM catalogue_allocations a JOIN calls c ON c.id = a.call_id
        ORDER BY a.call_id, a.created_at DESC`,
    );
    return [...rows, ...allocations].map((r) => ({
      callId: r.call_id,
      callCode: r.code,
      callTitle: r.title,
      status: r.status,
      budgetCents: Number(r.budget_cents),
      grantedCents: Number(r.granted_cents),
      selectedCount: Number(r.selected),
      sentAt: r.sent_at,
      approvedAt: r.approved_at,
      openPromotions: Number(r.open_promotions),
      kind: r.kind,
    }));
  }

  // ---- reserve promotions ----

  promotions(callId: string, manager: EntityManager = this.dataSource.manager): Promise<ReservePromotionEntity[]> {
    return manager.find(ReservePromotionEntity, { where: { callId }, order: { proposedAt: 'ASC' } });
  }

  openPromotion(
    callId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReservePromotionEntity | null> {
    return manager.findOneBy(ReservePromotionEntity, { callId, status: 'proposed' });
  }

  promotion(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ReservePromotionEntity | null> {
    return manager.findOne(ReservePromotionEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  confirmedPromotionOf(
    dossierId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReservePromotionEntity | null> {
    return manager.findOneBy(ReservePromotionEntity, { dossierId, status: 'confirmed' });
  }

  savePromotion(promotion: Partial<ReservePromotionEntity>, manager: EntityManager): Promise<ReservePromotionEntity> {
    return manager.save(ReservePromotionEntity, manager.create(ReservePromotionEntity, promotion));
  }

  /** Every dossier of the call with its status, amount and applicant (the reserve list's view of the call). */
  callDossiers(
    callId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<
    Array<{ id: string; status: string; granted_cents: string | null; reference: string; legal_name: string }>
  > {
    return manager.query(
      `SELECT d.id, d.status, d.granted_cents, d.reference, a.legal_name
         FROM dossiers d JOIN applicants a ON a.id = d.applicant_id WHERE d.call_id = $1`,
      [callId],
    );
  }

  async awardedOf(callId: string, manager: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    const rows = await manager.query<Array<{ id: string; granted_cents: string }>>(
      `SELECT id, granted_cents FROM dossiers WHERE call_id = $1 AND status = 'awarded'`,
      [callId],
    );
    return new Map(rows.map((r) => [r.id, Number(r.granted_cents)]));
  }

  /**
   * The decision's last line of defence in the service (the database's trigger is the other): the sum of what is
   * awarded in the call within the call budget, inside the deciding transaction, after its writes.
   */
  async assertAwardedWithinBudget(call: CallEntity, manager: EntityManager): Promise<void> {
    const total = [...(await this.awardedOf(call.id, manager)).values()].reduce((a, b) => a + b, 0);
    if (total > call.budgetCents) {
      throw new AppException('BUDGET_EXCEEDED', {
        params: { granted: formatEuro(total), budget: formatEuro(call.budgetCents) },
      });
    }
  }
}
