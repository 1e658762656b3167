import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DossierDecisionView, ProposalLineView } from '@portal/contracts';
import { brusselsDate, humanFormat, trancheAmounts, trancheLabel, type SubmittedContent } from '@portal/domain';
import {
  AppConfig,
  AppException,
  AuditRepository,
  CallLifecycleRepository,
  DatabaseClock,
  type DossierEntity,
} from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { AssessmentRepository } from './assessment.repository';
import { BudgetDecisionService } from './budget-decision.service';
import { decisionLetterPdf } from './letters/decision-letter';
import { loadLetterSettings, type LetterSettings } from './letters/letter-settings';
import { OutcomeRepository } from './outcome.repository';
import { ProposalRepository } from './proposal.repository';
import { ScoresService } from './scores.service';
import { PaymentScheduleRepository } from '../funding/payment-schedule.repository';

type Line = ProposalLineView;

const nl = humanFormat('nl');

/** After the minister's approval: what each applicant reads (decision, scores, letter), and declining an award. */
@Injectable()
export class OutcomeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AssessmentRepository,
    private readonly outcomes: OutcomeRepository,
    private readonly proposals: ProposalRepository,
    private readonly lifecycle: CallLifecycleRepository,
    private readonly scores: ScoresService,
    private readonly budgets: BudgetDecisionService,
    private readonly audit: AuditRepository,
    private readonly clock: DatabaseClock,
    private readonly schedules: PaymentScheduleRepository,
    config: AppConfig,
  ) {
    // Read once at start: a bad LETTER_SETTINGS_FILE stops the API before anyone asks for a letter.
    this.letterSettings = loadLetterSettings(config.LETTER_SETTINGS_FILE);
  }

  private readonly letterSettings: LetterSettings;

  async decision(auth: AuthContext, dossierId: string): Promise<DossierDecisionView> {
    const dossier = await this.outcomes.visibleDossier(auth, dossierId);
    return this.decisionOf(dossier);
  }

  /** The decision letter, on the submitted version of the dossier (its title), never on the working copy. */
  async letter(auth: AuthContext, dossierId: string): Promise<{ filename: string; pdf: Buffer }> {
    const dossier = await this.outcomes.visibleDossier(auth, dossierId);
    const decision = await this.decisionOf(dossier);
    if (!decision.letterAvailable) throw new AppException('DECISION_PENDING');
    const [found, applicant, submission, today] = await Promise.all([
      this.lifecycle.read(dossier.callId),
      this.outcomes.applicant(dossier.applicantId),
      this.repository.lastSubmissions([dossier.id]).then((m) => m.get(dossier.id)),
      this.clock.now(),
    ]);
    const budgetNotes =
      decision.outcome === 'inadmissible'
        ? []
        : (await this.budgets.list(dossier.callId)).map(
            (b) =>
              `Op ${nl.longDate(b.decidedAt)} werd het budget van de oproep verhoogd van ${nl.euro(b.beforeCents)} ` +
              `naar ${nl.euro(b.afterCents)}` +
              (b.decisionReference
                ? ` (besluit ${b.decisionReference}${b.decisionDate ? ` van ${nl.longDate(b.decisionDate)}` : ''})`
                : '') +
              `: ${b.motivation}`,
          );
    const paymentLines =
      decision.outcome === 'awarded'
        ? trancheAmounts(decision.grantedCents, (await this.schedules.schedule(dossier.callId)).tranches).map(
            (t) => `${trancheLabel(t, 'nl')}: ${nl.euro(t.amountCents)}`,
          )
        : [];
    const pdf = await decisionLetterPdf({
      decision,
      call: { code: found!.call.code, title: found!.call.title, information: found!.call.information },
      title: (submission?.content as unknown as SubmittedContent | undefined)?.title ?? dossier.title,
      applicant: { legalName: applicant.legalName, contactName: applicant.contactName, address: applicant.address },
      letterDate: today,
      settings: this.letterSettings,
      budgetNotes,
      paymentLines,
    });
    return { filename: `beslissing-${dossier.reference ?? dossier.id}.pdf`, pdf };
  }

  /** An awarded applicant gives up the subsidy; the money becomes available for the reserve list. */
  async decline(
    auth: AuthContext,
    dossierId: string,
    motivation: string,
    requestId: string | null,
  ): Promise<DossierDecisionView> {
    const visible = await this.outcomes.visibleDossier(auth, dossierId);
    await this.dataSource.transaction(async (manager) => {
      // Lock order of every lifecycle write: the call (its phase), then the dossier.
      await this.lifecycle.require(visible.callId, 'award.decline', manager);
      const dossier = (await this.repository.lockDossier(dossierId, manager))!;
      if (dossier.status !== 'awarded') throw new AppException('NOT_AWARDED', { params: { status: dossier.status } });
      await this.repository.setDossierStatusIf(dossier.id, ['awarded'], 'declined', manager);
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'dossier.declined',
          entityType: 'dossier',
          entityId: dossier.id,
          before: { status: 'awarded', grantedCents: dossier.grantedCents },
          after: { status: 'declined', grantedCents: dossier.grantedCents, motivation: motivation.trim() },
          requestId,
        },
        manager,
      );
    });
    return this.decision(auth, dossierId);
  }

  private async decisionOf(dossier: DossierEntity, manager?: EntityManager): Promise<DossierDecisionView> {
    const pending: DossierDecisionView = {
      dossierId: dossier.id,
      reference: dossier.reference,
      outcome: 'pending',
      grantedCents: 0,
      reason: null,
      motivation: null,
      decisionDate: null,
      decisionReference: null,
      reservePosition: null,
      rank: null,
      total: null,
      scores: [],
      requestedCents: dossier.requestedCents,
      canDecline: false,
      letterAvailable: false,
    };
    if (dossier.status === 'inadmissible') {
      const [admissibility] = await this.repository.admissibility([dossier.id], manager);
      return {
        ...pending,
        outcome: 'inadmissible',
        motivation: admissibility?.motivation ?? null,
        decisionDate: admissibility ? brusselsDate(admissibility.decidedAt) : null,
        letterAvailable: true,
      };
    }
    const approved = await this.proposals.approvedProposal(dossier.callId, manager);
    const line = (approved?.lines as unknown as Line[] | undefined)?.find((l) => l.dossierId === dossier.id);
    if (!approved || !line) return pending;
    const promotion = await this.proposals.confirmedPromotionOf(dossier.id, manager);
    const outcome: DossierDecisionView['outcome'] =
      dossier.status === 'awarded'
        ? 'awarded'
        : dossier.status === 'declined'
          ? 'declined'
          : dossier.status === 'rejected'
            ? 'rejected'
            : line.outcome === 'reserve'
              ? 'reserve'
              : 'pending';
    if (outcome === 'pending') return pending;
    const call = (await this.lifecycle.read(dossier.callId, manager))!.call;
    const [scores] = await this.scores.scores(dossier.callId, manager, dossier.id);
    return {
      ...pending,
      outcome,
      grantedCents: outcome === 'awarded' || outcome === 'declined' ? (dossier.grantedCents ?? 0) : 0,
      reason: promotion ? 'reserve-promoted' : line.reason,
      motivation: line.motivation,
      decisionDate: promotion?.decisionDate ?? approved.decisionDate,
      decisionReference: promotion?.decisionReference ?? approved.decisionReference,
      reservePosition: outcome === 'reserve' ? line.reservePosition : null,
      rank: line.rank,
      total: line.total,
      scores: call.criteria.map((criterion) => ({
        criterionCode: criterion.code,
        label: criterion.label,
        score: scores?.effective[criterion.code] ?? 0,
        weight: criterion.weight,
        scaleMax: criterion.scaleMax,
        motivation: scores?.consensus[criterion.code]?.motivation ?? null,
      })),
      canDecline: outcome === 'awarded',
      letterAvailable: true,
    };
  }
}
