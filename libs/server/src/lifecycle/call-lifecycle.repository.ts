import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  allowedActs,
  phaseRefusal,
  type AssessmentStage,
  type CallAct,
  type CallPhase,
  type LifecycleRole,
} from '@portal/domain';
import { DataSource, EntityManager } from 'typeorm';
import { BudgetDecisionEntity } from '../entities/assessment.entities';
import { CallEntity } from '../entities/call.entity';
import { AppException } from '../errors/app-exception';

export interface PhasedCall {
  call: CallEntity;
  phase: CallPhase;
}

export interface OpenReview {
  assignmentId: string;
  dossierId: string;
  reference: string | null;
  reviewerName: string;
}

/** Refuses an act its phase does not allow, with the code the phase table gives (ADR 0009). */
export function assertAct(act: CallAct, phase: CallPhase): void {
  const refusal = phaseRefusal(act, phase);
  if (refusal) throw new AppException(refusal, { params: { act, phase } });
}

export function actsFor(phase: CallPhase, roles: readonly string[]): CallAct[] {
  const lifecycleRoles = roles.filter((r): r is LifecycleRole =>
    ['applicant', 'admin', 'reviewer', 'minister'].includes(r),
  );
  return allowedActs(phase, lifecycleRoles);
}

/**
 * The call's phase, read the way the database's triggers read it (`call_phase`, the database clock), and the
 * locks that make a check-then-write safe: a write that depends on the phase holds the call row FOR SHARE, a phase
 * change holds it FOR UPDATE, so the two never interleave.
 */
@Injectable()
export class CallLifecycleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(callId: string, manager: EntityManager = this.dataSource.manager): Promise<PhasedCall | null> {
    return this.phased(callId, manager, '');
  }

  /** Inside a transaction: the call row locked (share: to write what depends on the phase; update: to change it). */
  async lock(callId: string, mode: 'share' | 'update', manager: EntityManager): Promise<PhasedCall | null> {
    return this.phased(callId, manager, mode === 'share' ? 'FOR SHARE' : 'FOR UPDATE');
  }

  /** Locks the call and refuses the act if its phase does not allow it. */
  async require(
    callId: string,
    act: CallAct,
    manager: EntityManager,
    mode: 'share' | 'update' = 'share',
  ): Promise<PhasedCall> {
    const found = await this.lock(callId, mode, manager);
    if (!found || found.phase === 'draft') throw new AppException('NOT_FOUND');
    assertAct(act, found.phase);
    return found;
  }

  /**
   * The first act of the administration after the deadline moves the call into assessment; from then on the closing
   * moment, the questions and the eligibility are frozen. Holds the call row FOR UPDATE until the transaction ends.
   */
  async enterAssessment(callId: string, act: CallAct, manager: EntityManager): Promise<PhasedCall> {
    const found = await this.require(callId, act, manager, 'update');
    if (found.phase === 'closed') {
      await this.setStage(found.call, 'assessment', manager);
      return { call: found.call, phase: 'assessment' };
    }
    return found;
  }

  async setStage(call: CallEntity, to: AssessmentStage, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE calls SET assessment_stage = $2 WHERE id = $1', [call.id, to]);
    call.assessmentStage = to;
  }

  /** What a proposal or allocation is computed from (`assessment_fingerprint`): equal means not stale. */
  async fingerprint(callId: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [row] = await manager.query<Array<{ fingerprint: string }>>(
      'SELECT assessment_fingerprint($1) AS fingerprint',
      [callId],
    );
    return row.fingerprint;
  }

  /** Assigned reviews of admissible dossiers not submitted yet (the same rule as `open_reviews` in the database). */
  openReviews(callId: string, manager: EntityManager = this.dataSource.manager): Promise<OpenReview[]> {
    return manager
      .query<Array<{ assignment_id: string; dossier_id: string; reference: string | null; reviewer_name: string }>>(
        `SELECT r.id AS assignment_id, d.id AS dossier_id, d.reference, u.display_name AS reviewer_name
           FROM review_assignments r
           JOIN dossiers d ON d.id = r.dossier_id
           JOIN admissibility_decisions a ON a.dossier_id = d.id AND a.decision = 'admissible'
           JOIN users u ON u.id = r.reviewer_id
          WHERE d.call_id = $1 AND r.status = 'assigned' AND d.status <> 'withdrawn'
          ORDER BY d.reference, u.display_name`,
        [callId],
      )
      .then((rows) =>
        rows.map((r) => ({
          assignmentId: r.assignment_id,
          dossierId: r.dossier_id,
          reference: r.reference,
          reviewerName: r.reviewer_name,
        })),
      );
  }

  async awardedCents(callId: string, manager: EntityManager): Promise<number> {
    const [{ total }] = await manager.query<Array<{ total: string | null }>>(
      `SELECT sum(granted_cents) AS total FROM dossiers WHERE call_id = $1 AND status = 'awarded'`,
      [callId],
    );
    return Number(total ?? 0);
  }

  budgetDecisions(callId: string, manager: EntityManager = this.dataSource.manager): Promise<BudgetDecisionEntity[]> {
    return manager.find(BudgetDecisionEntity, { where: { callId }, order: { decidedAt: 'ASC' } });
  }

  /** The budget decision and the new budget, in one transaction (the calls trigger wants the decision first). */
  async raiseBudget(
    call: CallEntity,
    decision: Omit<BudgetDecisionEntity, 'id' | 'decidedAt' | 'call' | 'callId' | 'beforeCents'>,
    manager: EntityManager,
  ): Promise<BudgetDecisionEntity> {
    const saved = await manager.save(
      BudgetDecisionEntity,
      manager.create(BudgetDecisionEntity, { ...decision, callId: call.id, beforeCents: call.budgetCents }),
    );
    await manager.query('UPDATE calls SET budget_cents = $2, version = version + 1 WHERE id = $1', [
      call.id,
      decision.afterCents,
    ]);
    call.budgetCents = decision.afterCents;
    call.version += 1;
    return saved;
  }

  private async phased(callId: string, manager: EntityManager, lock: string): Promise<PhasedCall | null> {
    const [row] = await manager.query<Array<{ phase: CallPhase }>>(
      `SELECT call_phase(c) AS phase FROM calls c WHERE c.id = $1 ${lock}`,
      [callId],
    );
    if (!row) return null;
    const call = await manager.findOneByOrFail(CallEntity, { id: callId });
    return { call, phase: row.phase };
  }
}
