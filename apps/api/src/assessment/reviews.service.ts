import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AssignmentView, DossierScoresView, ReviewView, ScoreInput } from '@portal/contracts';
import { scoreIssue } from '@portal/domain';
import {
  AppException,
  AuditRepository,
  ConsensusScoreEntity,
  NotificationRepository,
  ReviewAssignmentEntity,
  ReviewScoreEntity,
  type CallEntity,
} from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { AssessmentRepository } from './assessment.repository';

/** The mean of the reviewers' scores, rounded to the nearest half point: the default consensus. */
export function meanToHalfPoint(values: number[]): number {
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 2) / 2;
}

@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AssessmentRepository,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationRepository,
  ) {}

  async closedCall(callId: string, manager?: EntityManager): Promise<CallEntity> {
    const call = await this.repository.findCall(callId, manager);
    if (!call || call.status !== 'published') throw new AppException('NOT_FOUND');
    if ((await this.repository.now(manager)) <= call.closesAt) throw new AppException('CALL_STILL_OPEN');
    return call;
  }

  async admissibleDossierIds(callId: string, manager?: EntityManager): Promise<string[]> {
    const dossiers = await this.repository.submittedDossiers(callId, manager);
    const decisions = await this.repository.admissibility(
      dossiers.map((d) => d.dossier.id),
      manager,
    );
    return decisions.filter((d) => d.decision === 'admissible').map((d) => d.dossierId);
  }

  async assignments(callId: string): Promise<AssignmentView[]> {
    await this.closedCall(callId);
    return this.views(await this.repository.assignmentsOfCall(callId));
  }

  /** By hand (dossier + reviewer) or automatically: N reviewers per admissible dossier, least-loaded first. */
  async assign(
    auth: AuthContext,
    callId: string,
    input: { dossierId?: string; reviewerId?: string; perDossier?: number },
  ): Promise<AssignmentView[]> {
    await this.closedCall(callId);
    const admissible = new Set(await this.admissibleDossierIds(callId));
    await this.dataSource.transaction(async (manager) => {
      if (input.dossierId && input.reviewerId) {
        if (!admissible.has(input.dossierId)) throw new AppException('NOT_ADMISSIBLE');
        const reviewer = (await this.repository.reviewers(manager)).find((user) => user.id === input.reviewerId);
        if (!reviewer) throw new AppException('NOT_FOUND');
        await this.insertAssignment(auth, input.dossierId, reviewer.id, manager);
        return;
      }
      if (!input.perDossier) {
        throw new AppException('VALIDATION_FAILED', {
          errors: [
            {
              field: 'perDossier',
              code: 'required',
              message: {
                nl: 'Kies een dossier en beoordelaar, of een aantal per dossier.',
                en: 'Choose a dossier and reviewer, or a number per dossier.',
              },
            },
          ],
        });
      }
      const { existing, load } = await this.reviewerLoad(callId, manager);
      for (const dossierId of [...admissible].sort()) {
        const mine = existing.filter((a) => a.dossierId === dossierId);
        let active = mine.filter((a) => a.status !== 'conflict').length;
        while (active < input.perDossier) {
          const candidate = this.leastLoaded(load, new Set(mine.map((a) => a.reviewerId)));
          if (!candidate) throw new AppException('NO_REVIEWER_AVAILABLE');
          const created = await this.insertAssignment(auth, dossierId, candidate, manager);
          mine.push(created);
          load.set(candidate, (load.get(candidate) ?? 0) + 1);
          active++;
        }
      }
    });
    return this.assignments(callId);
  }

  async mine(auth: AuthContext): Promise<AssignmentView[]> {
    return this.views(await this.repository.assignmentsOfReviewer(auth.user.id));
  }

  /** A reviewer sees only their own assignments, and only their own scores. */
  async review(auth: AuthContext, assignmentId: string): Promise<ReviewView> {
    const assignment = await this.ownAssignment(auth, assignmentId);
    const call = (await this.repository.findCall(assignment.dossier!.callId))!;
    const [submitted] = await this.repository.submittedDossiers(call.id, undefined, assignment.dossierId);
    const scores = await this.repository.scoresOf([assignment.id]);
    const [view] = await this.views([assignment]);
    return {
      ...view,
      call: { id: call.id, title: call.title, criteria: call.criteria },
      content: submitted.submission.content,
      scores: scores.map((s) => ({ criterionCode: s.criterionCode, score: s.score, comment: s.comment })),
    };
  }

  async declareConflict(auth: AuthContext, assignmentId: string, reason: string): Promise<AssignmentView[]> {
    const assignment = await this.ownAssignment(auth, assignmentId);
    if (assignment.status === 'submitted') throw new AppException('REVIEW_ALREADY_SUBMITTED');
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        ReviewAssignmentEntity,
        { id: assignment.id },
        { status: 'conflict', conflictReason: reason },
      );
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'review.conflict_declared',
          entityType: 'dossier',
          entityId: assignment.dossierId,
          before: { assignmentId, status: assignment.status },
          after: { assignmentId, status: 'conflict', reason },
        },
        manager,
      );
      // Replace the reviewer: the least-loaded reviewer not yet on this dossier.
      const callId = assignment.dossier!.callId;
      const { existing, load } = await this.reviewerLoad(callId, manager);
      const taken = new Set(existing.filter((a) => a.dossierId === assignment.dossierId).map((a) => a.reviewerId));
      const replacement = this.leastLoaded(load, taken);
      if (replacement) await this.insertAssignment(auth, assignment.dossierId, replacement, manager);
    });
    return this.mine(auth);
  }

  async saveScores(
    auth: AuthContext,
    assignmentId: string,
    scores: ScoreInput[],
    submit: boolean,
  ): Promise<ReviewView> {
    const assignment = await this.ownAssignment(auth, assignmentId);
    if (assignment.status === 'submitted') throw new AppException('REVIEW_ALREADY_SUBMITTED');
    if (assignment.status === 'conflict') throw new AppException('FORBIDDEN');
    const call = (await this.repository.findCall(assignment.dossier!.callId))!;
    const criteria = new Map(call.criteria.map((c) => [c.code, c]));
    const errors = [];
    for (const [index, item] of scores.entries()) {
      const criterion = criteria.get(item.criterionCode);
      const problem = criterion ? scoreIssue(criterion, item.score) : 'unknown-criterion';
      if (problem)
        errors.push({
          field: `scores.${index}.score`,
          code: problem,
          message: { nl: `Score ${item.criterionCode}: ${problem}.`, en: `Score ${item.criterionCode}: ${problem}.` },
        });
    }
    if (errors.length) throw new AppException('SCORE_INVALID', { errors });
    if (submit) {
      const given = new Map(scores.map((s) => [s.criterionCode, s]));
      const missing = call.criteria.filter((c) => !given.has(c.code));
      if (missing.length) {
        throw new AppException('SCORE_INVALID', {
          errors: missing.map((c) => ({
            field: `scores.${c.code}`,
            code: 'required',
            message: { nl: `Score voor ${c.label} ontbreekt.`, en: `Score for ${c.label} is missing.` },
          })),
        });
      }
      const uncommented = call.criteria.filter(
        (c) => given.get(c.code)!.score < c.threshold && !given.get(c.code)!.comment?.trim(),
      );
      if (uncommented.length) {
        throw new AppException('COMMENT_REQUIRED', {
          errors: uncommented.map((c) => ({
            field: `scores.${c.code}.comment`,
            code: 'required',
            message: { nl: `Licht de score voor ${c.label} toe.`, en: `Explain the score for ${c.label}.` },
          })),
        });
      }
    }
    await this.dataSource.transaction(async (manager) => {
      for (const item of scores) {
        await manager.upsert(
          ReviewScoreEntity,
          { assignmentId, criterionCode: item.criterionCode, score: item.score, comment: item.comment?.trim() || null },
          ['assignmentId', 'criterionCode'],
        );
      }
      if (submit) {
        await manager.update(
          ReviewAssignmentEntity,
          { id: assignmentId },
          { status: 'submitted', submittedAt: () => 'now()' },
        );
        await this.audit.record(
          {
            actorUserId: auth.user.id,
            action: 'review.submitted',
            entityType: 'dossier',
            entityId: assignment.dossierId,
            before: { assignmentId, status: assignment.status },
            after: { assignmentId, status: 'submitted', scores },
          },
          manager,
        );
      }
    });
    return this.review(auth, assignmentId);
  }

  /** Per admissible dossier: the submitted reviewers' scores, their mean, the consensus, and what counts. */
  /** The scores of the call's admissible dossiers (or of one, `onlyDossierId`), with the mean and the consensus. */
  async scores(callId: string, manager?: EntityManager, onlyDossierId?: string): Promise<DossierScoresView[]> {
    await this.closedCall(callId, manager);
    const dossiers = await this.repository.submittedDossiers(callId, manager, onlyDossierId);
    const admissible = new Set(
      (
        await this.repository.admissibility(
          dossiers.map((d) => d.dossier.id),
          manager,
        )
      )
        .filter((d) => d.decision === 'admissible')
        .map((d) => d.dossierId),
    );
    const assignments = (await this.repository.assignmentsOfCall(callId, manager)).filter(
      (a) => a.status === 'submitted' && (!onlyDossierId || a.dossierId === onlyDossierId),
    );
    const scores = await this.repository.scoresOf(
      assignments.map((a) => a.id),
      manager,
    );
    const assignmentsOf = new Map<string, typeof assignments>();
    for (const a of assignments) assignmentsOf.set(a.dossierId, [...(assignmentsOf.get(a.dossierId) ?? []), a]);
    const scoresOf = new Map<string, typeof scores>();
    for (const s of scores) scoresOf.set(s.assignmentId, [...(scoresOf.get(s.assignmentId) ?? []), s]);
    const consensus = await this.repository.consensusOf([...admissible], manager);
    const users = new Map(
      (await this.repository.usersById([...new Set(assignments.map((a) => a.reviewerId))], manager)).map((u) => [
        u.id,
        u,
      ]),
    );
    return dossiers
      .filter(({ dossier }) => admissible.has(dossier.id))
      .map(({ dossier, applicant }) => {
        const mine = assignmentsOf.get(dossier.id) ?? [];
        const reviewers = mine.map((a) => ({
          reviewerName: users.get(a.reviewerId)?.displayName ?? '',
          status: a.status,
          scores: Object.fromEntries((scoresOf.get(a.id) ?? []).map((s) => [s.criterionCode, s.score])),
        }));
        const mean: Record<string, number> = {};
        for (const code of new Set(reviewers.flatMap((r) => Object.keys(r.scores)))) {
          mean[code] = meanToHalfPoint(reviewers.map((r) => r.scores[code]).filter((v) => v !== undefined));
        }
        const agreed = Object.fromEntries(
          consensus
            .filter((c) => c.dossierId === dossier.id)
            .map((c) => [c.criterionCode, { score: c.score, motivation: c.motivation }]),
        );
        const effective = {
          ...mean,
          ...Object.fromEntries(Object.entries(agreed).map(([code, c]) => [code, c.score])),
        };
        return {
          dossierId: dossier.id,
          reference: dossier.reference,
          applicantName: applicant.legalName,
          reviewers,
          mean,
          consensus: agreed,
          effective,
        };
      });
  }

  async setConsensus(
    auth: AuthContext,
    dossierId: string,
    items: Array<{ criterionCode: string; score: number; motivation: string }>,
    requestId: string | null,
  ): Promise<void> {
    const row = await this.repository.manager.query<Array<{ call_id: string }>>(
      'SELECT call_id FROM dossiers WHERE id = $1',
      [dossierId],
    );
    if (!row[0]) throw new AppException('NOT_FOUND');
    const call = await this.closedCall(row[0].call_id);
    if (!(await this.admissibleDossierIds(call.id)).includes(dossierId)) throw new AppException('NOT_ADMISSIBLE');
    const criteria = new Map(call.criteria.map((c) => [c.code, c]));
    const errors = items
      .map((item, index) => {
        const criterion = criteria.get(item.criterionCode);
        const problem = criterion ? scoreIssue(criterion, item.score) : 'unknown-criterion';
        return problem
          ? {
              field: `scores.${index}.score`,
              code: problem,
              message: {
                nl: `Score ${item.criterionCode}: ${problem}.`,
                en: `Score ${item.criterionCode}: ${problem}.`,
              },
            }
          : null;
      })
      .filter((error) => error !== null);
    if (errors.length) throw new AppException('SCORE_INVALID', { errors });
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.find(ConsensusScoreEntity, { where: { dossierId } });
      for (const item of items) {
        await manager.upsert(
          ConsensusScoreEntity,
          {
            dossierId,
            criterionCode: item.criterionCode,
            score: item.score,
            motivation: item.motivation.trim(),
            setBy: auth.user.id,
          },
          ['dossierId', 'criterionCode'],
        );
      }
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'consensus.set',
          entityType: 'dossier',
          entityId: dossierId,
          before: { scores: before.map((c) => ({ criterionCode: c.criterionCode, score: c.score })) },
          after: { scores: items },
          requestId,
        },
        manager,
      );
    });
  }

  /** The call's assignments and, per reviewer, how many active (not conflicted) assignments they hold. */
  private async reviewerLoad(callId: string, manager: EntityManager) {
    const existing = await this.repository.assignmentsOfCall(callId, manager);
    const load = new Map((await this.repository.reviewers(manager)).map((r) => [r.id, 0]));
    for (const a of existing) if (a.status !== 'conflict') load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + 1);
    return { existing, load };
  }

  private leastLoaded(load: Map<string, number>, exclude: Set<string>): string | null {
    let best: string | null = null;
    for (const [id, count] of [...load.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (exclude.has(id)) continue;
      if (best === null || count < load.get(best)!) best = id;
    }
    return best;
  }

  private async insertAssignment(
    auth: AuthContext,
    dossierId: string,
    reviewerId: string,
    manager: EntityManager,
  ): Promise<ReviewAssignmentEntity> {
    const existing = await manager.findOne(ReviewAssignmentEntity, { where: { dossierId, reviewerId } });
    if (existing) return existing;
    const saved = await manager.save(
      ReviewAssignmentEntity,
      manager.create(ReviewAssignmentEntity, { dossierId, reviewerId, assignedBy: auth.user.id, status: 'assigned' }),
    );
    const [details] = await manager.query<
      Array<{ email: string; display_name: string; locale: 'nl' | 'en'; reference: string; call_title: string }>
    >(
      `SELECT u.email, u.display_name, u.locale, d.reference, c.title AS call_title
         FROM users u, dossiers d JOIN calls c ON c.id = d.call_id WHERE u.id = $1 AND d.id = $2`,
      [reviewerId, dossierId],
    );
    await this.notifications.enqueue(
      {
        template: 'review.assigned',
        recipient: details.email,
        locale: details.locale,
        subjectRef: details.reference,
        payload: { recipientName: details.display_name, reference: details.reference, callTitle: details.call_title },
      },
      manager,
    );
    await this.audit.record(
      {
        actorUserId: auth.user.id,
        action: 'review.assigned',
        entityType: 'dossier',
        entityId: dossierId,
        after: { reviewerId, assignmentId: saved.id },
      },
      manager,
    );
    return saved;
  }

  private async ownAssignment(auth: AuthContext, id: string): Promise<ReviewAssignmentEntity> {
    const assignment = await this.repository.manager.findOne(ReviewAssignmentEntity, {
      where: { id, reviewerId: auth.user.id },
      relations: { dossier: true },
    });
    if (!assignment) throw new AppException('NOT_FOUND');
    return assignment;
  }

  private async views(assignments: ReviewAssignmentEntity[]): Promise<AssignmentView[]> {
    const users = new Map(
      (await this.repository.usersById([...new Set(assignments.map((a) => a.reviewerId))])).map((u) => [u.id, u]),
    );
    return assignments.map((a) => ({
      id: a.id,
      dossierId: a.dossierId,
      reference: a.dossier?.reference ?? null,
      reviewerId: a.reviewerId,
      reviewerName: users.get(a.reviewerId)?.displayName ?? '',
      status: a.status,
      conflictReason: a.conflictReason,
      submittedAt: a.submittedAt?.toISOString() ?? null,
    }));
  }
}
