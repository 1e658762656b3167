import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FIELD_MESSAGES } from '@portal/contracts';
import type { AssignmentView } from '@portal/contracts';
import { excludedFor, leastLoaded, openLoad, planAssignments } from '@portal/domain';
import {
  AppException,
  AuditRepository,
  CallLifecycleRepository,
  NotificationRepository,
  type ReviewAssignmentEntity,
} from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { AssessmentRepository } from './assessment.repository';
import { PanelRepository } from './panel.repository';

/** Who reviews what: assignment by hand or automatically (least-loaded first), and replacement after a conflict. */
@Injectable()
export class ReviewAssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AssessmentRepository,
    private readonly lifecycle: CallLifecycleRepository,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationRepository,
    private readonly panels: PanelRepository,
  ) {}

  async assignments(callId: string): Promise<AssignmentView[]> {
    const found = await this.lifecycle.read(callId);
    if (!found || found.phase === 'draft') throw new AppException('NOT_FOUND');
    if (found.phase === 'published') throw new AppException('CALL_STILL_OPEN');
    return this.views(await this.repository.assignmentsOfCall(callId));
  }

  /**
   * By hand (dossier + reviewer) or automatically: k reviewers per admissible dossier, fewest open assignments first,
   * never a conflicted one (declared for the dossier, or a member of its applicant). With a panel (ADR 0013) the
   * reviewers come from it and k defaults to its setting; without one, from every active staff reviewer. Under the
   * call lock (FOR UPDATE), so two automatic assignments or a panel change at once do not interleave.
   */
  async assign(
    auth: AuthContext,
    callId: string,
    input: { dossierId?: string; reviewerId?: string; perDossier?: number },
  ): Promise<AssignmentView[]> {
    await this.dataSource.transaction(async (manager) => {
      await this.lifecycle.enterAssessment(callId, 'review.assign', manager);
      const admissible = new Set(await this.admissibleDossierIds(callId, manager));
      const { panel, pool, conflicted } = await this.pool(callId, manager);
      if (input.dossierId && input.reviewerId) {
        if (!admissible.has(input.dossierId)) throw new AppException('NOT_ADMISSIBLE');
        if (!pool.includes(input.reviewerId)) throw new AppException(panel ? 'REVIEWER_NOT_IN_PANEL' : 'NOT_FOUND');
        if (conflicted.has(`${input.dossierId}:${input.reviewerId}`)) throw new AppException('REVIEWER_CONFLICTED');
        await this.insertAssignment(auth, input.dossierId, input.reviewerId, manager);
        return;
      }
      const perDossier = input.perDossier ?? panel?.perDossier;
      if (!perDossier) {
        throw new AppException('VALIDATION_FAILED', {
          errors: [
            {
              field: 'perDossier',
              code: 'required',
              message: FIELD_MESSAGES.assignmentTarget(),
            },
          ],
        });
      }
      const existing = await this.repository.assignmentsOfCall(callId, manager);
      const plan = planAssignments({
        dossierIds: [...admissible].sort(),
        pool,
        perDossier,
        existing,
        conflicted: (dossierId, reviewerId) => conflicted.has(`${dossierId}:${reviewerId}`),
      });
      if (!plan.ok) {
        if (!panel) throw new AppException('NO_REVIEWER_AVAILABLE');
        const reference = await this.panels.referenceOf(plan.dossierId, manager);
        throw new AppException('PANEL_TOO_SMALL', {
          params: { needed: plan.needed, available: plan.available, reference: reference ?? plan.dossierId },
        });
      }
      for (const { dossierId, reviewerId } of plan.assignments) {
        await this.insertAssignment(auth, dossierId, reviewerId, manager);
      }
    });
    return this.assignments(callId);
  }

  /** After a conflict of interest: the least-loaded reviewer of the pool not yet on this dossier, if any. */
  async replace(auth: AuthContext, callId: string, dossierId: string, manager: EntityManager): Promise<void> {
    const { pool, conflicted } = await this.pool(callId, manager);
    const existing = await this.repository.assignmentsOfCall(callId, manager);
    const taken = excludedFor(dossierId, pool, existing, (d, r) => conflicted.has(`${d}:${r}`));
    const replacement = leastLoaded(openLoad(pool, existing), taken);
    if (replacement) await this.insertAssignment(auth, dossierId, replacement, manager);
  }

  /** Who may review the call: its panel's active members, or without a panel every active staff reviewer. */
  private async pool(callId: string, manager: EntityManager) {
    const panel = await this.panels.panel(callId, manager);
    const pool = panel ? await this.panels.eligibleMembers(callId, manager) : await this.panels.staffReviewers(manager);
    return { panel, pool, conflicted: await this.panels.applicantMembers(callId, manager) };
  }

  async admissibleDossierIds(callId: string, manager?: EntityManager): Promise<string[]> {
    const dossiers = await this.repository.submittedDossiers(callId, manager);
    const decisions = await this.repository.admissibility(
      dossiers.map((d) => d.dossier.id),
      manager,
    );
    return decisions.filter((d) => d.decision === 'admissible').map((d) => d.dossierId);
  }

  async views(assignments: ReviewAssignmentEntity[], manager?: EntityManager): Promise<AssignmentView[]> {
    const users = new Map(
      (await this.repository.usersById([...new Set(assignments.map((a) => a.reviewerId))], manager)).map((u) => [
        u.id,
        u,
      ]),
    );
    const context = await this.panels.assignmentContext([...new Set(assignments.map((a) => a.dossierId))], manager);
    return assignments.map((a) => {
      const about = context.get(a.dossierId);
      return {
        id: a.id,
        dossierId: a.dossierId,
        reference: a.dossier?.reference ?? null,
        reviewerId: a.reviewerId,
        reviewerName: users.get(a.reviewerId)?.displayName ?? '',
        status: a.status,
        conflictReason: a.conflictReason,
        submittedAt: a.submittedAt?.toISOString() ?? null,
        noConflictStatedAt: a.noConflictStatedAt?.toISOString() ?? null,
        callId: about?.callId ?? '',
        callTitle: about?.callTitle ?? '',
        // After a conflict of interest the reviewer reads nothing of the dossier any more, its title included.
        dossierTitle: a.status === 'conflict' ? '' : (about?.title ?? ''),
        applicant: {
          legalName: about?.legalName ?? '',
          enterpriseNumber: about?.enterpriseNumber ?? null,
          nisCode: about?.nisCode ?? null,
        },
        dueAt: about?.dueAt?.toISOString() ?? null,
      };
    });
  }

  private async insertAssignment(
    auth: AuthContext,
    dossierId: string,
    reviewerId: string,
    manager: EntityManager,
  ): Promise<ReviewAssignmentEntity | null> {
    const saved = await this.repository.insertAssignment({ dossierId, reviewerId, assignedBy: auth.user.id }, manager);
    if (!saved) return null;
    const details = await this.repository.assignmentMailDetails(reviewerId, dossierId, manager);
    await this.notifications.enqueue(
      {
        template: 'review.assigned',
        recipient: details.email,
        locale: details.locale,
        subjectRef: details.reference,
        payload: { recipientName: details.displayName, reference: details.reference, callTitle: details.callTitle },
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
}
