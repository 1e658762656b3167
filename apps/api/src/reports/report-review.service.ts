import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  FIELD_MESSAGES,
  type ApproveReportInput,
  type ReportSettingsInput,
  type ReportSettingsView,
  type ReportSummary,
  type ReportView,
} from '@portal/contracts';
import { acceptedCosts, formatEuro, parseCallMoment } from '@portal/domain';
import {
  AppConfig,
  AppException,
  AuditRepository,
  CallLifecycleRepository,
  DatabaseClock,
  NotificationRepository,
} from '@portal/server';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { enqueueReportMail } from './report-mail';
import { ReportRepository } from './report.repository';
import { askedKinds, reportSummary, settingsView } from './report-view';
import { ReportsService } from './reports.service';
import { SettlementService } from '../settlement/settlement.service';

/**
 * The administration's side of reports (ADR 0024): a call's reporting settings, the reports per call, and the
 * decision on a submitted report. A decision is one conditional statement on the report's status, so of two
 * administrators deciding at once one wins and the other gets 409.
 */
@Injectable()
export class ReportReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportRepository,
    private readonly views: ReportsService,
    private readonly lifecycle: CallLifecycleRepository,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationRepository,
    private readonly clock: DatabaseClock,
    private readonly config: AppConfig,
    private readonly settlement: SettlementService,
  ) {}

  async settings(callId: string): Promise<ReportSettingsView> {
    if (!(await this.lifecycle.read(callId))) throw new AppException('NOT_FOUND');
    return settingsView(callId, await this.reports.settings(callId));
  }

  async saveSettings(auth: AuthContext, callId: string, input: ReportSettingsInput): Promise<ReportSettingsView> {
    const found = await this.lifecycle.read(callId);
    if (!found) throw new AppException('NOT_FOUND');
    const finalDueAt = parseCallMoment(input.finalDueAt);
    const interimDueAt = input.interimRequired && input.interimDueAt ? parseCallMoment(input.interimDueAt) : null;
    const errors = [];
    if (!finalDueAt)
      errors.push({ field: 'finalDueAt', code: 'invalidMoment', message: FIELD_MESSAGES.invalidMoment('finalDueAt') });
    if (input.interimRequired && !interimDueAt)
      errors.push({
        field: 'interimDueAt',
        code: 'invalidMoment',
        message: FIELD_MESSAGES.invalidMoment('interimDueAt'),
      });
    if (finalDueAt && interimDueAt && interimDueAt >= finalDueAt)
      errors.push({
        field: 'interimDueAt',
        code: 'beforeFinal',
        message: {
          nl: 'Het tussentijds rapport is verwacht vóór het eindrapport.',
          en: 'The interim report is due before the final report.',
        },
      });
    const numberQuestions = new Set(found.call.questions.filter((q) => q.type === 'number').map((q) => q.code));
    const codes = new Set<string>();
    input.indicators.forEach((indicator, i) => {
      if (codes.has(indicator.code))
        errors.push({
          field: `indicators.${i}.code`,
          code: 'duplicate',
          message: { nl: 'Deze code komt al voor.', en: 'This code is already used.' },
        });
      codes.add(indicator.code);
      if (indicator.questionCode !== null && !numberQuestions.has(indicator.questionCode))
        errors.push({
          field: `indicators.${i}.questionCode`,
          code: 'unknownQuestion',
          message: {
            nl: `De oproep heeft geen getalvraag "${indicator.questionCode}".`,
            en: `The call has no number question "${indicator.questionCode}".`,
          },
        });
    });
    if (errors.length) throw new AppException('VALIDATION_FAILED', { errors });
    await this.dataSource.transaction(async (manager) => {
      const before = await this.reports.settings(callId, manager);
      const saved = await this.reports.saveSettings(
        {
          callId,
          interimRequired: input.interimRequired,
          interimDueAt,
          finalDueAt: finalDueAt!,
          indicators: input.indicators.map((i) => ({
            code: i.code,
            label: i.label.trim(),
            questionCode: i.questionCode,
          })),
          updatedBy: auth.user.id,
        },
        manager,
      );
      const view = (s: typeof saved) => {
        const { configured: _c, callId: _id, ...rest } = settingsView(callId, s);
        return rest;
      };
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'report.settings_changed',
          entityType: 'call',
          entityId: callId,
          before: before ? view(before) : null,
          after: view(saved),
          requestId: auth.requestId,
        },
        manager,
      );
    });
    return this.settings(callId);
  }

  /** Every report the call asks of its awarded dossiers, started or not, with its due date and whether it is late. */
  async ofCall(callId: string): Promise<ReportSummary[]> {
    const settings = await this.reports.settings(callId);
    if (!(await this.lifecycle.read(callId))) throw new AppException('NOT_FOUND');
    if (!settings) return [];
    const dossiers = await this.reports.awardedDossiers(callId);
    const [existing, now] = await Promise.all([this.reports.reportsOf(dossiers.map((d) => d.id)), this.clock.now()]);
    return dossiers.flatMap((dossier) =>
      askedKinds(settings).map((kind) =>
        reportSummary(
          dossier,
          settings,
          kind,
          existing.find((r) => r.dossierId === dossier.id && r.kind === kind) ?? null,
          now,
        ),
      ),
    );
  }

  async approve(auth: AuthContext, reportId: string, input: ApproveReportInput): Promise<ReportView> {
    return this.decide(auth, reportId, 'approved', input.motivation?.trim() || null, input);
  }

  async requestChanges(auth: AuthContext, reportId: string, motivation: string): Promise<ReportView> {
    return this.decide(auth, reportId, 'changes_requested', motivation.trim(), null);
  }

  private async decide(
    auth: AuthContext,
    reportId: string,
    status: 'approved' | 'changes_requested',
    motivation: string | null,
    approval: ApproveReportInput | null,
  ): Promise<ReportView> {
    await this.dataSource.transaction(async (manager) => {
      const report = await this.reports.reportById(reportId, manager);
      if (!report) throw new AppException('NOT_FOUND');
      const accepted = approval
        ? acceptedCosts(report.costLines, {
            acceptedTotalCents: approval.acceptedTotalCents,
            acceptedLineCents: approval.acceptedLineCents,
          })
        : null;
      if (approval && !accepted) throw new AppException('ACCEPTED_COSTS_INVALID', { errors: acceptedErrors(approval) });
      const costLines = accepted?.perLine
        ? report.costLines.map((line, i) => ({ ...line, acceptedCents: accepted.perLine![i] }))
        : undefined;
      // One statement decides: WHERE status = 'submitted'. The loser of a race changes nothing and hears 409.
      const won = await this.reports.decide(
        reportId,
        { status, by: auth.user.id, motivation, acceptedCostsCents: accepted?.totalCents ?? null, costLines },
        manager,
      );
      if (!won) {
        const now = await this.reports.reportById(reportId, manager);
        throw new AppException('REPORT_NOT_SUBMITTED', { params: { status: now?.status ?? report.status } });
      }
      const dossier = (await this.reports.dossier(report.dossierId, null, manager))!;
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: status === 'approved' ? 'report.approved' : 'report.changes_requested',
          entityType: 'dossier_report',
          entityId: reportId,
          before: { status: 'submitted' },
          after: {
            status,
            dossierId: report.dossierId,
            kind: report.kind,
            motivation,
            ...(accepted
              ? {
                  acceptedCostsCents: accepted.totalCents,
                  acceptedLineCents: accepted.perLine,
                  plannedCostsCents: report.plannedCostsCents,
                  grantedCents: report.grantedCents,
                }
              : {}),
          },
          requestId: auth.requestId,
        },
        manager,
      );
      // The balance, in the approval's transaction (ADR 0025): only the one approval that won computes it.
      if (status === 'approved' && report.kind === 'final')
        await this.settlement.settleFinalReport(
          auth.user.id,
          auth.requestId,
          {
            id: reportId,
            dossierId: report.dossierId,
            plannedCostsCents: report.plannedCostsCents,
            acceptedCostsCents: accepted!.totalCents,
          },
          manager,
        );
      const to = report.submittedBy ? await this.reports.user(report.submittedBy, manager) : null;
      await enqueueReportMail(
        this.notifications,
        this.config,
        manager,
        'report.decided',
        to ?? dossier.creator,
        dossier,
        report.kind,
        {
          decision: status,
          motivation,
          acceptedEuro: accepted ? formatEuro(accepted.totalCents) : null,
        },
      );
    });
    return this.views.getById(auth, reportId);
  }
}

function acceptedErrors(input: ApproveReportInput) {
  const field = input.acceptedLineCents !== undefined ? 'acceptedLineCents' : 'acceptedTotalCents';
  return [
    {
      field,
      code: 'invalid',
      message: {
        nl: 'Per kostenlijn (evenveel als in het rapport, elk niet meer dan de lijn) of als totaal (niet meer dan gerapporteerd).',
        en: 'Per cost line (as many as in the report, each at most the line) or as a total (at most what was reported).',
      },
    },
  ];
}
