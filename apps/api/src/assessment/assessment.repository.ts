import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AdmissibilityDecisionEntity,
  ApplicantEntity,
  AppException,
  CallEntity,
  ConsensusScoreEntity,
  DossierEntity,
  DossierSubmissionEntity,
  ReviewAssignmentEntity,
  ReviewScoreEntity,
  SelectionProposalEntity,
  UserEntity,
} from '@portal/server';
import { formatEuro } from '@portal/domain';
import { DataSource, EntityManager, In } from 'typeorm';

export interface SubmittedDossier {
  dossier: DossierEntity;
  applicant: ApplicantEntity;
  submission: DossierSubmissionEntity;
}

/** Queries of the assessment: everything after the deadline. */
@Injectable()
export class AssessmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async now(manager: EntityManager = this.manager): Promise<Date> {
    const [row] = await manager.query<Array<{ now: Date }>>('SELECT now() AS now');
    return row.now;
  }

  findCall(id: string, manager: EntityManager = this.manager, lock = false): Promise<CallEntity | null> {
    return manager.findOne(CallEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /**
   * Dossiers that took part: submitted (and later decided), each with its last submitted version. With `onlyDossierId`
   * just that one (a request about one dossier must not load the whole call: 300 dossiers x 900 scores).
   */
  async submittedDossiers(
    callId: string,
    manager: EntityManager = this.manager,
    onlyDossierId?: string,
  ): Promise<SubmittedDossier[]> {
    const query = manager
      .createQueryBuilder(DossierEntity, 'dossier')
      .innerJoinAndSelect('dossier.applicant', 'applicant')
      .where('dossier.call_id = :callId', { callId })
      .andWhere('dossier.submission_count > 0')
      .andWhere("dossier.status <> 'withdrawn'");
    if (onlyDossierId) query.andWhere('dossier.id = :onlyDossierId', { onlyDossierId });
    const dossiers = await query.orderBy('dossier.reference', 'ASC').getMany();
    if (dossiers.length === 0) return [];
    const submissions = await manager
      .createQueryBuilder(DossierSubmissionEntity, 's')
      .distinctOn(['s.dossier_id'])
      .where('s.dossier_id IN (:...ids)', { ids: dossiers.map((d) => d.id) })
      .orderBy('s.dossier_id')
      .addOrderBy('s.number', 'DESC')
      .getMany();
    const byDossier = new Map(submissions.map((s) => [s.dossierId, s]));
    return dossiers.map((dossier) => ({
      dossier,
      applicant: dossier.applicant!,
      submission: byDossier.get(dossier.id)!,
    }));
  }

  admissibility(dossierIds: string[], manager: EntityManager = this.manager): Promise<AdmissibilityDecisionEntity[]> {
    return dossierIds.length
      ? manager.find(AdmissibilityDecisionEntity, { where: { dossierId: In(dossierIds) } })
      : Promise.resolve([]);
  }

  assignmentsOfCall(callId: string, manager: EntityManager = this.manager): Promise<ReviewAssignmentEntity[]> {
    return manager
      .createQueryBuilder(ReviewAssignmentEntity, 'a')
      .innerJoinAndSelect('a.dossier', 'dossier')
      .where('dossier.call_id = :callId', { callId })
      .orderBy('dossier.reference', 'ASC')
      .addOrderBy('a.created_at', 'ASC')
      .getMany();
  }

  assignmentsOfReviewer(reviewerId: string, manager: EntityManager = this.manager): Promise<ReviewAssignmentEntity[]> {
    return manager.find(ReviewAssignmentEntity, {
      where: { reviewerId },
      relations: { dossier: true },
      order: { createdAt: 'ASC' },
    });
  }

  reviewers(manager: EntityManager = this.manager): Promise<UserEntity[]> {
    return manager
      .createQueryBuilder(UserEntity, 'u')
      .where(`'reviewer' = ANY(u.roles)`)
      .orderBy('u.email', 'ASC')
      .getMany();
  }

  usersById(ids: string[], manager: EntityManager = this.manager): Promise<UserEntity[]> {
    return ids.length ? manager.find(UserEntity, { where: { id: In(ids) } }) : Promise.resolve([]);
  }

  scoresOf(assignmentIds: string[], manager: EntityManager = this.manager): Promise<ReviewScoreEntity[]> {
    return assignmentIds.length
      ? manager.find(ReviewScoreEntity, { where: { assignmentId: In(assignmentIds) } })
      : Promise.resolve([]);
  }

  consensusOf(dossierIds: string[], manager: EntityManager = this.manager): Promise<ConsensusScoreEntity[]> {
    return dossierIds.length
      ? manager.find(ConsensusScoreEntity, { where: { dossierId: In(dossierIds) } })
      : Promise.resolve([]);
  }

  /**
   * The decision's last line of defence: the sum of what is awarded in the call, in the database, within the call
   * budget. Run inside the deciding transaction, after its writes and under the lock on the call row.
   */
  async assertAwardedWithinBudget(call: CallEntity, manager: EntityManager): Promise<void> {
    const [{ total }] = await manager.query<Array<{ total: string | null }>>(
      `SELECT sum(granted_cents) AS total FROM dossiers WHERE call_id = $1 AND status = 'awarded'`,
      [call.id],
    );
    if (Number(total ?? 0) > call.budgetCents) {
      throw new AppException('BUDGET_EXCEEDED', {
        params: { granted: formatEuro(Number(total)), budget: formatEuro(call.budgetCents) },
      });
    }
  }

  latestProposal(
    callId: string,
    manager: EntityManager = this.manager,
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
}
