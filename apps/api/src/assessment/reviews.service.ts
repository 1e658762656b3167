import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FIELD_MESSAGES } from '@portal/contracts';
import type { AssignmentView, ReviewView, ScoreInput } from '@portal/contracts';
import { reviewSubmissionIssues, scoreIssue } from '@portal/domain';
import {
  AppException,
  AuditRepository,
  CallLifecycleRepository,
  type CallEntity,
  type ReviewAssignmentEntity,
} from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { AssessmentRepository } from './assessment.repository';
import { PanelRepository } from './panel.repository';
import { ReviewAssignmentService } from './review-assignment.service';

type ScoreError = { field: string; code: string; message: { nl: string; en: string } };

/** The reviewer's side: their assignments, the submitted dossier, scores, submission and conflicts of interest. */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AssessmentRepository,
    private readonly lifecycle: CallLifecycleRepository,
    private readonly assignments: ReviewAssignmentService,
    private readonly audit: AuditRepository,
    private readonly panels: PanelRepository,
  ) {}

  /** The reviewer's assignments; an external expert's only on calls whose assessment still runs (ADR 0013). */
  async mine(auth: AuthContext): Promise<AssignmentView[]> {
    const all = await this.repository.assignmentsOfReviewer(auth.user.id);
    const live = await this.expertLiveCalls(auth);
    return this.assignments.views(live ? all.filter((a) => live.has(a.dossier!.callId)) : all);
  }

  /**
   * Before scoring, the reviewer states having no conflict of interest with the applicant they now see (or declares
   * one instead). Recorded once, audited; scores are refused without it.
   */
  async stateNoConflict(auth: AuthContext, assignmentId: string): Promise<ReviewView> {
    await this.withOwnAssignment(auth, assignmentId, 'review.declareConflict', async (assignment, call, manager) => {
      if (assignment.noConflictStatedAt) return;
      const statedAt = await this.panels.stateNoConflict(assignment.id, manager);
      const [view] = await this.assignments.views([assignment], manager);
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'review.no_conflict_stated',
          entityType: 'dossier',
          entityId: assignment.dossierId,
          before: { assignmentId, noConflictStatedAt: null },
          after: {
            assignmentId,
            noConflictStatedAt: statedAt.toISOString(),
            callId: call.id,
            applicant: view.applicant,
          },
          requestId: auth.requestId,
        },
        manager,
      );
    });
    return this.review(auth, assignmentId);
  }

  /** For an external expert, the calls they may still review; null for a staff reviewer (no limit by call). */
  private async expertLiveCalls(auth: AuthContext): Promise<Set<string> | null> {
    const calls = await this.panels.expertCalls(auth.user.id);
    if (calls.length === 0) return null;
    const live = new Set(calls.filter((c) => c.live).map((c) => c.callId));
    if (live.size === 0) throw new AppException('EXPERT_ACCESS_ENDED');
    return live;
  }

  private async assertAccess(auth: AuthContext, callId: string): Promise<void> {
    const live = await this.expertLiveCalls(auth);
    if (live && !live.has(callId)) throw new AppException('EXPERT_ACCESS_ENDED');
  }

  /**
   * A reviewer sees only their own assignments and scores, and the submitted version of the dossier; after a
   * conflict of interest nothing of the dossier's content, only that the assignment is closed.
   */
  async review(auth: AuthContext, assignmentId: string): Promise<ReviewView> {
    const assignment = await this.repository.ownAssignment(assignmentId, auth.user.id);
    if (!assignment) throw new AppException('NOT_FOUND');
    await this.assertAccess(auth, assignment.dossier!.callId);
    const found = await this.lifecycle.read(assignment.dossier!.callId);
    const call = found!.call;
    const [view] = await this.assignments.views([assignment]);
    const base = { ...view, call: { id: call.id, title: call.title, criteria: call.criteria } };
    if (assignment.status === 'conflict') return { ...base, content: null, scores: [] };
    const submission = (await this.repository.lastSubmissions([assignment.dossierId])).get(assignment.dossierId);
    const scores = await this.repository.scoresOf([assignment.id]);
    return {
      ...base,
      content: submission?.content ?? null,
      scores: scores.map((s) => ({ criterionCode: s.criterionCode, score: s.score, comment: s.comment })),
    };
  }

  /** Closes the assignment for a conflict of interest, and assigns a replacement; final, as a submission is. */
  async declareConflict(auth: AuthContext, assignmentId: string, reason: string): Promise<AssignmentView[]> {
    await this.withOwnAssignment(auth, assignmentId, 'review.declareConflict', async (assignment, call, manager) => {
      if (!(await this.repository.closeAssignment(assignment.id, { status: 'conflict', reason }, manager)))
        throw new AppException('REVIEW_TRANSITION_FORBIDDEN');
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
      await this.assignments.replace(auth, call.id, assignment.dossierId, manager);
    });
    return this.mine(auth);
  }

  /**
   * Interim save or submission. The assignment row is locked first, so a submission and interim saves or a conflict
   * declaration on the same assignment run one after the other; a submitted review is final, and its audit event
   * records the scores as the database holds them.
   */
  async saveScores(
    auth: AuthContext,
    assignmentId: string,
    scores: ScoreInput[],
    submit: boolean,
  ): Promise<ReviewView> {
    await this.withOwnAssignment(
      auth,
      assignmentId,
      submit ? 'review.submit' : 'review.score',
      async (assignment, call, manager) => {
        // The statement (or a declared conflict, which closes the assignment) comes before any score.
        if (!assignment.noConflictStatedAt) throw new AppException('CONFLICT_STATEMENT_REQUIRED');
        const errors = scoreErrors(call, scores, submit);
        if (errors.invalid.length) throw new AppException('SCORE_INVALID', { errors: errors.invalid });
        if (errors.missing.length) throw new AppException('SCORE_INVALID', { errors: errors.missing });
        if (errors.uncommented.length) throw new AppException('COMMENT_REQUIRED', { errors: errors.uncommented });
        await this.repository.saveScores(
          assignmentId,
          scores.map((s) => ({ criterionCode: s.criterionCode, score: s.score, comment: s.comment?.trim() || null })),
          manager,
        );
        if (!submit) return;
        if (!(await this.repository.closeAssignment(assignmentId, { status: 'submitted' }, manager)))
          throw new AppException('REVIEW_TRANSITION_FORBIDDEN');
        const stored = await this.repository.scoresOf([assignmentId], manager);
        await this.audit.record(
          {
            actorUserId: auth.user.id,
            action: 'review.submitted',
            entityType: 'dossier',
            entityId: assignment.dossierId,
            before: { assignmentId, status: assignment.status },
            after: {
              assignmentId,
              status: 'submitted',
              scores: stored.map((s) => ({ criterionCode: s.criterionCode, score: s.score, comment: s.comment })),
            },
          },
          manager,
        );
      },
    );
    return this.review(auth, assignmentId);
  }

  /** Lock order of every lifecycle write: the call (FOR SHARE, its phase), then the assignment (FOR UPDATE). */
  private async withOwnAssignment(
    auth: AuthContext,
    assignmentId: string,
    act: 'review.score' | 'review.submit' | 'review.declareConflict',
    work: (assignment: ReviewAssignmentEntity, call: CallEntity, manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    const unlocked = await this.repository.ownAssignment(assignmentId, auth.user.id);
    if (!unlocked) throw new AppException('NOT_FOUND');
    await this.assertAccess(auth, unlocked.dossier!.callId);
    await this.dataSource.transaction(async (manager) => {
      const { call } = await this.lifecycle.require(unlocked.dossier!.callId, act, manager);
      const assignment = (await this.repository.ownAssignment(assignmentId, auth.user.id, manager, true))!;
      if (assignment.status === 'submitted') throw new AppException('REVIEW_ALREADY_SUBMITTED');
      if (assignment.status === 'conflict') throw new AppException('REVIEW_CONFLICT_DECLARED');
      await work(assignment, call, manager);
    });
  }
}

