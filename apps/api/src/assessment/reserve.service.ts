import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProposalLineView, ReserveCandidateView, ReservePromotionView, ReserveView } from '@portal/contracts';
import { formatEuro, nextReserveThatFits, reserveFit, type ReserveCandidate, type ReserveRoom } from '@portal/domain';
import {
  AppConfig,
  AppException,
  AuditRepository,
  CallLifecycleRepository,
  NotificationRepository,
  type CallEntity,
  type ReservePromotionEntity,
  type SelectionProposalEntity,
  DatabaseClock,
} from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { AssessmentRepository } from './assessment.repository';
import { enqueueDecisionMails } from './decision-mail';
import { ProposalRepository } from './proposal.repository';

type Line = ProposalLineView;
type DossierRow = { id: string; status: string; granted_cents: string | null; reference: string; legal_name: string };

/** The reserve list after the decision: promotions proposed by the administration, confirmed by the minister. */
@Injectable()
export class ReserveService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AssessmentRepository,
    private readonly proposals: ProposalRepository,
    private readonly lifecycle: CallLifecycleRepository,
    private readonly clock: DatabaseClock,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
  ) {}

  async reserve(callId: string, manager?: EntityManager): Promise<ReserveView> {
    const found = await this.lifecycle.read(callId, manager);
    if (!found) throw new AppException('NOT_FOUND');
    const call = found.call;
    const approved = await this.proposals.approvedProposal(callId, manager);
    const lines = (approved?.lines ?? []) as unknown as Line[];
    const dossiers = await this.proposals.callDossiers(callId, manager);
    const byId = new Map(dossiers.map((d) => [d.id, d]));
    const promotions = await this.proposals.promotions(callId, manager);
    const { room, awardedCents } = this.room(call, approved, lines, byId, promotions);
    const promoted = new Set(promotions.filter((p) => p.status !== 'refused').map((p) => p.dossierId));
    const available = this.availableCandidates(lines, byId, promoted);
    const next = nextReserveThatFits(available, room);
    const candidates: ReserveCandidateView[] = lines
      .filter((l) => l.outcome === 'reserve')
      .sort((a, b) => (a.reservePosition ?? 0) - (b.reservePosition ?? 0))
      .map((l) => {
        const candidate = available.find((c) => c.dossierId === l.dossierId);
        return {
          dossierId: l.dossierId,
          reference: l.reference,
          applicantName: byId.get(l.dossierId)?.legal_name ?? '',
          position: l.reservePosition ?? 0,
          amountCents: l.adjustedCents ?? l.requestedCents,
          envelope: l.envelope ?? null,
          status: promoted.has(l.dossierId) ? 'promoted' : (byId.get(l.dossierId)?.status ?? 'unknown'),
          fits: candidate ? reserveFit(candidate, room).fits : false,
        };
      });
    return {
      callId,
      budgetCents: call.budgetCents,
      awardedCents,
      remainingCents: room.remainingCents,
      declined: dossiers
        .filter((d) => d.status === 'declined')
        .map((d) => ({
          dossierId: d.id,
          reference: d.reference,
          applicantName: d.legal_name,
          freedCents: Number(d.granted_cents ?? 0),
        })),
      candidates,
      nextDossierId: next?.dossierId ?? null,
      promotions: promotions.map((p) => promotionView(p, byId)),
    };
  }

  async proposePromotion(
    auth: AuthContext,
    callId: string,
    dossierId: string,
    motivation: string,
    requestId: string | null,
  ): Promise<ReserveView> {
    return this.dataSource.transaction(async (manager) => {
      await this.lifecycle.require(callId, 'reserve.propose', manager, 'update');
      const open = await this.proposals.openPromotion(callId, manager);
      if (open) throw new AppException('PROMOTION_STATE', { params: { status: open.status } });
      const view = await this.reserve(callId, manager);
      const candidate = view.candidates.find((c) => c.dossierId === dossierId);
      if (!candidate || candidate.status !== 'submitted') throw new AppException('RESERVE_NOT_AVAILABLE');
      if (!candidate.fits) {
        throw new AppException('RESERVE_DOES_NOT_FIT', {
          params: { amount: formatEuro(candidate.amountCents), remaining: formatEuro(view.remainingCents) },
        });
      }
      if (view.nextDossierId !== dossierId) {
        const next = view.candidates.find((c) => c.dossierId === view.nextDossierId);
        throw new AppException('RESERVE_NOT_NEXT', { params: { next: next?.reference ?? '-' } });
      }
      const saved = await this.proposals.savePromotion(
        {
          callId,
          dossierId,
          status: 'proposed',
          grantedCents: candidate.amountCents,
          motivation: motivation.trim(),
          proposedBy: auth.user.id,
        },
        manager,
      );
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'reserve.proposed',
          entityType: 'call',
          entityId: callId,
          after: {
            promotionId: saved.id,
            dossierId,
            grantedCents: candidate.amountCents,
            motivation: saved.motivation,
          },
          requestId,
        },
        manager,
      );
      return this.reserve(callId, manager);
    });
  }

  /**
   * The minister's decision on a promotion: under the call lock (FOR UPDATE), the promotion confirmed first and then
   * the dossier awarded exactly its amount (the database checks both), never above the budget or an envelope.
   */
  async decidePromotion(
    auth: AuthContext,
    promotionId: string,
    decision: { confirm: true; decisionDate: string; decisionReference: string } | { confirm: false; remarks: string },
    requestId: string | null,
  ): Promise<ReserveView> {
    const unlocked = await this.proposals.promotion(promotionId);
    if (!unlocked) throw new AppException('NOT_FOUND');
    return this.dataSource.transaction(async (manager) => {
      const { call } = await this.lifecycle.require(unlocked.callId, 'reserve.decide', manager, 'update');
      const promotion = (await this.proposals.promotion(promotionId, manager, true))!;
      if (promotion.status !== 'proposed')
        throw new AppException('PROMOTION_STATE', { params: { status: promotion.status } });
      promotion.decidedBy = auth.user.id;
      promotion.decidedAt = await this.clock.now(manager);
      if (!decision.confirm) {
        promotion.status = 'refused';
        promotion.remarks = decision.remarks.trim();
        await this.proposals.savePromotion(promotion, manager);
      } else {
        promotion.status = 'confirmed';
        promotion.decisionDate = decision.decisionDate;
        promotion.decisionReference = decision.decisionReference.trim();
        await this.proposals.savePromotion(promotion, manager);
        const dossier = await this.repository.lockDossier(promotion.dossierId, manager);
        if (dossier?.status !== 'submitted') throw new AppException('RESERVE_NOT_AVAILABLE');
        await this.repository.recordDecision(
          promotion.dossierId,
          { status: 'awarded', grantedCents: promotion.grantedCents },
          manager,
        );
        await this.assertWithinBudget(call, manager);
        await enqueueDecisionMails(
          this.notifications,
          this.repository,
          manager,
          call,
          [
            {
              dossierId: promotion.dossierId,
              outcome: 'selected',
              reason: 'reserve-promoted',
              grantedCents: promotion.grantedCents,
            },
          ],
          { date: decision.decisionDate, reference: promotion.decisionReference },
          this.config,
        );
      }
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: decision.confirm ? 'reserve.confirmed' : 'reserve.refused',
          entityType: 'call',
          entityId: call.id,
          before: { promotionId, status: 'proposed' },
          after: {
            promotionId,
            dossierId: promotion.dossierId,
            status: promotion.status,
            grantedCents: promotion.grantedCents,
            decisionDate: promotion.decisionDate,
            decisionReference: promotion.decisionReference,
            remarks: promotion.remarks,
          },
          requestId,
        },
        manager,
      );
      return this.reserve(call.id, manager);
    });
  }

  private availableCandidates(lines: Line[], byId: Map<string, DossierRow>, promoted: Set<string>): ReserveCandidate[] {
    return lines
      .filter(
        (l) => l.outcome === 'reserve' && byId.get(l.dossierId)?.status === 'submitted' && !promoted.has(l.dossierId),
      )
      .map((l) => ({
        dossierId: l.dossierId,
        position: l.reservePosition ?? Number.MAX_SAFE_INTEGER,
        amountCents: l.adjustedCents ?? l.requestedCents,
        envelope: l.envelope ?? null,
      }));
  }

  /** What is left: the budget (and each envelope) minus what is awarded and what is proposed for promotion. */
  private room(
    call: CallEntity,
    approved: SelectionProposalEntity | null,
    lines: Line[],
    byId: Map<string, DossierRow>,
    promotions: ReservePromotionEntity[],
  ): { room: ReserveRoom; awardedCents: number } {
    const envelopeOf = new Map(lines.map((l) => [l.dossierId, l.envelope ?? null]));
    const committed = new Map<string, number>();
    for (const [id, d] of byId) if (d.status === 'awarded') committed.set(id, Number(d.granted_cents ?? 0));
    const awardedCents = [...committed.values()].reduce((a, b) => a + b, 0);
    for (const p of promotions) if (p.status === 'proposed') committed.set(p.dossierId, p.grantedCents);
    const used = [...committed.values()].reduce((a, b) => a + b, 0);
    const envelopes = approved?.envelopes ?? [];
    const envelopeRemainingCents = envelopes.length
      ? Object.fromEntries(
          envelopes.map((e) => [
            e.code,
            e.budgetCents -
              [...committed].filter(([id]) => envelopeOf.get(id) === e.code).reduce((sum, [, c]) => sum + c, 0),
          ]),
        )
      : undefined;
    return { room: { remainingCents: call.budgetCents - used, envelopeRemainingCents }, awardedCents };
  }

  private async assertWithinBudget(call: CallEntity, manager: EntityManager): Promise<void> {
    await this.proposals.assertAwardedWithinBudget(call, manager);
    const approved = await this.proposals.approvedProposal(call.id, manager);
    if (!approved?.envelopes.length) return;
    const lines = approved.lines as unknown as Line[];
    const granted = await this.proposals.awardedOf(call.id, manager);
    for (const envelope of approved.envelopes) {
      const used = lines
        .filter((l) => l.envelope === envelope.code)
        .reduce((sum, l) => sum + (granted.get(l.dossierId) ?? 0), 0);
      if (used > envelope.budgetCents) {
        throw new AppException('BUDGET_EXCEEDED', {
          params: { granted: formatEuro(used), budget: formatEuro(envelope.budgetCents) },
        });
      }
    }
  }
}

function promotionView(p: ReservePromotionEntity, byId: Map<string, DossierRow>): ReservePromotionView {
  return {
    id: p.id,
    dossierId: p.dossierId,
    reference: byId.get(p.dossierId)?.reference ?? '',
    applicantName: byId.get(p.dossierId)?.legal_name ?? '',
    status: p.status,
    grantedCents: p.grantedCents,
    motivation: p.motivation,
    proposedAt: p.proposedAt.toISOString(),
    decidedAt: p.decidedAt?.toISOString() ?? null,
    decisionDate: p.decisionDate,
    decisionReference: p.decisionReference,
    remarks: p.remarks,
  };
}
