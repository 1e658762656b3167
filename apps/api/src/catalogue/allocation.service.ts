import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WEB_ROUTES, webUrl, type CatalogueAllocationView } from '@portal/contracts';
import {
  actionBudgetsFromCatalogue,
  allocate,
  formatEuro,
  subscriptionAsks,
  subscriptionIssues,
  subscriptionTotals,
  type AllocationAsk,
  type ApprovalStep,
} from '@portal/domain';
import {
  AppConfig,
  AppException,
  AuditRepository,
  CallLifecycleRepository,
  NotificationRepository,
  type AllocationSubscriber,
  type CatalogueAllocationEntity,
  DatabaseClock,
} from '@portal/server';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { mailSender } from '../notifications/mail-sender';
import type { ApprovalKind, StepWork } from '../assessment/approval-workflow';
import { recordApproval, runApprovalTransaction } from '../assessment/approval-workflow';
import { catalogueOfCall } from '../dossiers/subscription-rules';
import { actionTexts, allocationView } from './allocation-view';
import { CatalogueRepository } from './catalogue.repository';

/** The date and reference of the minister's decision (ministerieel besluit). */
interface MinisterialDecision {
  decisionDate: string;
  decisionReference: string;
}

type Work = [apply: StepWork<CatalogueAllocationEntity>, afterStage?: StepWork<CatalogueAllocationEntity>];

/**
 * The allocation of a catalogue call's budget over the submitted subscriptions, by priority rounds (libs/domain
 * `allocate`): the administration computes and sends it, the minister returns or approves it, as for project calls.
 */
