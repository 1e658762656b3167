import { Injectable } from '@nestjs/common';
import type { DossierSummary, DossierView } from '@portal/contracts';
import { dossierSubmissionIssues, formatBrussels, totalCostCents, callPhase, type RuleIssue } from '@portal/domain';
import { AppException, type AttachmentEntity, CallEntity, DossierEntity, DatabaseClock } from '@portal/server';
import { EntityManager } from 'typeorm';
import { CallRepository } from '../calls/call.repository';
import type { AuthContext } from '../common/request-context';
import { DossierRepository } from './dossier.repository';

import { callRules, contentOf, hashOf, submittedContent, toAttachmentView } from './dossier-content';
import { catalogueOfCall, subscriptionSubmissionIssues } from './subscription-rules';

/** Who may read a dossier, whether it can still change (the call's phase), and its view. */
@Injectable()
export class DossierAccess {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly calls: CallRepository,
    private readonly clock: DatabaseClock,
  ) {}

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

  async mustFind(auth: AuthContext, id: string): Promise<DossierEntity> {
    const dossier = await this.dossiers.findForMember(id, auth.user.id);
    if (!dossier) throw new AppException('NOT_FOUND');
    return dossier;
  }

  async mustCall(id: string, manager?: EntityManager): Promise<CallEntity> {
    const call = await this.calls.findById(id, manager);
    if (!call) throw new AppException('NOT_FOUND');
    return call;
  }

  /** The applicant edits while the call is open (the lifecycle's 'published' phase) and the dossier is live. */
  async assertEditable(dossier: DossierEntity, call: CallEntity, manager?: EntityManager): Promise<void> {
    const phase = callPhase(call, await this.clock.now(manager));
    if (phase === 'decided') throw new AppException('CALL_DECIDED');
    if (!['draft', 'submitted'].includes(dossier.status)) throw new AppException('DOSSIER_READ_ONLY');
    if (phase !== 'published')
      throw new AppException('DEADLINE_PASSED', { params: { closesAt: formatBrussels(call.closesAt) } });
  }

  async view(dossier: DossierEntity, knownCall?: CallEntity): Promise<DossierView> {
    const call = knownCall ?? (await this.mustCall(dossier.callId));
    const [attachments, timeline, now, applicant] = await Promise.all([
      this.dossiers.attachments(dossier.id),
      this.dossiers.timeline(dossier.id),
      this.clock.now(),
      dossier.applicant ? Promise.resolve(dossier.applicant) : this.dossiers.applicantOf(dossier.applicantId),
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
      editable: ['draft', 'submitted'].includes(dossier.status) && callPhase(call, now) === 'published',
      call: {
        id: call.id,
        code: call.code,
        title: call.title,
        closesAt: call.closesAt.toISOString(),
        maxRequestedCents: call.maxRequestedCents,
      },
      applicant: { id: applicant.id, legalName: applicant.legalName },
      timeline: timeline.map((event) => ({ at: event.occurredAt.toISOString(), action: event.action })),
      issues: ['draft', 'submitted'].includes(dossier.status) ? draftIssues(call, dossier, attachments) : [],
      updatedAt: dossier.updatedAt.toISOString(),
    };
  }
}

/** What would stop a submission of the working copy now: the same rules as the submit, shown next to each field. */
function draftIssues(call: CallEntity, dossier: DossierEntity, attachments: AttachmentEntity[]): RuleIssue[] {
  if (call.kind !== 'catalogue') return dossierSubmissionIssues(callRules(call), contentOf(dossier, attachments));
  return call.catalogue ? subscriptionSubmissionIssues(catalogueOfCall(call), dossier) : [];
}
