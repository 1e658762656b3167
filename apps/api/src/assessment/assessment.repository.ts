import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SubmittedContent } from '@portal/domain';
import {
  AdmissibilityDecisionEntity,
  ApplicantEntity,
  ConsensusScoreEntity,
  DossierEntity,
  DossierSubmissionEntity,
  ReviewAssignmentEntity,
  ReviewScoreEntity,
  UserEntity,
} from '@portal/server';
import { DataSource, EntityManager, In } from 'typeorm';

export interface SubmittedDossier {
  dossier: DossierEntity;
  applicant: ApplicantEntity;
  submission: DossierSubmissionEntity;
}

/** What the assessment reads of a dossier: its last submitted version, never the working copy. */
export function submittedContent(entry: SubmittedDossier): SubmittedContent {
  return entry.submission.content as unknown as SubmittedContent;
}

export interface Recipient {
  email: string;
  displayName: string;
  locale: 'nl' | 'en';
}

/**
 * Named fragments shared by the assessment's queries. A dossier "takes part" once it was submitted and not withdrawn;
 * its content for the assessment is its last submitted version.
 */
export const TAKES_PART = `dossier.submission_count > 0 AND dossier.status <> 'withdrawn'`;

/** Queries of the assessment: everything after the deadline, on the submitted versions. */
@Injectable()
export class AssessmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get manager(): EntityManager {
    return this.dataSource.manager;
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
      .andWhere(TAKES_PART);
    if (onlyDossierId) query.andWhere('dossier.id = :onlyDossierId', { onlyDossierId });
    const dossiers = await query.orderBy('dossier.reference', 'ASC').getMany();
    if (dossiers.length === 0) return [];
    const submissions = await this.lastSubmissions(
      dossiers.map((d) => d.id),
      manager,
    );
    return dossiers.map((dossier) => ({
      dossier,
      applicant: dossier.applicant!,
      submission: submissions.get(dossier.id)!,
    }));
  }

  /** The last submitted version of each dossier. */
  async lastSubmissions(
    dossierIds: string[],
    manager: EntityManager = this.manager,
  ): Promise<Map<string, DossierSubmissionEntity>> {
    if (dossierIds.length === 0) return new Map();
    const submissions = await manager
      .createQueryBuilder(DossierSubmissionEntity, 's')
      .distinctOn(['s.dossier_id'])
      .where('s.dossier_id IN (:...ids)', { ids: dossierIds })
      .orderBy('s.dossier_id')
      .addOrderBy('s.number', 'DESC')
      .getMany();
    return new Map(submissions.map((s) => [s.dossierId, s]));
  }

  async callIdOfDossier(dossierId: string, manager: EntityManager = this.manager): Promise<string | null> {
    const row = await manager.findOne(DossierEntity, { where: { id: dossierId }, select: { id: true, callId: true } });
    return row?.callId ?? null;
  }

  /** Locks a dossier row (after its call: the lock order of every lifecycle write is call, then dossier). */
  lockDossier(dossierId: string, manager: EntityManager): Promise<DossierEntity | null> {
    return manager.findOne(DossierEntity, { where: { id: dossierId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Changes a dossier's status only from the given ones: the statement itself is the check. */
  async setDossierStatusIf(
    dossierId: string,
    from: DossierEntity['status'][],
    to: DossierEntity['status'],
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager.update(DossierEntity, { id: dossierId, status: In(from) }, { status: to });
    return (result.affected ?? 0) > 0;
  }

  dossierStatuses(
    dossierIds: string[],
    manager: EntityManager,
  ): Promise<Array<{ id: string; status: string; grantedCents: number | null }>> {
    return dossierIds.length
      ? manager.find(DossierEntity, {
          where: { id: In(dossierIds) },
          select: { id: true, status: true, grantedCents: true },
        })
      : Promise.resolve([]);
  }

  /**
   * A submitted dossier receives the minister's decision: from an approved proposal, or a confirmed reserve promotion
   * (the database refuses any outcome or amount the approval or promotion does not give).
   */
  async recordDecision(
    dossierId: string,
    after: { status: 'awarded' | 'rejected'; grantedCents: number },
    manager: EntityManager,
  ): Promise<void> {
    await manager.update(DossierEntity, { id: dossierId, status: 'submitted' }, after);
  }

  async recipient(userId: string, manager: EntityManager = this.manager): Promise<Recipient> {
    const user = await manager.findOneByOrFail(UserEntity, { id: userId });
    return { email: user.email, displayName: user.displayName, locale: user.locale };
  }

  /** Who receives the decision on each dossier (its creator), with the submitted version's title. */
  async decisionRecipients(
    dossierIds: string[],
    manager: EntityManager,
  ): Promise<Array<Recipient & { dossierId: string; reference: string; title: string }>> {
    const rows = await manager.query<
      Array<{
        dossier_id: string;
        email: string;
        display_name: string;
        locale: 'nl' | 'en';
        reference: string;
        title: string;
      }>
    >(
      `SELECT d.id AS dossier_id, u.email, u.display_name, u.locale, d.reference,
              coalesce((SELECT s.content->>'title' FROM dossier_submissions s WHERE s.dossier_id = d.id
                         ORDER BY s.number DESC LIMIT 1), d.title) AS title
         FROM dossiers d JOIN users u ON u.id = d.created_by WHERE d.id = ANY($1::uuid[])`,
      [dossierIds],
    );
    return rows.map((r) => ({
      dossierId: r.dossier_id,
      email: r.email,
      displayName: r.display_name,
      locale: r.locale,
      reference: r.reference,
      title: r.title,
    }));
  }

  async applicantNames(callId: string, manager: EntityManager = this.manager): Promise<Map<string, string>> {
    const dossiers = await manager.find(DossierEntity, {
      where: { callId },
      relations: { applicant: true },
      select: { id: true, applicant: { legalName: true } },
    });
    return new Map(dossiers.map((d) => [d.id, d.applicant?.legalName ?? '']));
  }

  // ---- admissibility ----

  admissibility(dossierIds: string[], manager: EntityManager = this.manager): Promise<AdmissibilityDecisionEntity[]> {
    return dossierIds.length
      ? manager.find(AdmissibilityDecisionEntity, { where: { dossierId: In(dossierIds) } })
      : Promise.resolve([]);
  }

  async saveAdmissibility(
    row: Pick<AdmissibilityDecisionEntity, 'dossierId' | 'decision' | 'motivation' | 'automaticChecks' | 'decidedBy'>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.upsert(AdmissibilityDecisionEntity, row, ['dossierId']);
  }

  // ---- assignments and scores ----

  /**
   * Every assignment of a call, with of its dossier only the id and reference (what the views use). With the whole
   * dossier row for each of 900 assignments, `/calls/:id/assignments` took 184 ms instead of 70-100 ms
   * (docs/benchmarks.md).
   */
  assignmentsOfCall(callId: string, manager: EntityManager = this.manager): Promise<ReviewAssignmentEntity[]> {
    return manager
      .createQueryBuilder(ReviewAssignmentEntity, 'a')
      .innerJoin('a.dossier', 'dossier')
      .addSelect(['dossier.id', 'dossier.reference'])
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

  /** A reviewer's own assignment, locked when `manager` is a transaction's and `lock` is set. */
  ownAssignment(
    id: string,
    reviewerId: string,
    manager: EntityManager = this.manager,
    lock = false,
  ): Promise<ReviewAssignmentEntity | null> {
    return manager
      .findOne(ReviewAssignmentEntity, {
        where: { id, reviewerId },
        ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      })
      .then(async (assignment) => {
        if (assignment) assignment.dossier = await manager.findOneByOrFail(DossierEntity, { id: assignment.dossierId });
        return assignment;
      });
  }

  /** An open assignment becomes submitted or conflicted; the statement refuses any other start state. */
  async closeAssignment(
    id: string,
    to: { status: 'submitted' } | { status: 'conflict'; reason: string },
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager.update(
      ReviewAssignmentEntity,
      { id, status: 'assigned' },
      to.status === 'submitted'
        ? { status: 'submitted', submittedAt: () => 'now()' }
        : { status: 'conflict', conflictReason: to.reason },
    );
    return (result.affected ?? 0) > 0;
  }

  /** A new assignment, or nothing when the reviewer already holds one on the dossier (unique index). */
  async insertAssignment(
    row: { dossierId: string; reviewerId: string; assignedBy: string },
    manager: EntityManager,
  ): Promise<ReviewAssignmentEntity | null> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(ReviewAssignmentEntity)
      .values({ ...row, status: 'assigned' })
      .orIgnore()
      .returning('*')
      .execute();
    const id = (inserted.raw as Array<{ id: string }>)[0]?.id;
    return id ? manager.findOneByOrFail(ReviewAssignmentEntity, { id }) : null;
  }

  async assignmentMailDetails(
    reviewerId: string,
    dossierId: string,
    manager: EntityManager,
  ): Promise<Recipient & { reference: string; callTitle: string }> {
    const [row] = await manager.query<
      Array<{ email: string; display_name: string; locale: 'nl' | 'en'; reference: string; call_title: string }>
    >(
      `SELECT u.email, u.display_name, u.locale, d.reference, c.title AS call_title
         FROM users u, dossiers d JOIN calls c ON c.id = d.call_id WHERE u.id = $1 AND d.id = $2`,
      [reviewerId, dossierId],
    );
    return {
      email: row.email,
      displayName: row.display_name,
      locale: row.locale,
      reference: row.reference,
      callTitle: row.call_title,
    };
  }

  /** Active reviewers: a deactivated account is never assigned. */
  reviewers(manager: EntityManager = this.manager): Promise<UserEntity[]> {
    return manager
      .createQueryBuilder(UserEntity, 'u')
      .where(`'reviewer' = ANY(u.roles)`)
      .andWhere('u.deactivated_at IS NULL')
      .orderBy('u.email', 'ASC')
      .getMany();
  }

  /** Active ministers (a deactivated account gets no mail about proposals). */
  ministers(manager: EntityManager = this.manager): Promise<UserEntity[]> {
    return manager
      .createQueryBuilder(UserEntity, 'u')
      .where(`'minister' = ANY(u.roles)`)
      .andWhere('u.deactivated_at IS NULL')
      .getMany();
  }

  usersById(ids: string[], manager: EntityManager = this.manager): Promise<UserEntity[]> {
    return ids.length ? manager.find(UserEntity, { where: { id: In(ids) } }) : Promise.resolve([]);
  }

  scoresOf(assignmentIds: string[], manager: EntityManager = this.manager): Promise<ReviewScoreEntity[]> {
    return assignmentIds.length
      ? manager.find(ReviewScoreEntity, {
          where: { assignmentId: In(assignmentIds) },
          order: { criterionCode: 'ASC' },
        })
      : Promise.resolve([]);
  }

  async saveScores(
    assignmentId: string,
    scores: Array<{ criterionCode: string; score: number; comment: string | null }>,
    manager: EntityManager,
  ): Promise<void> {
    if (scores.length === 0) return;
    await manager.upsert(
      ReviewScoreEntity,
      scores.map((s) => ({ assignmentId, ...s })),
      ['assignmentId', 'criterionCode'],
    );
  }

  consensusOf(dossierIds: string[], manager: EntityManager = this.manager): Promise<ConsensusScoreEntity[]> {
    return dossierIds.length
      ? manager.find(ConsensusScoreEntity, { where: { dossierId: In(dossierIds) } })
      : Promise.resolve([]);
  }

  async saveConsensus(
    dossierId: string,
    items: Array<{ criterionCode: string; score: number; motivation: string }>,
    setBy: string,
    manager: EntityManager,
  ): Promise<void> {
    await manager.upsert(
      ConsensusScoreEntity,
      items.map((item) => ({ dossierId, ...item, setBy })),
      ['dossierId', 'criterionCode'],
    );
  }
}
