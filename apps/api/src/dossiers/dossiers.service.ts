import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type {
  AttachmentView,
  DossierDraftInput,
  DossierSummary,
  DossierView,
  SubmissionReceipt,
} from '@portal/contracts';
import {
  canonicalJson,
  costLimitCents,
  dossierDraftIssues,
  dossierReference,
  dossierSubmissionIssues,
  eligibilityIssue,
  formatBrussels,
  formatEuro,
  totalCostCents,
  type DossierCallRules,
  type DossierContent,
  type RuleIssue,
} from '@portal/domain';
import {
  AppConfig,
  AppException,
  ApplicantEntity,
  AttachmentEntity,
  AuditRepository,
  CallEntity,
  DossierEntity,
  DossierSubmissionEntity,
  NotificationRepository,
} from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicantRepository } from '../applicants/applicant.repository';
import { CallRepository } from '../calls/call.repository';
import type { AuthContext } from '../common/request-context';
import { AttachmentStorage } from './attachment-storage';
import { MAX_ATTACHMENT_BYTES, safeFilename, sniffContentType } from './content-type';
import { DossierRepository } from './dossier.repository';
import { assertSubscriptionSubmittable } from './subscription-rules';

const EDITABLE_FIELDS = [
  'title',
  'summary',
  'answers',
  'projectStart',
  'projectEnd',
  'budgetLines',
  'ownContributionCents',
  'otherIncomeCents',
  'requestedCents',
] as const;

function contentOf(dossier: DossierEntity, attachments: AttachmentEntity[]): DossierContent {
  return {
    title: dossier.title,
    summary: dossier.summary,
    answers: dossier.answers,
    projectStart: dossier.projectStart,
    projectEnd: dossier.projectEnd,
    budgetLines: dossier.budgetLines,
    ownContributionCents: dossier.ownContributionCents,
    otherIncomeCents: dossier.otherIncomeCents,
    requestedCents: dossier.requestedCents,
    attachmentKinds: attachments.map((attachment) => attachment.kind),
  };
}