/** The review rules: scores on the criterion's scale (half points), all criteria on submission, a comment below the threshold. */
function scoreErrors(
  call: CallEntity,
  scores: ScoreInput[],
  submit: boolean,
): { invalid: ScoreError[]; missing: ScoreError[]; uncommented: ScoreError[] } {
  const criteria = new Map(call.criteria.map((c) => [c.code, c]));
  const invalid: ScoreError[] = [];
  for (const [index, item] of scores.entries()) {
    const criterion = criteria.get(item.criterionCode);
    const problem = criterion ? scoreIssue(criterion, item.score) : 'unknown-criterion';
    if (problem)
      invalid.push({
        field: `scores.${index}.score`,
        code: problem,
        message: FIELD_MESSAGES.scoreInvalid(item.criterionCode, problem),
      });
  }
  if (!submit || invalid.length) return { invalid, missing: [], uncommented: [] };
  // The same rules the web's score form shows (libs/domain review-rules).
  const issues = reviewSubmissionIssues(call.criteria, scores);
  const missing = issues.missing.map((c) => ({
    field: `scores.${c.code}`,
    code: 'required',
    message: FIELD_MESSAGES.scoreMissing(c.label),
  }));
  const uncommented = missing.length
    ? []
    : issues.uncommented.map((c) => ({
        field: `scores.${c.code}.comment`,
        code: 'required',
        message: FIELD_MESSAGES.scoreCommentRequired(c.label),
      }));
  return { invalid, missing, uncommented };
}
