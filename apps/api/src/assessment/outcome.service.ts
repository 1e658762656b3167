import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DossierDecisionView,
  ProposalLineView,
  ReserveCandidateView,
  ReservePromotionView,
  ReserveView,
} from '@portal/contracts';
import {
  brusselsDate,
  formatEuro,
  nextReserveThatFits,
  reserveFit,
  type ReserveCandidate,
  type ReserveRoom,
} from '@portal/domain';
import {
  AdmissibilityDecisionEntity,
  ApplicantEntity,
  AppException,
  AuditRepository,
  CallEntity,
  DossierEntity,
  NotificationRepository,
  ReservePromotionEntity,
  SelectionProposalEntity,
} from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { AssessmentRepository } from './assessment.repository';
import { decisionLetterPdf } from './decision-letter';
import { enqueueDecisionMails } from './decision-mail';
import { ReviewsService } from './reviews.service';

type Line = ProposalLineView;

/**
 * After the minister's approval: what each applicant reads (decision, scores, letter), an awarded applicant
 * declining, and promotions from the reserve list (proposed by the admin, confirmed by the minister).
 */
@Injectable()
export class OutcomeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviews: ReviewsService,
    private readonly repository: AssessmentRepository,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditRepository,
  ) {}

  // ---- The applicant's side ----

  async decision(auth: AuthContext, dossierId: string): Promise<DossierDecisionView> {
    const dossier = await this.visibleDossier(auth, dossierId);
    return this.decisionOf(dossier);
  }

  async letter(auth: AuthContext, dossierId: string): Promise<{ filename: string; pdf: Buffer }> {
    const dossier = await this.visibleDossier(auth, dossierId);
    const decision = await this.decisionOf(dossier);
    if (!decision.letterAvailable) throw new AppException('DECISION_PENDING');
    const [call, applicant] = await Promise.all([
      this.dataSource.manager.findOneByOrFail(CallEntity, { id: dossier.callId }),
      this.dataSource.manager.findOneByOrFail(ApplicantEntity, { id: dossier.applicantId }),
    ]);
    const pdf = await decisionLetterPdf({
      decision,
      callTitle: call.title,
      title: dossier.title,
      applicant: { legalName: applicant.legalName, address: applicant.address },
    });
    return { filename: `beslissing-${dossier.reference ?? dossier.id}.pdf`, pdf };
  }

  /** An awarded applicant gives up the subsidy; the money becomes available for the reserve list. */
  async decline(
    auth: AuthContext,
    dossierId: string,
    motivation: string,
    requestId: string | null,
  ): Promise<DossierDecisionView> {
    await this.dataSource.transaction(async (manager) => {
      const dossier = await this.visibleDossier(auth, dossierId, manager, true);
      if (dossier.status !== 'awarded') throw new AppException('NOT_AWARDED', { params: { status: dossier.status } });
      await manager.update(DossierEntity, { id: dossier.id }, { status: 'declined' });
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'dossier.declined',
          entityType: 'dossier',
          entityId: dossier.id,
          before: { status: 'awarded', grantedCents: dossier.grantedCents },
          after: { status: 'declined', motivation: motivation.trim() },
          requestId,
        },
        manager,
      );
    });
    return this.decision(auth, dossierId);
  }

  // ---- The reserve list ----

  async reserve(callId: string, manager: EntityManager = this.dataSource.manager): Promise<ReserveView> {
    const call = await manager.findOneBy(CallEntity, { id: callId });
    if (!call) throw new AppException('NOT_FOUND');
    const approved = await this.approvedProposal(callId, manager);
    const lines = (approved?.lines ?? []) as unknown as Line[];
    const dossiers = await manager.query<
      Array<{ id: string; status: string; granted_cents: string | null; reference: string; legal_name: string }>
    >(
      `SELECT d.id, d.status, d.granted_cents, d.reference, a.legal_name
         FROM dossiers d JOIN applicants a ON a.id = d.applicant_id WHERE d.call_id = $1`,
      [callId],
    );
    const byId = new Map(dossiers.map((d) => [d.id, d]));
    const promotions = await manager.find(ReservePromotionEntity, {
      where: { callId },
      order: { proposedAt: 'ASC' },
    });
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
      promotions: promotions.map((p) => this.promotionView(p, byId)),
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
      const call = await manager.findOne(CallEntity, { where: { id: callId }, lock: { mode: 'pessimistic_write' } });
      if (!call) throw new AppException('NOT_FOUND');
      const open = await manager.findOneBy(ReservePromotionEntity, { callId, status: 'proposed' });
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
      const saved = await manager.save(
        ReservePromotionEntity,
        manager.create(ReservePromotionEntity, {
          callId,
          dossierId,
          status: 'proposed',
          grantedCents: candidate.amountCents,
          motivation: motivation.trim(),
          proposedBy: auth.user.id,
        }),
      );
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'reserve.proposed',
          entityType: 'call',
          entityId: callId,
          after: { promotionId: saved.id, dossierId, grantedCents: candidate.amountCents, motivation },
          requestId,
        },
        manager,
      );
      return this.reserve(callId, manager);
    });
  }

  /** The minister's decision on a promotion: under the call lock, and never above the budget or an envelope. */
  async decidePromotion(
    auth: AuthContext,
    promotionId: string,
    decision: { confirm: true; decisionDate: string; decisionReference: string } | { confirm: false; remarks: string },
    requestId: string | null,
  ): Promise<ReserveView> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(ReservePromotionEntity, { id: promotionId });
      if (!found) throw new AppException('NOT_FOUND');
      const call = await manager.findOne(CallEntity, {
        where: { id: found.callId },
        lock: { mode: 'pessimistic_write' },
      });
      const promotion = await manager.findOneByOrFail(ReservePromotionEntity, { id: promotionId });
      if (!call) throw new AppException('NOT_FOUND');
      if (promotion.status !== 'proposed')
        throw new AppException('PROMOTION_STATE', { params: { status: promotion.status } });
      promotion.decidedBy = auth.user.id;
      const [{ now }] = await manager.query<Array<{ now: Date }>>('SELECT now() AS now');
      promotion.decidedAt = now;
      if (!decision.confirm) {
        promotion.status = 'refused';
        promotion.remarks = decision.remarks.trim();
      } else {
        promotion.status = 'confirmed';
        promotion.decisionDate = decision.decisionDate;
        promotion.decisionReference = decision.decisionReference.trim();
        const result = await manager.update(
          DossierEntity,
          { id: promotion.dossierId, status: 'submitted' },
          { status: 'awarded', grantedCents: promotion.grantedCents },
        );
        if (!result.affected) throw new AppException('RESERVE_NOT_AVAILABLE');
        await this.assertWithinBudget(call, manager);
        await enqueueDecisionMails(
          this.notifications,
          manager,
          call.title,
          [
            {
              dossierId: promotion.dossierId,
              outcome: 'selected',
              reason: 'reserve-promoted',
              grantedCents: promotion.grantedCents,
            },
          ],
          { date: decision.decisionDate, reference: promotion.decisionReference },
        );
      }
      await manager.save(ReservePromotionEntity, promotion);
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

  // ---- internals ----

  private async visibleDossier(
    auth: AuthContext,
    dossierId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<DossierEntity> {
    const query = manager.createQueryBuilder(DossierEntity, 'dossier').where('dossier.id = :id', { id: dossierId });
    if (!auth.user.roles.includes('admin')) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM applicant_members m WHERE m.applicant_id = dossier.applicant_id AND m.user_id = :userId)',
        { userId: auth.user.id },
      );
    }
    if (lock) query.setLock('pessimistic_write');
    const dossier = await query.getOne();
    if (!dossier) throw new AppException('NOT_FOUND');
    return dossier;
  }

  private approvedProposal(callId: string, manager: EntityManager): Promise<SelectionProposalEntity | null> {
    return manager.findOneBy(SelectionProposalEntity, { callId, status: 'approved' });
  }

  private async decisionOf(dossier: DossierEntity): Promise<DossierDecisionView> {
    const manager = this.dataSource.manager;
    const pending: DossierDecisionView = {
      dossierId: dossier.id,
      reference: dossier.reference,
      outcome: 'pending',
      grantedCents: 0,
      reason: null,
      motivation: null,
      decisionDate: null,
      decisionReference: null,
      reservePosition: null,
      rank: null,
      total: null,
      scores: [],
      canDecline: false,
      letterAvailable: false,
    };
    if (dossier.status === 'inadmissible') {
      const admissibility = await manager.findOneBy(AdmissibilityDecisionEntity, { dossierId: dossier.id });
      return {
        ...pending,
        outcome: 'inadmissible',
        motivation: admissibility?.motivation ?? null,
        decisionDate: admissibility ? brusselsDate(admissibility.decidedAt) : null,
        letterAvailable: true,
      };
    }
    const approved = await this.approvedProposal(dossier.callId, manager);
    const line = (approved?.lines as unknown as Line[] | undefined)?.find((l) => l.dossierId === dossier.id);
    if (!approved || !line) return pending;
    const promotion = await manager.findOneBy(ReservePromotionEntity, { dossierId: dossier.id, status: 'confirmed' });
    const outcome: DossierDecisionView['outcome'] =
      dossier.status === 'awarded'
        ? 'awarded'
        : dossier.status === 'declined'
          ? 'declined'
          : dossier.status === 'rejected'
            ? 'rejected'
            : line.outcome === 'reserve'
              ? 'reserve'
              : 'pending';
    if (outcome === 'pending') return pending;
    const call = await manager.findOneByOrFail(CallEntity, { id: dossier.callId });
    const [scores] = await this.reviews.scores(dossier.callId, undefined, dossier.id);
    return {
      ...pending,
      outcome,
      grantedCents: outcome === 'awarded' || outcome === 'declined' ? (dossier.grantedCents ?? 0) : 0,
      reason: promotion ? 'reserve-promoted' : line.reason,
      motivation: line.motivation,
      decisionDate: promotion?.decisionDate ?? approved.decisionDate,
      decisionReference: promotion?.decisionReference ?? approved.decisionReference,
      reservePosition: outcome === 'reserve' ? line.reservePosition : null,
      rank: line.rank,
      total: line.total,
      scores: call.criteria.map((criterion) => ({
        criterionCode: criterion.code,
        label: criterion.label,
        score: scores?.effective[criterion.code] ?? 0,
        weight: criterion.weight,
        scaleMax: criterion.scaleMax,
      })),
      canDecline: outcome === 'awarded',
      letterAvailable: true,
    };
  }

  private availableCandidates(
    lines: Line[],
    byId: Map<string, { status: string }>,
    promoted: Set<string>,
  ): ReserveCandidate[] {
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
    byId: Map<string, { status: string; granted_cents: string | null }>,
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
    await this.repository.assertAwardedWithinBudget(call, manager);
    const approved = await this.approvedProposal(call.id, manager);
    if (approved?.envelopes.length) {
      const lines = approved.lines as unknown as Line[];
      const rows = await manager.query<Array<{ id: string; granted_cents: string }>>(
        `SELECT id, granted_cents FROM dossiers WHERE call_id = $1 AND status = 'awarded'`,
        [call.id],
      );
      const granted = new Map(rows.map((r) => [r.id, Number(r.granted_cents)]));
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

  private promotionView(
    p: ReservePromotionEntity,
    byId: Map<string, { reference: string; legal_name: string }>,
  ): ReservePromotionView {
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
}