/** What a submission freezes: the fields plus each attachment's name and SHA-256. */
function submittedContent(dossier: DossierEntity, attachments: AttachmentEntity[]) {
  const { attachmentKinds: _kinds, ...fields } = contentOf(dossier, attachments);
  return {
    ...fields,
    // Only subscriptions (catalogue calls) have one: project dossiers keep the hashes they always had.
    ...(dossier.subscription ? { subscription: dossier.subscription } : {}),
    attachments: attachments
      .map((a) => ({ id: a.id, kind: a.kind, filename: a.filename, sha256: a.sha256, sizeBytes: a.sizeBytes }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

function hashOf(content: object): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

function callRules(call: CallEntity): DossierCallRules {
  return call;
}

function toAttachmentView(attachment: AttachmentEntity): AttachmentView {
  return {
    id: attachment.id,
    kind: attachment.kind,
    filename: attachment.filename,
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
    uploadedAt: attachment.createdAt.toISOString(),
  };
}

function toReceipt(submission: DossierSubmissionEntity): SubmissionReceipt {
  return {
    dossierId: submission.dossierId,
    reference: submission.reference,
    submittedAt: submission.submittedAt.toISOString(),
    contentHash: submission.contentHash,
    submissionNumber: submission.number,
  };
}

function issuesToErrors(issues: RuleIssue[]) {
  return issues.map(({ field, code, message }) => ({ field, code, message }));
}

@Injectable()
export class DossiersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossiers: DossierRepository,
    private readonly calls: CallRepository,
    private readonly applicants: ApplicantRepository,
    private readonly storage: AttachmentStorage,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationRepository,
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
    const ineligible = eligibilityIssue(call, applicant);
    if (ineligible) {
      throw new AppException('INELIGIBLE_APPLICANT', {
        params: { reason: ineligible.nl },
        errors: [{ field: 'applicantId', code: 'ineligible', message: ineligible }],
      });
    }
    const created = await this.dataSource.transaction(async (manager) => {
      const slot = call.oneDossierPerApplicant ? 0 : await this.dossiers.nextSlot(callId, applicantId, manager);
      if (call.oneDossierPerApplicant) {
        const live = await this.dossiers.findLive(callId, applicantId, manager);
        if (live) return null;
      }
      const id = await this.dossiers.insertLiveIfOpen({ callId, applicantId, slot, createdBy: auth.user.id }, manager);
      if (id) {
        await this.audit.record(
          {
            actorUserId: auth.user.id,
            action: 'dossier.created',
            entityType: 'dossier',
            entityId: id,
            after: { callId, applicantId },
            requestId,
          },
          manager,
        );
      }
      return id;
    });
    const live = created
      ? await this.dossiers.findForMember(created, auth.user.id)
      : await this.dossiers.findLive(callId, applicantId);
    if (!live) {
      const now = await this.calls.now();
      if (now > call.closesAt)
        throw new AppException('DEADLINE_PASSED', { params: { closesAt: formatBrussels(call.closesAt) } });
      throw new AppException('CALL_NOT_OPEN');
    }
    return { dossier: await this.view(live, call), created: created !== null };
  }

  async get(auth: AuthContext, id: string): Promise<DossierView> {
    return this.view(await this.mustFind(auth, id));
  }

  async mine(auth: AuthContext): Promise<DossierSummary[]> {
    const rows = await this.dossiers.listForUser(auth.user.id);
    return Promise.all(
      rows.map(async (dossier) => ({
        id: dossier.id,
        reference: dossier.reference,
        status: dossier.status,
        title: dossier.title,
        requestedCents: dossier.requestedCents,
        submittedAt: dossier.submittedAt?.toISOString() ?? null,
        hasUnsubmittedChanges:
          dossier.status === 'submitted' &&
          dossier.lastContentHash !== hashOf(submittedContent(dossier, await this.dossiers.attachments(dossier.id))),
        updatedAt: dossier.updatedAt.toISOString(),
        call: { id: dossier.call!.id, title: dossier.call!.title, closesAt: dossier.call!.closesAt.toISOString() },
        applicant: { id: dossier.applicant!.id, legalName: dossier.applicant!.legalName },
      })),
    );
  }

  /** Autosave: only with the version the client last saw, only while the call is open, never a wrong amount. */
  async saveDraft(auth: AuthContext, id: string, version: number, patch: DossierDraftInput): Promise<DossierView> {
    const dossier = await this.mustFind(auth, id);
    const call = await this.mustCall(dossier.callId);
    await this.assertEditable(dossier, call);
    const changes: Partial<DossierEntity> = {};
    for (const field of EDITABLE_FIELDS) {
      if (patch[field] !== undefined) Object.assign(changes, { [field]: patch[field] });
    }
    if (changes.answers) changes.answers = { ...dossier.answers, ...changes.answers };
    const merged = Object.assign(Object.create(DossierEntity.prototype) as DossierEntity, dossier, changes);
    const issues = dossierDraftIssues(callRules(call), contentOf(merged, await this.dossiers.attachments(id)));
    if (issues.length) {
      const first = issues[0].code;
      const code =
        first === 'AMOUNT_ABOVE_CAP'
          ? 'AMOUNT_ABOVE_CAP'
          : first === 'AMOUNT_ABOVE_COST'
            ? 'AMOUNT_ABOVE_COST'
            : first === 'PERIOD_OUTSIDE_CALL'
              ? 'PERIOD_OUTSIDE_CALL'
              : 'VALIDATION_FAILED';
      const limit = costLimitCents(merged);
      throw new AppException(code, {
        params: {
          cap: formatEuro(call.maxRequestedCents),
          limit: formatEuro(limit),
          start: call.projectStart,
          end: call.projectEnd,
        },
        errors: issuesToErrors(issues),
      });
    }
    if (!(await this.dossiers.updateDraftIfCurrent(id, version, changes))) {
      const current = await this.mustFind(auth, id);
      await this.assertEditable(current, call);
      throw new AppException('VERSION_CONFLICT', {
        params: { current: current.version },
        extra: { current: await this.view(current, call) },
      });
    }
    return this.view(await this.mustFind(auth, id), call);
  }

  async addAttachment(
    auth: AuthContext,
    id: string,
    kind: string,
    file: { buffer: Buffer; originalname: string; size: number } | undefined,
  ): Promise<AttachmentView> {
    const dossier = await this.mustFind(auth, id);
    const call = await this.mustCall(dossier.callId);
    await this.assertEditable(dossier, call);
    if (!call.attachments.some((requirement) => requirement.code === kind)) {
      throw new AppException('VALIDATION_FAILED', {
        errors: [
          {
            field: 'kind',
            code: 'unknownAttachment',
            message: { nl: 'Onbekend soort bijlage.', en: 'Unknown kind of attachment.' },
          },
        ],
      });
    }
    if (!file || file.size === 0) {
      throw new AppException('VALIDATION_FAILED', {
        errors: [{ field: 'file', code: 'required', message: { nl: 'Kies een bestand.', en: 'Choose a file.' } }],
      });
    }
    if (file.size > MAX_ATTACHMENT_BYTES) throw new AppException('ATTACHMENT_TOO_LARGE');
    const contentType = await sniffContentType(file.buffer);
    if (!contentType) throw new AppException('ATTACHMENT_TYPE_REFUSED');
    const sha256 = await this.storage.store(file.buffer);
    const attachment = await this.dataSource.transaction(async (manager) => {
      const saved = await this.dossiers.insertAttachment(
        {
          dossierId: id,
          kind,
          filename: safeFilename(file.originalname, contentType),
          contentType,
          sizeBytes: file.size,
          sha256,
          uploadedBy: auth.user.id,
        },
        manager,
      );
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'dossier.attachment_added',
          entityType: 'dossier',
          entityId: id,
          after: { attachmentId: saved.id, kind, sha256 },
        },
        manager,
      );
      return saved;
    });
    return toAttachmentView(attachment);
  }

  async removeAttachment(auth: AuthContext, id: string, attachmentId: string): Promise<void> {
    const dossier = await this.mustFind(auth, id);
    await this.assertEditable(dossier, await this.mustCall(dossier.callId));
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.dossiers.markAttachmentRemoved(id, attachmentId, manager))) throw new AppException('NOT_FOUND');
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'dossier.attachment_removed',
          entityType: 'dossier',
          entityId: id,
          before: { attachmentId },
        },
        manager,
      );
    });
  }

  /**
   * Submits the working copy. Retries are safe: the same idempotency key, or an unchanged dossier
   * (a double click), returns the receipt already given. On time means on time by the database clock.
   */
  async submit(
    auth: AuthContext,
    id: string,
    idempotencyKey: string | null,
    requestId: string | null,
  ): Promise<SubmissionReceipt> {
    // On deadline day this transaction decides how many submits per second the database takes: every statement is a
    // round trip while the dossier is locked, and from the reference number on, while the call's counter is locked
    // for every other submit of the call. So: as few statements as the rules allow (docs/benchmarks.md).
    return this.dataSource.transaction(async (manager) => {
      const found = await this.dossiers.findForSubmit(id, auth.user.id, idempotencyKey, manager);
      if (!found) throw new AppException('NOT_FOUND');
      const { dossier, earlier, attachments } = found;
      if (earlier) return toReceipt(earlier);
      const content = submittedContent(dossier, attachments);
      const contentHash = hashOf(content);
      if (dossier.status === 'submitted' && dossier.lastContentHash === contentHash) {
        const last = await this.dossiers.lastSubmission(id, manager);
        if (last) return toReceipt(last);
      }
      if (dossier.status === 'withdrawn') throw new AppException('DOSSIER_READ_ONLY');
      const { call, applicant } = dossier;
      const ineligible = eligibilityIssue(call, applicant);
      if (ineligible) throw new AppException('INELIGIBLE_APPLICANT', { params: { reason: ineligible.nl } });
      assertSubscriptionSubmittable(call, dossier);
      const issues =
        call.kind === 'catalogue' ? [] : dossierSubmissionIssues(callRules(call), contentOf(dossier, attachments));
      if (issues.length) throw new AppException('DOSSIER_INCOMPLETE', { errors: issuesToErrors(issues) });

      const reference =
        dossier.reference ?? dossierReference(call.code, await this.dossiers.nextReferenceNumber(call.id, manager));
      const number = dossier.submissionCount + 1;
      // Also marks the dossier submitted, in the same statement.
      const submission = await this.dossiers.recordSubmissionIfOpen(
        {
          dossierId: id,
          callId: call.id,
          number,
          reference,
          content,
          contentHash,
          idempotencyKey,
          submittedBy: auth.user.id,
        },
        manager,
      );
      if (!submission) {
        // Nothing of this transaction is kept, the reference number included.
        throw new AppException('DEADLINE_PASSED', { params: { closesAt: formatBrussels(call.closesAt) } });
      }
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'dossier.submitted',
          entityType: 'dossier',
          entityId: id,
          before: { status: dossier.status, submissionCount: dossier.submissionCount },
          after: {
            status: 'submitted',
            reference,
            submissionNumber: number,
            contentHash,
            submittedAt: submission.submittedAt.toISOString(),
          },
          requestId,
        },
        manager,
      );
      // The confirmation mail is an outbox row of this same transaction: no submission without its mail, and vice versa.
      await this.notifications.enqueue(
        {
          template: 'dossier.submitted',
          recipient: auth.user.email,
          locale: auth.user.locale,
          subjectRef: reference,
          payload: {
            recipientName: auth.user.displayName,
            reference,
            title: dossier.title,
            callTitle: call.title,
            submittedAt: submission.submittedAt.toISOString(),
            submittedAtBrussels: formatBrussels(submission.submittedAt),
            contentHash,
            submissionNumber: number,
            receiptUrl: `${this.config.APP_URL}/aanvrager/dossiers/${id}/ontvangstbewijs`,
          },
        },
        manager,
      );
      return toReceipt(submission);
    });
  }

  async withdraw(auth: AuthContext, id: string, requestId: string | null): Promise<DossierView> {
    await this.dataSource.transaction(async (manager) => {
      const dossier = await this.dossiers.findForMember(id, auth.user.id, manager, true);
      if (!dossier) throw new AppException('NOT_FOUND');
      const call = await this.mustCall(dossier.callId, manager);
      await this.assertEditable(dossier, call, manager);
      const before = { status: dossier.status };
      dossier.status = 'withdrawn';
      dossier.withdrawnAt = await this.calls.now(manager);
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
    return this.get(auth, id);
  }

  async receipt(auth: AuthContext, id: string): Promise<SubmissionReceipt> {
    const dossier = await this.mustFind(auth, id);
    const last = await this.dossiers.lastSubmission(dossier.id);
    if (!last) throw new AppException('NOT_FOUND');
    return toReceipt(last);
  }

  private async mustFind(auth: AuthContext, id: string): Promise<DossierEntity> {
    const dossier = await this.dossiers.findForMember(id, auth.user.id);
    if (!dossier) throw new AppException('NOT_FOUND');
    return dossier;
  }

  private async mustCall(id: string, manager?: EntityManager): Promise<CallEntity> {
    const call = await this.calls.findById(id, manager);
    if (!call) throw new AppException('NOT_FOUND');
    return call;
  }

  private async assertEditable(dossier: DossierEntity, call: CallEntity, manager?: EntityManager): Promise<void> {
    if (dossier.status === 'withdrawn') throw new AppException('DOSSIER_READ_ONLY');
    if ((await this.calls.now(manager)) > call.closesAt) {
      throw new AppException('DEADLINE_PASSED', { params: { closesAt: formatBrussels(call.closesAt) } });
    }
  }

  private async view(dossier: DossierEntity, knownCall?: CallEntity): Promise<DossierView> {
    const call = knownCall ?? (await this.mustCall(dossier.callId));
    const [attachments, timeline, now, applicant] = await Promise.all([
      this.dossiers.attachments(dossier.id),
      this.dossiers.timeline(dossier.id),
      this.calls.now(),
      dossier.applicant
        ? Promise.resolve(dossier.applicant)
        : this.dataSource.manager.findOneByOrFail(ApplicantEntity, { id: dossier.applicantId }),
    ]);
    return {
      id: dossier.id,
      callId: dossier.callId,
      applicantId: dossier.applicantId,
      reference: dossier.reference,
      status: dossier.status,
      version: dossier.version,
      title: dossier.title,
      summary: dossier.summary,
      answers: dossier.answers,
      projectStart: dossier.projectStart,
      projectEnd: dossier.projectEnd,
      budgetLines: dossier.budgetLines,
      totalCostCents: totalCostCents(dossier),
      ownContributionCents: dossier.ownContributionCents,
      otherIncomeCents: dossier.otherIncomeCents,
      requestedCents: dossier.requestedCents,
      attachments: attachments.map(toAttachmentView),
      submittedAt: dossier.submittedAt?.toISOString() ?? null,
      submissionCount: dossier.submissionCount,
      hasUnsubmittedChanges:
        dossier.status === 'submitted' && dossier.lastContentHash !== hashOf(submittedContent(dossier, attachments)),
      editable: dossier.status !== 'withdrawn' && now <= call.closesAt,
      call: {
        id: call.id,
        code: call.code,
        title: call.title,
        closesAt: call.closesAt.toISOString(),
        maxRequestedCents: call.maxRequestedCents,
      },
      applicant: { id: applicant.id, legalName: applicant.legalName },
      timeline: timeline.map((event) => ({ at: event.occurredAt.toISOString(), action: event.action })),
      updatedAt: dossier.updatedAt.toISOString(),
    };
  }
}