@Injectable()
export class AllocationService {
  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    private readonly repository: CatalogueRepository,
    readonly clock: DatabaseClock,
    readonly lifecycle: CallLifecycleRepository,
    readonly notifications: NotificationRepository,
    readonly audit: AuditRepository,
    private readonly config: AppConfig,
  ) {}

  /** Computes a new draft allocation from the last submitted version of every subscription (after the deadline). */
  async compute(auth: AuthContext, callId: string, requestId: string | null): Promise<CatalogueAllocationView> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.lifecycle.lock(callId, 'update', manager);
      if (!locked) throw new AppException('NOT_FOUND');
      catalogueOfCall(locked.call);
      const latest = await this.repository.latestAllocation(callId, manager, true);
      if (latest?.status === 'sent' || latest?.status === 'approved')
        throw new AppException('ALLOCATION_STATE', { params: { status: latest.status } });
      const { call } = await this.lifecycle.enterAssessment(callId, 'proposal.compute', manager);
      const catalogue = catalogueOfCall(call);
      const subscriptions = await this.repository.submittedSubscriptions(callId, ['submitted'], manager);
      // Every submission passed subscriptionIssues; one that no longer does (edited by hand) is left out, not guessed at.
      const valid = subscriptions.filter(
        (s) =>
          subscriptionIssues(catalogue, { ...s.subscription, ownContributionCents: s.ownContributionCents }).length ===
          0,
      );
      if (valid.length === 0) throw new AppException('NO_SUBSCRIPTIONS');
      const asks: AllocationAsk[] = valid.flatMap((s) =>
        subscriptionAsks(s.dossierId, catalogue, { ...s.subscription, ownContributionCents: s.ownContributionCents }),
      );
      const actionBudgets = actionBudgetsFromCatalogue(catalogue);
      const result = allocate({
        budgetCents: call.budgetCents,
        actionBudgets,
        asks,
        actionLabels: Object.fromEntries(actionTexts(catalogue)),
      });
      const subscribers: AllocationSubscriber[] = valid.map((s) => ({
        dossierId: s.dossierId,
        reference: s.reference,
        applicantId: s.applicantId,
        legalName: s.legalName,
        nisCode: s.nisCode,
        submissionNumber: s.submissionNumber,
        contentHash: s.contentHash,
        askedCents: subscriptionTotals(catalogue, { ...s.subscription, ownContributionCents: s.ownContributionCents })
          .totalCents,
        ownContributionCents: s.ownContributionCents,
      }));
      const saved = await this.repository.saveAllocation(
        {
          callId,
          status: 'draft',
          budgetCents: call.budgetCents,
          actionBudgets,
          subscribers,
          result,
          grantedCents: result.totalGrantedCents,
          fingerprint: await this.lifecycle.fingerprint(callId, manager),
          createdBy: auth.user.id,
        },
        manager,
      );
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'allocation.created',
          entityType: 'call',
          entityId: callId,
          after: {
            allocationId: saved.id,
            subscriptions: subscribers.length,
            askedCents: result.totalAskedCents,
            grantedCents: result.totalGrantedCents,
            remainderCents: result.remainderCents,
            marginalRound: result.marginalRound,
          },
          requestId,
        },
        manager,
      );
      return allocationView(call, saved, catalogue);
    });
  }

  async get(callId: string): Promise<CatalogueAllocationView> {
    const call = await this.repository.findCall(callId);
    if (!call) throw new AppException('NOT_FOUND');
    const catalogue = catalogueOfCall(call);
    const latest = await this.repository.latestAllocation(callId);
    if (!latest) throw new AppException('NOT_FOUND');
    return allocationView(call, latest, catalogue);
  }

  async send(auth: AuthContext, callId: string, requestId: string | null): Promise<CatalogueAllocationView> {
    return this.transition(auth, callId, 'send', requestId, () => Promise.resolve());
  }

  /** The minister sends the allocation back with remarks; the administration can compute a new one. */
  returnToAdministration = (auth: AuthContext, callId: string, remarks: string, requestId: string | null) =>
    this.transition(auth, callId, 'return', requestId, (allocation) => {
      allocation.remarks = remarks.trim();
      return Promise.resolve();
    });

  /**
   * The minister's approval, the legal decision: under a lock on the call row; the grants are summed again, written to
   * the subscriptions and summed once more in the database before anything commits; the decision mails go with it.
   */
  async approve(auth: AuthContext, callId: string, ministerial: MinisterialDecision, requestId: string | null) {
    const { decisionDate, decisionReference } = ministerial;
    const grantsOf = (allocation: CatalogueAllocationEntity) =>
      allocation.result.explanations.map((e) => ({ dossierId: e.subscriberId, grantedCents: e.grantedCents }));
    return this.transition(
      auth,
      callId,
      'approve',
      requestId,
      async (allocation, call, manager) => {
        const perDossier = grantsOf(allocation);
        const granted = perDossier.reduce((sum, g) => sum + g.grantedCents, 0);
        // The explanations must add up to the allocation's own total; a row that does not is refused as over budget.
        const checked = granted === allocation.grantedCents ? granted : Number.MAX_SAFE_INTEGER;
        const decision = { date: decisionDate, reference: decisionReference, by: auth.user.id };
        recordApproval(allocation, call, checked, { ...decision, at: await this.clock.now(manager) });
      },
      // After the call is decided: the database gives each subscription exactly what the approved allocation says.
      async (allocation, call, manager) => {
        const perDossier = grantsOf(allocation);
        const awarded = await this.repository.recordGrants(call.id, perDossier, manager);
        if (awarded > call.budgetCents) {
          throw new AppException('BUDGET_EXCEEDED', {
            params: { granted: formatEuro(awarded), budget: formatEuro(call.budgetCents) },
          });
        }
        const subscriptions = await this.repository.submittedSubscriptions(call.id, ['awarded', 'rejected'], manager);
        const owners = new Map(
          (
            await this.repository.users(
              subscriptions.map((s) => s.createdBy),
              manager,
            )
          ).map((u) => [u.id, u]),
        );
        const byDossier = new Map(perDossier.map((g) => [g.dossierId, g.grantedCents]));
        const sender = mailSender(call.information, this.config.LETTER_SETTINGS_FILE);
        for (const subscription of subscriptions) {
          const owner = owners.get(subscription.createdBy);
          const grantedCents = byDossier.get(subscription.dossierId);
          if (!owner || grantedCents === undefined) continue;
          await this.notifications.enqueue(
            {
              template: 'dossier.decision',
              recipient: owner.email,
              locale: owner.locale,
              subjectRef: subscription.reference,
              payload: {
                recipientName: owner.displayName,
                reference: subscription.reference,
                title: `Intekening ${subscription.legalName}`,
                callTitle: call.title,
                outcome: grantedCents > 0 ? 'selected' : 'rejected',
                reason: 'budget-exhausted',
                grantedEuro: formatEuro(grantedCents),
                decisionDate,
                decisionReference: decisionReference.trim(),
                dossierUrl: webUrl(this.config.APP_URL, WEB_ROUTES.applicantDossier(subscription.dossierId)),
                sender,
              },
            },
            manager,
          );
        }
      },
    );
  }

  private readonly allocations: ApprovalKind<CatalogueAllocationEntity, CatalogueAllocationView> = {
    kind: 'allocation',
    stateCode: 'ALLOCATION_STATE',
    latest: async (callId, manager) => {
      const found = await this.repository.findCall(callId, manager);
      if (found) catalogueOfCall(found);
      return this.repository.latestAllocation(callId, manager, true);
    },
    save: (allocation, manager) => this.repository.saveAllocation(allocation, manager),
    view: (call, allocation) => allocationView(call, allocation, catalogueOfCall(call)),
    ministers: (manager) => this.repository.ministers(manager),
    fundedCount: (allocation) => allocation.result.explanations.filter((e) => e.grantedCents > 0).length,
  };

  private transition(auth: AuthContext, callId: string, step: ApprovalStep, requestId: string | null, ...work: Work) {
    const [apply, afterStage] = work;
    const request = { actorUserId: auth.user.id, callId, step, requestId, apply, afterStage };
    return runApprovalTransaction(this, this.allocations, request);
  }
}
