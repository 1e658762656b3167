import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FIELD_MESSAGES } from '@portal/contracts';
import type { AssignmentView } from '@portal/contracts';
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

/** Who reviews what: assignment by hand or automatically (least-loaded first), and replacement after a conflict. */
@Injectable()
export class ReviewAssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AssessmentRepository,
    private readonly lifecycle: CallLifecycleRepository,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationRepository,
  ) {}

  async assignments(callId: string): Promise<AssignmentView[]> {
    const found = await this.lifecycle.read(callId);
    if (!found || found.phase === 'draft') throw new AppException('NOT_FOUND');
    if (found.phase === 'published') throw new AppException('CALL_STILL_OPEN');
    return this.views(await this.repository.assignmentsOfCall(callId));
  }

  /**
   * By hand (dossier + reviewer) or automatically: N reviewers per admissible dossier, least-loaded first. Under the
   * call lock (FOR UPDATE), so two automatic assignments at once do not both add reviewers to the same dossier.
   */
  async assign(
    auth: AuthContext,
    callId: string,
    input: { dossierId?: string; reviewerId?: string; perDossier?: number },
  ): Promise<AssignmentView[]> {
    await this.dataSource.transaction(async (manager) => {
      await this.lifecycle.enterAssessment(callId, 'review.assign', manager);
      const admissible = new Set(await this.admissibleDossierIds(callId, manager));
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
              message: FIELD_MESSAGES.assignmentTarget(),
            },
          ],
        });
      }
      const { existing, load } = await this.reviewerLoad(callId, manager);
      for (const dossierId of [...admissible].sort()) {
        const mine = existing.filter((a) => a.dossierId === dossierId);
        let active = mine.filter((a) => a.status !== 'conflict').length;
        while (active < input.perDossier) {
          const candidate = leastLoaded(load, new Set(mine.map((a) => a.reviewerId)));
          if (!candidate) throw new AppException('NO_REVIEWER_AVAILABLE');
          const created = await this.insertAssignment(auth, dossierId, candidate, manager);
          if (created) mine.push(created);
          load.set(candidate, (load.get(candidate) ?? 0) + 1);
          active++;
        }
      }
    });
    return this.assignments(callId);
  }

  /** After a conflict of interest: the least-loaded reviewer not yet on this dossier, if any. */
  async replace(auth: AuthContext, callId: string, dossierId: string, manager: EntityManager): Promise<void> {
    const { existing, load } = await this.reviewerLoad(callId, manager);
    const taken = new Set(existing.filter((a) => a.dossierId === dossierId).map((a) => a.reviewerId));
    const replacement = leastLoaded(load, taken);
    if (replacement) await this.insertAssignment(auth, dossierId, replacement, manager);
  }

  async admissibleDossierIds(callId: string, manager?: EntityManager): Promise<string[]> {
    const dossiers = await this.repository.submittedDossiers(callId, manager);
    const decisions = await this.repository.admissibility(
      dossiers.map((d) => d.dossier.id),
      manager,
    );
    return decisions.filter((d) => d.decision === 'admissible').map((d) => d.dossierId);
  }

  async views(assignments: ReviewAssignmentEntity[]): Promise<AssignmentView[]> {
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

  /** The call's assignments and, per reviewer, how many active (not conflicted) assignments they hold. */
  private async reviewerLoad(callId: string, manager: EntityManager) {
    const existing = await this.repository.assignmentsOfCall(callId, manager);
    const load = new Map((await this.repository.reviewers(manager)).map((r) => [r.id, 0]));
    for (const a of existing) if (a.status !== 'conflict') load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + 1);
    return { existing, load };
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

function leastLoaded(load: Map<string, number>, exclude: Set<string>): string | null {
  let best: string | null = null;
  for (const [id, count] of [...load.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (exclude.has(id)) continue;
    if (best === null || count < load.get(best)!) best = id;
  }
  return best;
}
