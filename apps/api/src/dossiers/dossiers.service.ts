import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WEB_ROUTES, webUrl, type DossierDraftInput, type DossierView } from '@portal/contracts';
import { dossierRefusedIssues, eligibilityIssue, formatBrussels, acceptsAt } from '@portal/domain';
import {
  AppConfig,
  AppException,
  AuditRepository,
  DossierEntity,
  NotificationRepository,
  CallLifecycleRepository,
  DatabaseClock,
} from '@portal/server';
import { DataSource } from 'typeorm';
import { ApplicantRepository } from '../applicants/applicant.repository';
import { CallRepository } from '../calls/call.repository';
import type { AuthContext } from '../common/request-context';
import { throwIfIssues } from '../common/rule-issues';
import { mailSender } from '../notifications/mail-sender';
import { DossierRepository, LiveDossierExists } from './dossier.repository';

import { DossierAccess } from './dossier-access';
import { EDITABLE_FIELDS, callRules, contentOf } from './dossier-content';

/** The applicant's working copy: starting a dossier, autosave within the rules, withdrawing while the call is open. */
@Injectable()
export class DossiersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossiers: DossierRepository,
    private readonly calls: CallRepository,
    private readonly clock: DatabaseClock,
    private readonly applicants: ApplicantRepository,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationRepository,
    private readonly lifecycle: CallLifecycleRepository,
    private readonly access: DossierAccess,
    private readonly config: AppConfig,
  ) {}

  /** Creates the applicant's dossier for the call, or returns the live one: concurrent starts get the same dossier. */
  async start(
    auth: AuthContext,
    callId: string,
    applicantId: string,
    requestId: string | null,
  ): Promise<{ dossier: DossierView; created: boolean }> {
    const applicant = await this.applicants.findForMember(applicantId, auth.user.id);
    const call = await this.calls.findById(callId);
    if (!applicant || !call || call.status !== 'published') throw new AppException('NOT_FOUND');
    // The administration rejected its claim to its number: it may read its dossiers, not start new ones.
    if (applicant.verificationStatus === 'rejected') throw new AppException('APPLICANT_REJECTED');
    const ineligible = eligibilityIssue(call, applicant);
    if (ineligible) {
      throw new AppException('INELIGIBLE_APPLICANT', {
        params: { reason: ineligible.nl },
        errors: [{ field: 'applicantId', code: 'ineligible', message: ineligible }],
      });
    }
    const created = await this.dataSource
      .transaction(async (manager) => {
        const slot = call.oneDossierPerApplicant ? 0 : await this.dossiers.nextSlot(callId, applicantId, manager);
        if (call.oneDossierPerApplicant) {
          const live = await this.dossiers.findLive(callId, applicantId, manager);
          if (live) return null;
        }
        const inserted = await this.dossiers.insertLiveIfOpen(
          { callId, applicantId, slot, createdBy: auth.user.id },
          manager,
        );
        if (!inserted) return null;
        await this.audit.record(
          {
            actorUserId: auth.user.id,
            action: 'dossier.created',
            entityType: 'dossier',
            entityId: inserted.id,
            after: { callId, applicantId, reference: inserted.reference },
            requestId,
          },
          manager,
        );
        return inserted.id;
      })
      .catch((error: unknown) => {
        // A concurrent start won: its dossier is the live one (found below); this one's number was rolled back.
        if (error instanceof LiveDossierExists) return null;
        throw error;
      });
    const live = created
      ? await this.dossiers.findForMember(created, auth.user.id)
      : await this.dossiers.findLive(callId, applicantId);
    if (!live) {
      const now = await this.clock.now();
      if (!acceptsAt(call.closesAt, now))
        throw new AppException('DEADLINE_PASSED', { params: { closesAt: formatBrussels(call.closesAt) } });
      throw new AppException('CALL_NOT_OPEN');
    }
    return { dossier: await this.access.view(live, call), created: created !== null };
  }

  /** Autosave: only with the version the client last saw, only while the call is open; a draft may break rules. */
  async saveDraft(auth: AuthContext, id: string, version: number, patch: DossierDraftInput): Promise<DossierView> {
    const dossier = await this.access.mustFind(auth, id);
    const call = await this.access.mustCall(dossier.callId);
    await this.access.assertEditable(dossier, call);
    const changes: Partial<DossierEntity> = {};
    for (const field of EDITABLE_FIELDS) {
      if (patch[field] !== undefined) Object.assign(changes, { [field]: patch[field] });
    }
    if (changes.answers) changes.answers = { ...dossier.answers, ...changes.answers };
    const merged = Object.assign(Object.create(DossierEntity.prototype) as DossierEntity, dossier, changes);
    // Validation is for submitting: a draft that breaks a rule is stored (the view lists its issues); only what can
    // never be stored (unknown questions or options, wrong types, hostile text) is refused (ADR 0018).
    const refused = dossierRefusedIssues(callRules(call), contentOf(merged, await this.dossiers.attachments(id)));
    throwIfIssues('VALIDATION_FAILED', refused);
    if (!(await this.dossiers.updateDraftIfCurrent(id, version, changes))) {
      const current = await this.access.mustFind(auth, id);
      await this.access.assertEditable(current, call);
      throw new AppException('VERSION_CONFLICT', {
        params: { current: current.version },
        extra: { current: await this.access.view(current, call) },
      });
    }
    return this.access.view(await this.access.mustFind(auth, id), call);
  }

  async withdraw(auth: AuthContext, id: string, requestId: string | null): Promise<DossierView> {
    const visible = await this.access.mustFind(auth, id);
    await this.dataSource.transaction(async (manager) => {
      // Lock order of every lifecycle write: the call (FOR SHARE: its phase cannot change under us), then the dossier.
      const { call } = await this.lifecycle.require(visible.callId, 'dossier.withdraw', manager);
      const dossier = await this.dossiers.findForMember(id, auth.user.id, manager, true);
      if (!dossier) throw new AppException('NOT_FOUND');
      await this.access.assertEditable(dossier, call, manager);
      const before = { status: dossier.status };
      dossier.status = 'withdrawn';
      dossier.withdrawnAt = await this.clock.now(manager);
      await this.dossiers.save(dossier, manager);
      await this.notifications.enqueue(
        {
          template: 'dossier.withdrawn',
          recipient: auth.user.email,
          locale: auth.user.locale,
          subjectRef: dossier.reference,
          payload: {
            recipientName: auth.user.displayName,
            reference: dossier.reference,
            title: dossier.title,
            callTitle: call.title,
            withdrawnAtBrussels: formatBrussels(dossier.withdrawnAt),
            dossierUrl: webUrl(this.config.APP_URL, WEB_ROUTES.applicantDossier(dossier.id)),
            sender: mailSender(call.information, this.config.LETTER_SETTINGS_FILE),
          },
        },
        manager,
      );
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'dossier.withdrawn',
          entityType: 'dossier',
          entityId: id,
          before,
          after: { status: 'withdrawn' },
          requestId,
        },
        manager,
      );
    });
    return this.access.get(auth, id);
  }
}
