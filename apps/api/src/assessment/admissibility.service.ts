import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WEB_ROUTES, webUrl, type AdmissibilityRow } from '@portal/contracts';
import { admissibilityChecks } from '@portal/domain';
import {
  AppConfig,
  AppException,
  AuditRepository,
  CallLifecycleRepository,
  NotificationRepository,
  type CallEntity,
} from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { mailSender } from '../notifications/mail-sender';
import { AssessmentRepository, submittedContent, type SubmittedDossier } from './assessment.repository';

type Decision = 'admissible' | 'inadmissible';

export function automaticChecks(call: CallEntity, entry: SubmittedDossier) {
  return admissibilityChecks(
    call,
    { content: submittedContent(entry), submittedAt: entry.submission.submittedAt },
    entry.applicant,
  );
}

/** The first step after the deadline: automatic checks and the administration's motivated admissibility decision. */
@Injectable()
export class AdmissibilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AssessmentRepository,
    private readonly lifecycle: CallLifecycleRepository,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
  ) {}

  async admissibility(callId: string, onlyDossierId?: string, manager?: EntityManager): Promise<AdmissibilityRow[]> {
    const found = await this.lifecycle.read(callId, manager);
    if (!found || found.phase === 'draft') throw new AppException('NOT_FOUND');
    if (found.phase === 'published') throw new AppException('CALL_STILL_OPEN');
    const dossiers = await this.repository.submittedDossiers(callId, manager, onlyDossierId);
    const decisions = new Map(
      (
        await this.repository.admissibility(
          dossiers.map((d) => d.dossier.id),
          manager,
        )
      ).map((d) => [d.dossierId, d]),
    );
    return dossiers.map((entry) => ({
      dossierId: entry.dossier.id,
      reference: entry.dossier.reference,
      applicantName: entry.applicant.legalName,
      applicantVerification: entry.applicant.verificationStatus,
      title: submittedContent(entry).title,
      requestedCents: submittedContent(entry).requestedCents,
      submittedAt: entry.submission.submittedAt.toISOString(),
      checks: automaticChecks(found.call, entry),
      decision: decisions.get(entry.dossier.id)?.decision ?? null,
      motivation: decisions.get(entry.dossier.id)?.motivation ?? null,
    }));
  }

  /** The manual decision, with a motivation the applicant can read when the dossier leaves the procedure. */
  async decide(
    auth: AuthContext,
    dossierId: string,
    decision: Decision,
    motivation: string,
    requestId: string | null,
  ): Promise<AdmissibilityRow> {
    const callId = await this.repository.callIdOfDossier(dossierId);
    if (!callId) throw new AppException('NOT_FOUND');
    await this.dataSource.transaction(async (manager) => {
      const { call } = await this.lifecycle.enterAssessment(callId, 'admissibility.decide', manager);
      const [entry] = await this.repository.submittedDossiers(call.id, manager, dossierId);
      if (!entry) throw new AppException('NOT_FOUND');
      await this.write(manager, auth, call, entry, decision, motivation, requestId);
    });
    return (await this.admissibility(callId, dossierId))[0];
  }

  /**
   * One motivated decision for many dossiers at once (e.g. every dossier that passed all automatic checks), in one
   * transaction: a grant officer with 300 dossiers does not click 300 times. Decided dossiers are left alone unless
   * named explicitly; a dossier that fails an automatic check is only declared admissible when named explicitly.
   */
  async decideInBulk(
    auth: AuthContext,
    callId: string,
    input: { decision: Decision; motivation: string; dossierIds?: string[] },
    requestId: string | null,
  ): Promise<AdmissibilityRow[]> {
    const chosenIds = await this.dataSource.transaction(async (manager) => {
      const { call } = await this.lifecycle.enterAssessment(callId, 'admissibility.decide', manager);
      const entries = await this.repository.submittedDossiers(call.id, manager);
      const decided = new Set(
        (
          await this.repository.admissibility(
            entries.map((e) => e.dossier.id),
            manager,
          )
        ).map((d) => d.dossierId),
      );
      const named = input.dossierIds ? new Set(input.dossierIds) : null;
      if (named) {
        const known = new Set(entries.map((e) => e.dossier.id));
        if ([...named].some((id) => !known.has(id))) throw new AppException('NOT_FOUND');
      }
      const chosen = entries.filter((entry) =>
        named
          ? named.has(entry.dossier.id)
          : !decided.has(entry.dossier.id) &&
            (input.decision === 'inadmissible' || automaticChecks(call, entry).every((c) => c.passed)),
      );
      for (const entry of chosen) {
        await this.write(manager, auth, call, entry, input.decision, input.motivation, requestId);
      }
      return new Set(chosen.map((e) => e.dossier.id));
    });
    return (await this.admissibility(callId)).filter((row) => chosenIds.has(row.dossierId));
  }

  /** Under the call lock (FOR UPDATE, taken by enterAssessment), then the dossier's: nothing moves in between. */
  private async write(
    manager: EntityManager,
    auth: AuthContext,
    call: CallEntity,
    entry: SubmittedDossier,
    decision: Decision,
    motivation: string,
    requestId: string | null,
  ): Promise<void> {
    const dossierId = entry.dossier.id;
    const locked = await this.repository.lockDossier(dossierId, manager);
    // Withdrawn or decided dossiers never reach here (the phase is 'closed' or 'assessment'); a race cannot change that.
    if (!locked || !['submitted', 'inadmissible'].includes(locked.status)) throw new AppException('DOSSIER_READ_ONLY');
    const [before] = await this.repository.admissibility([dossierId], manager);
    const status = decision === 'inadmissible' ? 'inadmissible' : 'submitted';
    const checks = automaticChecks(call, entry);
    await this.repository.saveAdmissibility(
      { dossierId, decision, motivation: motivation.trim(), automaticChecks: checks, decidedBy: auth.user.id },
      manager,
    );
    if (locked.status !== status) {
      await this.repository.setDossierStatusIf(dossierId, ['submitted', 'inadmissible'], status, manager);
    }
    const owner = await this.repository.recipient(entry.dossier.createdBy, manager);
    await this.notifications.enqueue(
      {
        template: 'dossier.admissibility',
        recipient: owner.email,
        locale: owner.locale,
        subjectRef: entry.dossier.reference,
        payload: {
          recipientName: owner.displayName,
          reference: entry.dossier.reference,
          callTitle: call.title,
          decision,
          motivation: motivation.trim(),
          dossierUrl: webUrl(this.config.APP_URL, WEB_ROUTES.applicantDossier(dossierId)),
          sender: mailSender(call.information, this.config.LETTER_SETTINGS_FILE),
        },
      },
      manager,
    );
    await this.audit.record(
      {
        actorUserId: auth.user.id,
        action: 'dossier.admissibility_decided',
        entityType: 'dossier',
        entityId: dossierId,
        before: { status: locked.status, decision: before?.decision ?? null, motivation: before?.motivation ?? null },
        after: { status, decision, motivation: motivation.trim() },
        requestId,
      },
      manager,
    );
  }
}
