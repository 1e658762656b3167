import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProposalSummary, ProposalView } from '@portal/contracts';
import { type ApprovalStep } from '@portal/domain';
import {
  AppConfig,
  AppException,
  AuditRepository,
  CallLifecycleRepository,
  NotificationRepository,
  type CallEntity,
  type SelectionProposalEntity,
  DatabaseClock,
} from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { recordApproval, runApprovalTransaction, type ApprovalKind, type StepWork } from './approval-workflow';
import { AssessmentRepository } from './assessment.repository';
import { BudgetDecisionService } from './budget-decision.service';
import { enqueueDecisionMails } from './decision-mail';
import { ProposalRepository } from './proposal.repository';

type Work = [apply: StepWork<SelectionProposalEntity>, afterStage?: StepWork<SelectionProposalEntity>];

type Line = { dossierId: string; outcome: string; grantedCents: number; reason: string };

/** The selection proposal on its way to the minister, and the minister's decision on it. */
@Injectable()
export class ApprovalService {
  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    private readonly repository: AssessmentRepository,
    private readonly proposalsRepository: ProposalRepository,
    readonly lifecycle: CallLifecycleRepository,
    readonly clock: DatabaseClock,
    private readonly budgets: BudgetDecisionService,
    readonly notifications: NotificationRepository,
    readonly audit: AuditRepository,
    private readonly config: AppConfig,
  ) {}

  /** The latest proposal of every call, newest first; the minister sees only what was sent to them (or decided). */
  async proposals(auth: AuthContext): Promise<ProposalSummary[]> {
    const minister = !auth.user.roles.includes('admin');
    return (await this.proposalsRepository.summaries())
      .filter((r) => !minister || r.status === 'sent' || r.status === 'approved')
      .map((r) => ({ ...r, sentAt: r.sentAt?.toISOString() ?? null, approvedAt: r.approvedAt?.toISOString() ?? null }))
      .sort((a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? ''));
  }

  async proposal(callId: string): Promise<ProposalView> {
    const found = await this.lifecycle.read(callId);
    const latest = found ? await this.proposalsRepository.latestProposal(callId) : null;
    if (!found || !latest) throw new AppException('NOT_FOUND');
    return this.view(found.call, latest);
  }

  async send(auth: AuthContext, callId: string, requestId: string | null): Promise<ProposalView> {
    return this.step(auth, callId, 'send', requestId, () => Promise.resolve());
  }

  async returnToAdministration(
    auth: AuthContext,
    callId: string,
    remarks: string,
    requestId: string | null,
  ): Promise<ProposalView> {
    return this.step(auth, callId, 'return', requestId, async (proposal) => {
      proposal.remarks = remarks.trim();
    });
  }

  /**
   * The minister's approval: the legal decision. Under the call lock, on a proposal whose inputs did not change and
   * with no review open; the proposal is approved and the call decided first, then each dossier receives exactly
   * the outcome and amount of its line (the database refuses anything else) and the budget is checked again.
   */
  async approve(
    auth: AuthContext,
    callId: string,
    decisionDate: string,
    decisionReference: string,
    requestId: string | null,
  ): Promise<ProposalView> {
    return this.step(
      auth,
      callId,
      'approve',
      requestId,
      async (proposal, call, manager) => {
        const lines = proposal.lines as unknown as Line[];
        const granted = lines.reduce((sum, line) => sum + (line.outcome === 'selected' ? line.grantedCents : 0), 0);
        const decision = { date: decisionDate, reference: decisionReference, by: auth.user.id };
        recordApproval(proposal, call, granted, { ...decision, at: await this.clock.now(manager) });
      },
      async (proposal, call, manager) => {
        const lines = proposal.lines as unknown as Line[];
        const previous = new Map(
          (
            await this.repository.dossierStatuses(
              lines.map((l) => l.dossierId),
              manager,
            )
          ).map((row) => [row.id, row]),
        );
        for (const line of lines) {
          if (line.outcome === 'reserve') continue;
          const after = {
            status: line.outcome === 'selected' ? ('awarded' as const) : ('rejected' as const),
            grantedCents: line.outcome === 'selected' ? line.grantedCents : 0,
          };
          await this.repository.recordDecision(line.dossierId, after, manager);
          // The decision changes each dossier's state: its own audit trail shows it, not only the call's.
          const before = previous.get(line.dossierId);
          await this.audit.record(
            {
              actorUserId: auth.user.id,
              action: 'dossier.decided',
              entityType: 'dossier',
              entityId: line.dossierId,
              before: before ? { status: before.status, grantedCents: before.grantedCents } : null,
              after: { ...after, proposalId: proposal.id, decisionDate, decisionReference: decisionReference.trim() },
              requestId,
            },
            manager,
          );
        }
        await this.proposalsRepository.assertAwardedWithinBudget(call, manager);
        await enqueueDecisionMails(
          this.notifications,
          this.repository,
          manager,
          call,
          lines,
          { date: decisionDate, reference: decisionReference },
          this.config,
        );
      },
    );
  }

  async view(call: CallEntity, proposal: SelectionProposalEntity, manager?: EntityManager): Promise<ProposalView> {
    const names = await this.repository.applicantNames(call.id, manager);
    const lines = proposal.lines as unknown as Array<ProposalView['lines'][number]>;
    // The decision is about the submitted versions: their titles, never the working copies'.
    const submissions = await this.repository.lastSubmissions(
      lines.map((l) => l.dossierId),
      manager,
    );
    const envelopes = proposal.envelopes.map((envelope) => {
      const granted = lines
        .filter((l) => l.envelope === envelope.code && l.outcome === 'selected')
        .reduce((sum, l) => sum + l.grantedCents, 0);
      return { ...envelope, grantedCents: granted, remainingCents: envelope.budgetCents - granted };
    });
    const open = proposal.status === 'approved' ? [] : await this.lifecycle.openReviews(call.id, manager);
    const stale =
      proposal.status !== 'approved' && proposal.fingerprint !== (await this.lifecycle.fingerprint(call.id, manager));
    return {
      id: proposal.id,
      callId: call.id,
      status: proposal.status,
      marginRule: proposal.marginRule,
      budgetCents: call.budgetCents,
      grantedCents: proposal.grantedCents,
      remainingCents: call.budgetCents - proposal.grantedCents,
      envelopes,
      lines: lines.map((line) => ({
        ...line,
        applicantName: names.get(line.dossierId) ?? '',
        title: (submissions.get(line.dossierId)?.content as { title?: string } | undefined)?.title ?? '',
      })),
      remarks: proposal.remarks,
      decisionDate: proposal.decisionDate,
      decisionReference: proposal.decisionReference,
      approvedAt: proposal.approvedAt?.toISOString() ?? null,
      createdAt: proposal.createdAt.toISOString(),
      stale,
      openReviews: open.map((r) => ({ reference: r.reference, reviewerName: r.reviewerName })),
      budgetDecisions: await this.budgets.list(call.id, manager),
    };
  }

  private readonly selectionProposals: ApprovalKind<SelectionProposalEntity, ProposalView> = {
    kind: 'proposal',
    stateCode: 'PROPOSAL_STATE',
    latest: (callId, manager) => this.proposalsRepository.latestProposal(callId, manager, true),
    save: (proposal, manager) => this.proposalsRepository.saveProposal(proposal, manager),
    view: (call, proposal, manager) => this.view(call, proposal, manager),
    ministers: (manager) => this.repository.ministers(manager),
    fundedCount: (proposal) => proposal.lines.filter((l) => l.outcome === 'selected').length,
  };

  private step(auth: AuthContext, callId: string, step: ApprovalStep, requestId: string | null, ...work: Work) {
    const [apply, afterStage] = work;
    const request = { actorUserId: auth.user.id, callId, step, requestId, apply, afterStage };
    return runApprovalTransaction(this, this.selectionProposals, request);
  }
}
