import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdmissibilityRow, AutomaticCheck, ProposalSummary, ProposalView, RankingRow } from '@portal/contracts';
import {
  dossierDraftIssues,
  dossierSubmissionIssues,
  eligibilityIssue,
  formatBrussels,
  formatEuro,
  rankDossiers,
  selectionIssues,
  selectionProposal,
  type RankedDossier,
  type SelectionDossier,
} from '@portal/domain';
import {
  AdmissibilityDecisionEntity,
  AppException,
  AuditRepository,
  DossierEntity,
  NotificationRepository,
  SelectionProposalEntity,
  UserEntity,
  type CallEntity,
} from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { AssessmentRepository, type SubmittedDossier } from './assessment.repository';
import { enqueueDecisionMails } from './decision-mail';
import { ReviewsService } from './reviews.service';

type SubmittedContent = {
  title: string;
  summary: string;
  answers: Record<string, string | number | null>;
  projectStart: string | null;
  projectEnd: string | null;
  budgetLines: Array<{ description: string; amountCents: number }>;
  ownContributionCents: number;
  otherIncomeCents: number;
  requestedCents: number;
  attachments: Array<{ kind: string }>;
};

/** The automatic admissibility checks, on the version that was submitted. */
export function automaticChecks(call: CallEntity, entry: SubmittedDossier): AutomaticCheck[] {
  const content = entry.submission.content as SubmittedContent;
  const asContent = { ...content, attachmentKinds: content.attachments.map((a) => a.kind) };
  const incomplete = dossierSubmissionIssues(call, asContent).filter(
    (i) => !['AMOUNT_ABOVE_CAP', 'AMOUNT_ABOVE_COST'].includes(i.code),
  );
  const amounts = dossierDraftIssues(call, asContent).filter((i) =>
    ['AMOUNT_ABOVE_CAP', 'AMOUNT_ABOVE_COST'].includes(i.code),
  );
  const ineligible = eligibilityIssue(call, entry.applicant);
  return [
    {
      code: 'on-time',
      passed: entry.submission.submittedAt <= call.closesAt,
      // Shown to the administration as is: Brussels wall-clock time, like every moment on screen.
      detail: formatBrussels(entry.submission.submittedAt),
    },
    {
      code: 'complete',
      passed: incomplete.length === 0,
      detail: incomplete.map((i) => i.field).join(', ') || undefined,
    },
    { code: 'eligible', passed: ineligible === null, detail: ineligible?.nl },
    { code: 'amounts', passed: amounts.length === 0, detail: amounts.map((i) => i.message.nl).join(' ') || undefined },
  ];
}

