import { Injectable } from '@nestjs/common';
import type { SubscriptionAllocationView, SubscriptionInput, SubscriptionView } from '@portal/contracts';
import { callPhase, canonicalJson, formatBrussels, subscriptionTotals, type Catalogue } from '@portal/domain';
import {
  AppException,
  type CallEntity,
  type DossierEntity,
  type DossierSubscription,
  DatabaseClock,
} from '@portal/server';
import type { AuthContext } from '../common/request-context';
import { DossierRepository } from '../dossiers/dossier.repository';
import {
  catalogueOfCall,
  subscriptionDraftIssues,
  subscriptionOfDossier,
  subscriptionSubmissionIssues,
  throwSubscriptionIssues,
} from '../dossiers/subscription-rules';
import { actionTexts, subscriberView } from './allocation-view';
import { CatalogueRepository } from './catalogue.repository';

/** What a submission froze of a subscription, compared with the working copy. */
function frozen(subscription: DossierSubscription | null | undefined, ownContributionCents: number | undefined) {
  return canonicalJson({ subscription: subscription ?? null, ownContributionCents: ownContributionCents ?? 0 });
}

/**
 * A local government's subscription to a catalogue call. It is the applicant's dossier of that call: started with
 * POST /calls/:id/dossiers, submitted, withdrawn and receipted through the dossier routes; this service edits the
 * subscription itself (autosave with the dossier's version) and shows it with the computed contribution.
 */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly repository: CatalogueRepository,
    private readonly clock: DatabaseClock,
    private readonly dossiers: DossierRepository,
  ) {}

  async get(auth: AuthContext, id: string): Promise<SubscriptionView> {
    const { dossier, call, catalogue } = await this.load(auth, id);
    return this.view(dossier, call, catalogue);
  }

  /**
   * Autosave: only with the version the client last saw, only while the call is open. A draft that breaks a rule is
   * stored and its view lists the issues; unknown rows or actions are refused (ADR 0018).
   */
  async save(auth: AuthContext, id: string, version: number, input: SubscriptionInput): Promise<SubscriptionView> {
    const { dossier, call, catalogue } = await this.load(auth, id);
    await this.assertEditable(dossier, call);
    const subscription: DossierSubscription = {
      lines: input.lines.map(({ rowCode, currentReach, plannedExtraReach }) => ({
        rowCode,
        currentReach,
        plannedExtraReach,
      })),
      priorities: Object.fromEntries(Object.entries(input.priorities)),
    };
    const candidate = { subscription, ownContributionCents: input.ownContributionCents };
    throwSubscriptionIssues(subscriptionDraftIssues(catalogue, subscriptionOfDossier(candidate)));
    const { totalCents } = subscriptionTotals(catalogue, subscriptionOfDossier(candidate));
    const title = dossier.title || `Intekening ${dossier.applicant!.legalName}`.slice(0, 300);
    const saved = await this.dossiers.updateDraftIfCurrent(id, version, {
      subscription,
      ownContributionCents: input.ownContributionCents,
      requestedCents: totalCents,
      title,
    });
    if (!saved) {
      const current = await this.load(auth, id);
      await this.assertEditable(current.dossier, call);
      throw new AppException('VERSION_CONFLICT', {
        params: { current: current.dossier.version },
        extra: { current: await this.view(current.dossier, call, catalogue) },
      });
    }
    return this.get(auth, id);
  }

  /** The allocation of this subscription, once the minister approved one; nothing before. */
  async allocation(auth: AuthContext, id: string): Promise<SubscriptionAllocationView> {
    const { dossier, catalogue } = await this.load(auth, id);
    const approved = await this.repository.approvedAllocation(dossier.callId);
    if (!approved) {
      return { dossierId: id, status: 'pending', decisionDate: null, decisionReference: null, allocation: null };
    }
    return {
      dossierId: id,
      status: 'approved',
      decisionDate: approved.decisionDate,
      decisionReference: approved.decisionReference,
      allocation: subscriberView(approved, id, actionTexts(catalogue)),
    };
  }

  private async load(
    auth: AuthContext,
    id: string,
  ): Promise<{ dossier: DossierEntity; call: CallEntity; catalogue: Catalogue }> {
    const dossier = await this.repository.findDossierForMember(id, auth.user.id);
    if (!dossier) throw new AppException('NOT_FOUND');
    const call = await this.repository.findCall(dossier.callId);
    if (!call) throw new AppException('NOT_FOUND');
    return { dossier, call, catalogue: catalogueOfCall(call) };
  }

  /** As for every dossier: editable while the call is open (the lifecycle's 'published' phase) and the dossier live. */
  private async assertEditable(dossier: DossierEntity, call: CallEntity): Promise<void> {
    const phase = callPhase(call, await this.clock.now());
    if (phase === 'decided') throw new AppException('CALL_DECIDED');
    if (!['draft', 'submitted'].includes(dossier.status)) throw new AppException('DOSSIER_READ_ONLY');
    if (phase !== 'published') {
      throw new AppException('DEADLINE_PASSED', { params: { closesAt: formatBrussels(call.closesAt) } });
    }
  }

  private async view(dossier: DossierEntity, call: CallEntity, catalogue: Catalogue): Promise<SubscriptionView> {
    const [now, last] = await Promise.all([this.clock.now(), this.repository.lastSubmission(dossier.id)]);
    const subscription = subscriptionOfDossier(dossier);
    const lastContent = last?.content as
      { subscription?: DossierSubscription; ownContributionCents?: number } | undefined;
    return {
      dossierId: dossier.id,
      callId: call.id,
      reference: dossier.reference,
      status: dossier.status,
      version: dossier.version,
      editable: ['draft', 'submitted'].includes(dossier.status) && callPhase(call, now) === 'published',
      submittedAt: dossier.submittedAt?.toISOString() ?? null,
      submissionCount: dossier.submissionCount,
      hasUnsubmittedChanges:
        dossier.status === 'submitted' &&
        frozen(lastContent?.subscription, lastContent?.ownContributionCents) !==
          frozen(dossier.subscription, dossier.ownContributionCents),
      call: {
        id: call.id,
        code: call.code,
        title: call.title,
        closesAt: call.closesAt.toISOString(),
        budgetCents: call.budgetCents,
      },
      applicant: {
        id: dossier.applicantId,
        legalName: dossier.applicant?.legalName ?? '',
        nisCode: dossier.applicant?.nisCode ?? null,
      },
      catalogue,
      lines: [...subscription.lines],
      priorities: { ...subscription.priorities },
      ownContributionCents: dossier.ownContributionCents,
      flemishContributionCents: subscriptionTotals(catalogue, subscription).totalCents,
      issues: subscriptionSubmissionIssues(catalogue, dossier),
      updatedAt: dossier.updatedAt.toISOString(),
    };
  }
}
