import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  reportDeclarationText,
  type Locale,
  type ReportDraftInput,
  type ReportKind,
  type ReportSummary,
  type ReportView,
} from '@portal/contracts';
import { formatBrussels, reportedCostsCents, reportSubmissionIssues } from '@portal/domain';
import {
  AppConfig,
  AppException,
  AuditRepository,
  DatabaseClock,
  NotificationRepository,
  type CallReportSettingsEntity,
} from '@portal/server';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { throwIfIssues } from '../common/rule-issues';
import { enqueueReportMail } from './report-mail';
import { ReportRepository, type ReportDossier } from './report.repository';
import { askedKinds, indicatorValues, plannedCostsCents, reportSummary, reportView } from './report-view';

const EDITABLE = ['draft', 'changes_requested'];

/**
 * The organisation's side of a report (ADR 0024): drafts always save (what breaks a rule comes back as issues per
 * field, ADR 0018), the submit checks every rule under the report's lock and stores the declaration on honour.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportRepository,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationRepository,
    private readonly clock: DatabaseClock,
    private readonly config: AppConfig,
  ) {}

  /** The reports the call asks of this dossier, with their state (none yet when the call has no reporting). */
  async list(auth: AuthContext, dossierId: string): Promise<ReportSummary[]> {
    const dossier = await this.visible(auth, dossierId);
    const settings = await this.reports.settings(dossier.callId);
    if (!settings || !['awarded', 'declined'].includes(dossier.status)) return [];
    const [existing, now] = await Promise.all([this.reports.reportsOf([dossier.id]), this.clock.now()]);
    return askedKinds(settings).map((kind) =>
      reportSummary(dossier, settings, kind, existing.find((r) => r.kind === kind) ?? null, now),
    );
  }

  async get(auth: AuthContext, dossierId: string, kind: ReportKind): Promise<ReportView> {
    const { dossier, settings } = await this.context(auth, dossierId, kind);
    const [report, now] = await Promise.all([this.reports.report(dossierId, kind), this.clock.now()]);
    return reportView(dossier, settings, kind, report, now);
  }

  /** A report by its id: for the administration, and for the members of the dossier's applicant. */
  async getById(auth: AuthContext, id: string): Promise<ReportView> {
    const report = await this.reports.reportById(id);
    if (!report) throw new AppException('NOT_FOUND');
    const { dossier, settings } = await this.context(auth, report.dossierId, report.kind);
    return reportView(dossier, settings, report.kind, report, await this.clock.now());
  }

  async saveDraft(
    auth: AuthContext,
    dossierId: string,
    kind: ReportKind,
    input: ReportDraftInput,
    expectedVersion: number,
  ): Promise<ReportView> {
    const { dossier, settings } = await this.context(auth, dossierId, kind);
    assertAwarded(dossier);
    assertKnownIndicators(settings, input);
    await this.dataSource.transaction(async (manager) => {
      const started = await this.reports.start(
        {
          dossierId,
          kind,
          plannedCostsCents: plannedCostsCents(dossier),
          grantedCents: dossier.grantedCents,
          createdBy: auth.user.id,
        },
        manager,
      );
      const report = (await this.reports.lock(dossierId, kind, manager))!;
      if (started) {
        await this.audit.record(
          {
            actorUserId: auth.user.id,
            action: 'report.created',
            entityType: 'dossier_report',
            entityId: report.id,
            after: {
              dossierId,
              kind,
              status: report.status,
              plannedCostsCents: report.plannedCostsCents,
              grantedCents: report.grantedCents,
            },
            requestId: auth.requestId,
          },
          manager,
        );
      }
      if (!EDITABLE.includes(report.status))
        throw new AppException('REPORT_NOT_EDITABLE', { params: { status: report.status } });
      if (expectedVersion !== report.version)
        throw new AppException('VERSION_CONFLICT', {
          params: { current: report.version },
          extra: { current: report.version },
        });
      await this.reports.saveDraft(
        report.id,
        {
          narrative: input.narrative ?? report.narrative,
          indicators: indicatorValues(settings, dossier, input.indicators ?? report.indicators),
          costLines: (input.costLines ?? report.costLines).map((line) => ({
            description: line.description,
            category: line.category,
            amountCents: line.amountCents,
          })),
        },
        manager,
      );
    });
    return this.get(auth, dossierId, kind);
  }

  /** Submits the report with the declaration on honour; refused with every issue named while a rule is broken. */
  async submit(auth: AuthContext, dossierId: string, kind: ReportKind, locale: Locale): Promise<ReportView> {
    const { dossier, settings } = await this.context(auth, dossierId, kind);
    assertAwarded(dossier);
    await this.dataSource.transaction(async (manager) => {
      const report = await this.reports.lock(dossierId, kind, manager);
      const content = {
        narrative: report?.narrative ?? '',
        indicators: indicatorValues(settings, dossier, report?.indicators ?? []),
        costLines: report?.costLines ?? [],
      };
      if (report && !EDITABLE.includes(report.status))
        throw new AppException('REPORT_NOT_EDITABLE', { params: { status: report.status } });
      throwIfIssues('REPORT_INCOMPLETE', reportSubmissionIssues(content));
      const declaration = reportDeclarationText(locale, dossier.applicantName);
      await this.reports.submit(report!.id, auth.user.id, declaration, manager);
      const now = await this.clock.now(manager);
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'report.submitted',
          entityType: 'dossier_report',
          entityId: report!.id,
          before: { status: report!.status },
          after: {
            status: 'submitted',
            dossierId,
            kind,
            indicators: content.indicators,
            costLines: content.costLines,
            reportedCostsCents: reportedCostsCents(content),
            declaration,
          },
          requestId: auth.requestId,
        },
        manager,
      );
      await enqueueReportMail(
        this.notifications,
        this.config,
        manager,
        'report.submitted',
        { email: auth.user.email, displayName: auth.user.displayName, locale: auth.user.locale },
        dossier,
        kind,
        { submittedAtBrussels: formatBrussels(now, false) },
      );
    });
    return this.get(auth, dossierId, kind);
  }

  private async visible(auth: AuthContext, dossierId: string): Promise<ReportDossier> {
    const admin = auth.user.roles.includes('admin');
    const dossier = await this.reports.dossier(dossierId, admin ? null : auth.user.id);
    if (!dossier) throw new AppException('NOT_FOUND');
    return dossier;
  }

  private async context(
    auth: AuthContext,
    dossierId: string,
    kind: ReportKind,
  ): Promise<{ dossier: ReportDossier; settings: CallReportSettingsEntity }> {
    const dossier = await this.visible(auth, dossierId);
    const settings = await this.reports.settings(dossier.callId);
    if (!settings) throw new AppException('REPORTS_NOT_CONFIGURED');
    if (!askedKinds(settings).includes(kind)) throw new AppException('REPORT_KIND_NOT_ASKED');
    return { dossier, settings };
  }
}

function assertAwarded(dossier: ReportDossier): void {
  if (dossier.status !== 'awarded')
    throw new AppException('AWARDED_DOSSIERS_ONLY', { params: { status: dossier.status } });
}

/** An indicator the call does not define is refused (a draft stores only what can be stored). */
function assertKnownIndicators(settings: CallReportSettingsEntity, input: ReportDraftInput): void {
  const known = new Set(settings.indicators.map((i) => i.code));
  const errors = (input.indicators ?? []).flatMap((value, i) =>
    known.has(value.code)
      ? []
      : [
          {
            field: `indicators.${i}.code`,
            code: 'unknown',
            message: {
              nl: `De oproep vraagt geen indicator "${value.code}".`,
              en: `The call asks for no indicator "${value.code}".`,
            },
          },
        ],
  );
  if (errors.length) throw new AppException('VALIDATION_FAILED', { errors });
}
