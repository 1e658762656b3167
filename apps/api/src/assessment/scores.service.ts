import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FIELD_MESSAGES } from '@portal/contracts';
import type { DossierScoresView } from '@portal/contracts';
import { meanToHalfPoint, scoreIssue } from '@portal/domain';
import { AppException, AuditRepository, CallLifecycleRepository } from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { AssessmentRepository, type SubmittedDossier } from './assessment.repository';
import { ReviewAssignmentService } from './review-assignment.service';

/** The submitted reviews per dossier, their mean, and the administration's consensus: what the ranking counts. */
@Injectable()
export class ScoresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AssessmentRepository,
    private readonly lifecycle: CallLifecycleRepository,
    private readonly assignments: ReviewAssignmentService,
    private readonly audit: AuditRepository,
  ) {}

  /** The scores of the call's admissible dossiers (or of one, `onlyDossierId`), with the mean and the consensus. */
  async scores(callId: string, manager?: EntityManager, onlyDossierId?: string): Promise<DossierScoresView[]> {
    return (await this.scoresWithDossiers(callId, manager, onlyDossierId)).scores;
  }

  /** The scores and the submitted dossiers they were computed from (the ranking needs both; read once). */
  async scoresWithDossiers(
    callId: string,
    manager?: EntityManager,
    onlyDossierId?: string,
  ): Promise<{ scores: DossierScoresView[]; dossiers: SubmittedDossier[] }> {
    const found = await this.lifecycle.read(callId, manager);
    if (!found || found.phase === 'draft') throw new AppException('NOT_FOUND');
    if (found.phase === 'published') throw new AppException('CALL_STILL_OPEN');
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
    // Only submitted reviews count: an open or conflicted assignment has no say.
    const assignments = (await this.repository.assignmentsOfCall(callId, manager)).filter(
      (a) => a.status === 'submitted' && (!onlyDossierId || a.dossierId === onlyDossierId),
    );
    const scores = await this.repository.scoresOf(
      assignments.map((a) => a.id),
      manager,
    );
    const assignmentsOf = groupBy(assignments, (a) => a.dossierId);
    const scoresOf = groupBy(scores, (s) => s.assignmentId);
    const consensus = groupBy(await this.repository.consensusOf([...admissible], manager), (c) => c.dossierId);
    const users = new Map(
      (await this.repository.usersById([...new Set(assignments.map((a) => a.reviewerId))], manager)).map((u) => [
        u.id,
        u,
      ]),
    );
    const views = dossiers
      .filter(({ dossier }) => admissible.has(dossier.id))
      .map(({ dossier, applicant }) => {
        const reviewers = (assignmentsOf.get(dossier.id) ?? []).map((a) => ({
          reviewerName: users.get(a.reviewerId)?.displayName ?? '',
          status: a.status,
          scores: Object.fromEntries((scoresOf.get(a.id) ?? []).map((s) => [s.criterionCode, s.score])),
        }));
        const mean: Record<string, number> = {};
        for (const code of new Set(reviewers.flatMap((r) => Object.keys(r.scores)))) {
          mean[code] = meanToHalfPoint(reviewers.map((r) => r.scores[code]).filter((v) => v !== undefined));
        }
        const agreed = Object.fromEntries(
          (consensus.get(dossier.id) ?? []).map((c) => [c.criterionCode, { score: c.score, motivation: c.motivation }]),
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
    return { scores: views, dossiers };
  }

  /** The consensus per criterion, motivated; any change makes a computed proposal stale (ADR 0009). */
  async setConsensus(
    auth: AuthContext,
    dossierId: string,
    items: Array<{ criterionCode: string; score: number; motivation: string }>,
    requestId: string | null,
  ): Promise<void> {
    const callId = await this.repository.callIdOfDossier(dossierId);
    if (!callId) throw new AppException('NOT_FOUND');
    await this.dataSource.transaction(async (manager) => {
      const { call } = await this.lifecycle.enterAssessment(callId, 'consensus.set', manager);
      if (!(await this.assignments.admissibleDossierIds(call.id, manager)).includes(dossierId))
        throw new AppException('NOT_ADMISSIBLE');
      const criteria = new Map(call.criteria.map((c) => [c.code, c]));
      const errors = items
        .map((item, index) => {
          const criterion = criteria.get(item.criterionCode);
          const problem = criterion ? scoreIssue(criterion, item.score) : 'unknown-criterion';
          return problem
            ? {
                field: `scores.${index}.score`,
                code: problem,
                message: FIELD_MESSAGES.scoreInvalid(item.criterionCode, problem),
              }
            : null;
        })
        .filter((error) => error !== null);
      if (errors.length) throw new AppException('SCORE_INVALID', { errors });
      const before = await this.repository.consensusOf([dossierId], manager);
      const trimmed = items.map((item) => ({ ...item, motivation: item.motivation.trim() }));
      await this.repository.saveConsensus(dossierId, trimmed, auth.user.id, manager);
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'consensus.set',
          entityType: 'dossier',
          entityId: dossierId,
          before: { scores: before.map((c) => ({ criterionCode: c.criterionCode, score: c.score })) },
          after: { scores: trimmed },
          requestId,
        },
        manager,
      );
    });
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