@Injectable()
export class DecisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AssessmentRepository,
    private readonly reviews: ReviewsService,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditRepository,
  ) {}

  async admissibility(callId: string, onlyDossierId?: string): Promise<AdmissibilityRow[]> {
    const call = await this.reviews.closedCall(callId);
    const dossiers = await this.repository.submittedDossiers(callId, undefined, onlyDossierId);
    const decisions = new Map(
      (await this.repository.admissibility(dossiers.map((d) => d.dossier.id))).map((d) => [d.dossierId, d]),
    );
    return dossiers.map((entry) => ({
      dossierId: entry.dossier.id,
      reference: entry.dossier.reference,
      applicantName: entry.applicant.legalName,
      title: entry.dossier.title,
      requestedCents: (entry.submission.content as SubmittedContent).requestedCents,
      submittedAt: entry.submission.submittedAt.toISOString(),
      checks: automaticChecks(call, entry),
      decision: decisions.get(entry.dossier.id)?.decision ?? null,
      motivation: decisions.get(entry.dossier.id)?.motivation ?? null,
    }));
  }

  /** The manual decision, with a motivation the applicant can read when the dossier leaves the procedure. */
  async decideAdmissibility(
    auth: AuthContext,
    dossierId: string,
    decision: 'admissible' | 'inadmissible',
    motivation: string,
    requestId: string | null,
  ): Promise<AdmissibilityRow> {
    const [row] = await this.repository.manager.query<Array<{ call_id: string }>>(
      'SELECT call_id FROM dossiers WHERE id = $1',
      [dossierId],
    );
    if (!row) throw new AppException('NOT_FOUND');
    const call = await this.reviews.closedCall(row.call_id);
    const [entry] = await this.repository.submittedDossiers(call.id, undefined, dossierId);
    if (!entry) throw new AppException('NOT_FOUND');
    await this.dataSource.transaction(async (manager) => {
      await this.assertNotDecided(call.id, manager);
      await this.writeAdmissibility(manager, auth, call, entry, decision, motivation, requestId);
    });
    return (await this.admissibility(call.id, dossierId))[0];
  }

  /**
   * One motivated decision for many dossiers at once (e.g. every dossier that passed all automatic checks), in one
   * transaction: a grant officer with 300 dossiers does not click 300 times. Decided dossiers are left alone unless
   * named explicitly; a dossier that fails an automatic check is only declared admissible when named explicitly.
   */
  async decideAdmissibilityInBulk(
    auth: AuthContext,
    callId: string,
    input: { decision: 'admissible' | 'inadmissible'; motivation: string; dossierIds?: string[] },
    requestId: string | null,
  ): Promise<AdmissibilityRow[]> {
    const call = await this.reviews.closedCall(callId);
    const entries = await this.repository.submittedDossiers(call.id);
    const decided = new Set(
      (await this.repository.admissibility(entries.map((e) => e.dossier.id))).map((d) => d.dossierId),
    );
    const named = input.dossierIds ? new Set(input.dossierIds) : null;
    if (named) {
      const known = new Set(entries.map((e) => e.dossier.id));
      const unknown = [...named].filter((id) => !known.has(id));
      if (unknown.length) throw new AppException('NOT_FOUND');
    }
    const chosen = entries.filter((entry) =>
      named
        ? named.has(entry.dossier.id)
        : !decided.has(entry.dossier.id) &&
          (input.decision === 'inadmissible' || automaticChecks(call, entry).every((c) => c.passed)),
    );
    await this.dataSource.transaction(async (manager) => {
      await this.assertNotDecided(call.id, manager);
      for (const entry of chosen) {
        await this.writeAdmissibility(manager, auth, call, entry, input.decision, input.motivation, requestId);
      }
    });
    const ids = new Set(chosen.map((e) => e.dossier.id));
    return (await this.admissibility(call.id)).filter((row) => ids.has(row.dossierId));
  }

  private async assertNotDecided(callId: string, manager: EntityManager): Promise<void> {
    const latest = await this.repository.latestProposal(callId, manager);
    if (latest?.status === 'approved') throw new AppException('PROPOSAL_STATE', { params: { status: latest.status } });
  }

  private async writeAdmissibility(
    manager: EntityManager,
    auth: AuthContext,
    call: CallEntity,
    entry: SubmittedDossier,
    decision: 'admissible' | 'inadmissible',
    motivation: string,
    requestId: string | null,
  ): Promise<void> {
    const dossierId = entry.dossier.id;
    const before = await manager.findOne(AdmissibilityDecisionEntity, { where: { dossierId } });
    await manager.upsert(
      AdmissibilityDecisionEntity,
      {
        dossierId,
        decision,
        motivation: motivation.trim(),
        automaticChecks: automaticChecks(call, entry) as never,
        decidedBy: auth.user.id,
      },
      ['dossierId'],
    );
    await manager.update(
      DossierEntity,
      { id: dossierId },
      { status: decision === 'inadmissible' ? 'inadmissible' : 'submitted' },
    );
    const [owner] = await manager.query<Array<{ email: string; display_name: string; locale: 'nl' | 'en' }>>(
      'SELECT u.email, u.display_name, u.locale FROM users u WHERE u.id = $1',
      [entry.dossier.createdBy],
    );
    await this.notifications.enqueue(
      {
        template: 'dossier.admissibility',
        recipient: owner.email,
        locale: owner.locale,
        subjectRef: entry.dossier.reference,
        payload: {
          recipientName: owner.display_name,
          reference: entry.dossier.reference,
          callTitle: call.title,
          decision,
          motivation: motivation.trim(),
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
        before: {
          status: entry.dossier.status,
          decision: before?.decision ?? null,
          motivation: before?.motivation ?? null,
        },
        after: { status: decision === 'inadmissible' ? 'inadmissible' : 'submitted', decision, motivation },
        requestId,
      },
      manager,
    );
  }

  /** Same data, same ranking: the consensus (or rounded mean) scores of the admissible dossiers, by the call's rule. */
  async ranking(
    callId: string,
    manager?: EntityManager,
  ): Promise<{ call: CallEntity; rows: RankingRow[]; ranked: RankedDossier[] }> {
    const call = await this.reviews.closedCall(callId, manager);
    const scores = await this.reviews.scores(callId, manager);
    const entries = new Map((await this.repository.submittedDossiers(callId, manager)).map((e) => [e.dossier.id, e]));
    const ranked = rankDossiers(
      call.criteria,
      call.tieBreak,
      scores.map((s) => {
        const entry = entries.get(s.dossierId)!;
        return {
          dossierId: s.dossierId,
          reference: entry.dossier.reference!,
          submittedAt: entry.submission.submittedAt.toISOString(),
          requestedCents: (entry.submission.content as SubmittedContent).requestedCents,
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
      title: entries.get(r.dossierId)!.dossier.title,
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

  async propose(
    auth: AuthContext,
    callId: string,
    input: {
      marginRule: 'skip' | 'partial';
      envelopes?: Array<{ code: string; budgetCents: number }>;
      envelopeOf?: Record<string, string>;
      overrides?: Array<{ dossierId: string; decision: 'select' | 'exclude'; motivation: string }>;
      adjustments?: Array<{ dossierId: string; adjustedCents: number; motivation: string }>;
      reserveSize?: number;
    },
    requestId: string | null,
  ): Promise<ProposalView> {
    return this.dataSource.transaction(async (manager) => {
      const latest = await this.repository.latestProposal(callId, manager, true);
      if (latest?.status === 'approved' || latest?.status === 'sent')
        throw new AppException('PROPOSAL_STATE', { params: { status: latest.status } });
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
      if (issues.length)
        throw new AppException('VALIDATION_FAILED', {
          errors: issues.map(({ field, code, message }) => ({ field, code, message })),
        });
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
      const saved = await manager.save(
        SelectionProposalEntity,
        manager.create(SelectionProposalEntity, {
          callId,
          status: 'draft',
          marginRule: input.marginRule,
          envelopes: input.envelopes ?? [],
          lines,
          overrides: input.overrides ?? [],
          adjustments: input.adjustments ?? [],
          grantedCents: proposal.grantedCents,
          createdBy: auth.user.id,
        }),
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
          },
          requestId,
        },
        manager,
      );
      return this.view(call, saved, manager);
    });
  }

  /** The latest proposal of every call, newest first; the minister sees only what was sent to them (or decided). */
  async proposals(auth: AuthContext): Promise<ProposalSummary[]> {
    const rows = await this.dataSource.query<
      Array<{
        call_id: string;
        code: string;
        title: string;
        status: ProposalSummary['status'];
        budget_cents: string;
        granted_cents: string;
        selected: string;
        sent_at: Date | null;
        approved_at: Date | null;
        open_promotions: string;
        kind: 'project' | 'catalogue';
      }>
    >(
      `SELECT DISTINCT ON (p.call_id) p.call_id, c.code, c.title, p.status, c.budget_cents, p.granted_cents,
              (SELECT count(*) FROM jsonb_array_elements(p.lines) l WHERE l->>'outcome' = 'selected') AS selected,
              p.sent_at, p.approved_at,
              (SELECT count(*) FROM reserve_promotions r WHERE r.call_id = p.call_id AND r.status = 'proposed') AS open_promotions,
              'project' AS kind
         FROM selection_proposals p JOIN calls c ON c.id = p.call_id
        ORDER BY p.call_id, p.created_at DESC`,
    );
    // Catalogue calls (Plan Samenleven) go through the same approval with an allocation instead of a selection.
    const allocations = await this.dataSource.query<typeof rows>(
      `SELECT DISTINCT ON (a.call_id) a.call_id, c.code, c.title, a.status, a.budget_cents, a.granted_cents,
              jsonb_array_length(a.subscribers) AS selected,
              a.sent_at, a.approved_at, 0 AS open_promotions, 'catalogue' AS kind
         FROM catalogue_allocations a JOIN calls c ON c.id = a.call_id
        ORDER BY a.call_id, a.created_at DESC`,
    );
    rows.push(...allocations);
    const minister = !auth.user.roles.includes('admin');
    return rows
      .filter((r) => !minister || r.status === 'sent' || r.status === 'approved')
      .map((r) => ({
        callId: r.call_id,
        callCode: r.code,
        callTitle: r.title,
        status: r.status,
        budgetCents: Number(r.budget_cents),
        grantedCents: Number(r.granted_cents),
        selectedCount: Number(r.selected),
        sentAt: r.sent_at?.toISOString() ?? null,
        approvedAt: r.approved_at?.toISOString() ?? null,
        openPromotions: Number(r.open_promotions),
        kind: r.kind,
      }))
      .sort((a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? ''));
  }

  async proposal(callId: string): Promise<ProposalView> {
    const call = await this.repository.findCall(callId);
    const latest = call ? await this.repository.latestProposal(callId) : null;
    if (!call || !latest) throw new AppException('NOT_FOUND');
    return this.view(call, latest);
  }

  async send(auth: AuthContext, callId: string, requestId: string | null): Promise<ProposalView> {
    return this.transition(auth, callId, ['draft', 'returned'], 'sent', requestId, async (proposal, call, manager) => {
      proposal.sentAt = await this.repository.now(manager);
      const ministers = await manager.createQueryBuilder(UserEntity, 'u').where(`'minister' = ANY(u.roles)`).getMany();
      for (const minister of ministers) {
        await this.notifications.enqueue(
          {
            template: 'proposal.sent',
            recipient: minister.email,
            locale: minister.locale,
            subjectRef: call.code,
            payload: {
              recipientName: minister.displayName,
              callTitle: call.title,
              grantedEuro: formatEuro(proposal.grantedCents),
              budgetEuro: formatEuro(call.budgetCents),
              count: proposal.lines.filter((l) => l.outcome === 'selected').length,
            },
          },
          manager,
        );
      }
    });
  }

  async returnToAdministration(
    auth: AuthContext,
    callId: string,
    remarks: string,
    requestId: string | null,
  ): Promise<ProposalView> {
    return this.transition(auth, callId, ['sent'], 'returned', requestId, async (proposal) => {
      proposal.remarks = remarks.trim();
    });
  }

  /**
   * The minister's approval: the legal decision. Under a lock on the call row, so two approvals cannot both pass;
   * the budget is checked again in the database on the awarded amounts before anything commits.
   */
  async approve(
    auth: AuthContext,
    callId: string,
    decisionDate: string,
    decisionReference: string,
    requestId: string | null,
  ): Promise<ProposalView> {
    return this.transition(auth, callId, ['sent'], 'approved', requestId, async (proposal, call, manager) => {
      const lines = proposal.lines as Array<{
        dossierId: string;
        outcome: string;
        grantedCents: number;
        reason: string;
      }>;
      const granted = lines.reduce((sum, line) => sum + (line.outcome === 'selected' ? line.grantedCents : 0), 0);
      if (granted > call.budgetCents) {
        throw new AppException('BUDGET_EXCEEDED', {
          params: { granted: formatEuro(granted), budget: formatEuro(call.budgetCents) },
        });
      }
      proposal.decisionDate = decisionDate;
      proposal.decisionReference = decisionReference.trim();
      proposal.approvedBy = auth.user.id;
      proposal.approvedAt = await this.repository.now(manager);
      const previous = new Map(
        (
          await manager.query<Array<{ id: string; status: string; granted_cents: string | null }>>(
            'SELECT id, status, granted_cents FROM dossiers WHERE id = ANY($1::uuid[])',
            [lines.map((l) => l.dossierId)],
          )
        ).map((row) => [row.id, row]),
      );
      for (const line of lines) {
        if (line.outcome === 'reserve') continue;
        const after = {
          status: line.outcome === 'selected' ? ('awarded' as const) : ('rejected' as const),
          grantedCents: line.outcome === 'selected' ? line.grantedCents : 0,
        };
        await manager.update(DossierEntity, { id: line.dossierId }, after);
        // The decision changes each dossier's state: its own audit trail shows it, not only the call's.
        const before = previous.get(line.dossierId);
        await this.audit.record(
          {
            actorUserId: auth.user.id,
            action: 'dossier.decided',
            entityType: 'dossier',
            entityId: line.dossierId,
            before: before
              ? {
                  status: before.status,
                  grantedCents: before.granted_cents === null ? null : Number(before.granted_cents),
                }
              : null,
            after: { ...after, proposalId: proposal.id, decisionDate, decisionReference: decisionReference.trim() },
            requestId,
          },
          manager,
        );
      }
      await this.repository.assertAwardedWithinBudget(call, manager);
      await enqueueDecisionMails(this.notifications, manager, call.title, lines, {
        date: decisionDate,
        reference: decisionReference,
      });
    });
  }

  private async transition(
    auth: AuthContext,
    callId: string,
    from: Array<SelectionProposalEntity['status']>,
    to: SelectionProposalEntity['status'],
    requestId: string | null,
    apply: (proposal: SelectionProposalEntity, call: CallEntity, manager: EntityManager) => Promise<void>,
  ): Promise<ProposalView> {
    return this.dataSource.transaction(async (manager) => {
      const call = await this.repository.findCall(callId, manager, true);
      if (!call) throw new AppException('NOT_FOUND');
      const proposal = await this.repository.latestProposal(callId, manager, true);
      if (!proposal) throw new AppException('NOT_FOUND');
      if (!from.includes(proposal.status))
        throw new AppException('PROPOSAL_STATE', { params: { status: proposal.status } });
      const before = { status: proposal.status };
      await apply(proposal, call, manager);
      proposal.status = to;
      const saved = await manager.save(SelectionProposalEntity, proposal);
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: `proposal.${to}`,
          entityType: 'call',
          entityId: callId,
          before,
          after: {
            status: to,
            proposalId: proposal.id,
            grantedCents: proposal.grantedCents,
            remarks: proposal.remarks,
            decisionDate: proposal.decisionDate,
            decisionReference: proposal.decisionReference,
          },
          requestId,
        },
        manager,
      );
      return this.view(call, saved, manager);
    });
  }

  private async view(
    call: CallEntity,
    proposal: SelectionProposalEntity,
    manager: EntityManager = this.repository.manager,
  ): Promise<ProposalView> {
    const names = new Map(
      (
        await manager.query<Array<{ id: string; legal_name: string }>>(
          'SELECT d.id, a.legal_name FROM dossiers d JOIN applicants a ON a.id = d.applicant_id WHERE d.call_id = $1',
          [call.id],
        )
      ).map((row) => [row.id, row.legal_name]),
    );
    const lines = proposal.lines as unknown as Array<ProposalView['lines'][number]>;
    const envelopes = proposal.envelopes.map((envelope) => {
      const granted = lines
        .filter((l) => l.envelope === envelope.code && l.outcome === 'selected')
        .reduce((sum, l) => sum + l.grantedCents, 0);
      return { ...envelope, grantedCents: granted, remainingCents: envelope.budgetCents - granted };
    });
    return {
      id: proposal.id,
      callId: call.id,
      status: proposal.status,
      marginRule: proposal.marginRule,
      budgetCents: call.budgetCents,
      grantedCents: proposal.grantedCents,
      remainingCents: call.budgetCents - proposal.grantedCents,
      envelopes,
      lines: lines.map((line) => ({ ...line, applicantName: names.get(line.dossierId) ?? '' })),
      remarks: proposal.remarks,
      decisionDate: proposal.decisionDate,
      decisionReference: proposal.decisionReference,
      approvedAt: proposal.approvedAt?.toISOString() ?? null,
      createdAt: proposal.createdAt.toISOString(),
    };
  }
}
