import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProposalView, RankingRow } from '@portal/contracts';
import {
  rankDossiers,
  selectionIssues,
  selectionProposal,
  type RankedDossier,
  type SelectionDossier,
} from '@portal/domain';
import { AppException, AuditRepository, CallLifecycleRepository, type CallEntity } from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { throwIfIssues } from '../common/rule-issues';
import { ApprovalService } from './approval.service';
import { AssessmentRepository, submittedContent } from './assessment.repository';
import { ProposalRepository } from './proposal.repository';
import { ScoresService } from './scores.service';

export interface ProposalInput {
  marginRule: 'skip' | 'partial';
  envelopes?: Array<{ code: string; budgetCents: number }>;
  envelopeOf?: Record<string, string>;
  overrides?: Array<{ dossierId: string; decision: 'select' | 'exclude'; motivation: string }>;
  adjustments?: Array<{ dossierId: string; adjustedCents: number; motivation: string }>;
  reserveSize?: number;
}

/** The ranking of the admissible dossiers, and the selection proposal computed from it within the budget. */
@Injectable()
export class RankingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AssessmentRepository,
    private readonly proposals: ProposalRepository,
    private readonly lifecycle: CallLifecycleRepository,
    private readonly scores: ScoresService,
    private readonly approval: ApprovalService,
    private readonly audit: AuditRepository,
  ) {}

  /** Same data, same ranking: the consensus (or rounded mean) scores of the admissible dossiers, by the call's rule. */
  async ranking(
    callId: string,
    manager?: EntityManager,
  ): Promise<{ call: CallEntity; rows: RankingRow[]; ranked: RankedDossier[] }> {
    const { scores, dossiers } = await this.scores.scoresWithDossiers(callId, manager);
    const call = (await this.lifecycle.read(callId, manager))!.call;
    const entries = new Map(dossiers.map((e) => [e.dossier.id, e]));
    const ranked = rankDossiers(
      call.criteria,
      call.tieBreak,
      scores.map((s) => {
        const entry = entries.get(s.dossierId)!;
        return {
          dossierId: s.dossierId,
          reference: entry.dossier.reference!,
          submittedAt: entry.submission.submittedAt.toISOString(),
          requestedCents: submittedContent(entry).requestedCents,
          scores: s.effective,
        };
      }),
    );
    const effective = new Map(scores.map((s) => [s.dossierId, s.effective]));
    const rows = ranked.map((r) => ({
      rank: r.rank,
      dossierId: r.dossierId,
      reference: r.reference,
      applicantName: entries.get(r.dossierId)!.applicant.legalName,
      // The decision is about the submitted version: its title, never the working copy's.
      title: submittedContent(entries.get(r.dossierId)!).title,
      requestedCents: r.requestedCents,
      submittedAt: r.submittedAt,
      total: r.total,
      scores: effective.get(r.dossierId) ?? {},
      complete: r.complete,
      sufficient: r.sufficient,
      failingCriteria: r.failingCriteria,
      tieBrokenBy: r.tieBrokenBy,
    }));
    return { call, rows, ranked };
  }

  /**
   * A new draft proposal. It records what it was computed from (`assessment_fingerprint`) and how many reviews were
   * still open: the database refuses to send or approve it once either says it is out of date.
   */
  async propose(
    auth: AuthContext,
    callId: string,
    input: ProposalInput,
    requestId: string | null,
  ): Promise<ProposalView> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.lifecycle.lock(callId, 'update', manager))) throw new AppException('NOT_FOUND');
      const latest = await this.proposals.latestProposal(callId, manager, true);
      if (latest?.status === 'approved' || latest?.status === 'sent')
        throw new AppException('PROPOSAL_STATE', { params: { status: latest.status } });
      await this.lifecycle.enterAssessment(callId, 'proposal.compute', manager);
      const { call, ranked } = await this.ranking(callId, manager);
      const adjustments = new Map((input.adjustments ?? []).map((a) => [a.dossierId, a]));
      const dossiers: SelectionDossier[] = ranked.map((r) => ({
        dossierId: r.dossierId,
        rank: r.rank,
        complete: r.complete,
        sufficient: r.sufficient,
        requestedCents: r.requestedCents,
        adjustedCents: adjustments.get(r.dossierId)?.adjustedCents ?? null,
        envelope: input.envelopeOf?.[r.dossierId] ?? null,
      }));
      const selectionInput = {
        dossiers,
        budgetCents: call.budgetCents,
        marginRule: input.marginRule,
        envelopes: input.envelopes,
        reserveSize: input.reserveSize,
        overrides: input.overrides,
      };
      const issues = selectionIssues(selectionInput);
      throwIfIssues('VALIDATION_FAILED', issues);
      const proposal = selectionProposal(selectionInput);
      const byId = new Map(ranked.map((r) => [r.dossierId, r]));
      const overrides = new Map((input.overrides ?? []).map((o) => [o.dossierId, o]));
      const lines = proposal.lines.map((line) => ({
        ...line,
        reference: byId.get(line.dossierId)!.reference,
        requestedCents: byId.get(line.dossierId)!.requestedCents,
        adjustedCents: adjustments.get(line.dossierId)?.adjustedCents ?? null,
        total: byId.get(line.dossierId)!.total,
        motivation: overrides.get(line.dossierId)?.motivation ?? adjustments.get(line.dossierId)?.motivation ?? null,
      }));
      const openReviews = await this.lifecycle.openReviews(callId, manager);
      const saved = await this.proposals.saveProposal(
        {
          callId,
          status: 'draft',
          marginRule: input.marginRule,
          envelopes: input.envelopes ?? [],
          lines,
          overrides: input.overrides ?? [],
          adjustments: input.adjustments ?? [],
          grantedCents: proposal.grantedCents,
          fingerprint: await this.lifecycle.fingerprint(callId, manager),
          openReviews: openReviews.length,
          createdBy: auth.user.id,
        },
        manager,
      );
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'proposal.created',
          entityType: 'call',
          entityId: callId,
          after: {
            proposalId: saved.id,
            marginRule: input.marginRule,
            grantedCents: proposal.grantedCents,
            overrides: input.overrides ?? [],
            adjustments: input.adjustments ?? [],
            openReviews: openReviews.length,
          },
          requestId,
        },
        manager,
      );
      return this.approval.view(call, saved, manager);
    });
  }
}
