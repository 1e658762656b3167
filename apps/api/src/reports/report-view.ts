import type {
  CostLine,
  ReportIndicatorValue,
  ReportKind,
  ReportSettingsView,
  ReportSummary,
  ReportView,
} from '@portal/contracts';
import { reportedCostsCents, reportSubmissionIssues, totalCostCents } from '@portal/domain';
import type { CallReportSettingsEntity, DossierReportEntity } from '@portal/server';
import type { ReportDossier } from './report.repository';

/** How the reports of a dossier look to people: planned values from the submitted dossier, due dates, issues. */

export function settingsView(callId: string, settings: CallReportSettingsEntity | null): ReportSettingsView {
  return {
    callId,
    configured: settings !== null,
    interimRequired: settings?.interimRequired ?? false,
    interimDueAt: settings?.interimDueAt?.toISOString() ?? null,
    finalDueAt: settings?.finalDueAt.toISOString() ?? null,
    indicators: settings?.indicators ?? [],
  };
}

/** The kinds of report the call asks for. */
export function askedKinds(settings: CallReportSettingsEntity): ReportKind[] {
  return settings.interimRequired ? ['interim', 'final'] : ['final'];
}

export function dueAtOf(settings: CallReportSettingsEntity, kind: ReportKind): Date | null {
  return kind === 'interim' ? settings.interimDueAt : settings.finalDueAt;
}

/**
 * The planned costs: the submitted dossier's total cost (its budget lines); a dossier without budget lines (a
 * subscription) plans what it asked plus its own contribution and other income.
 */
export function plannedCostsCents(dossier: ReportDossier): number {
  const submitted = dossier.submitted;
  if (!submitted) return 0;
  const lines = totalCostCents({ budgetLines: submitted.budgetLines ?? [] });
  if (lines > 0) return lines;
  return (submitted.requestedCents ?? 0) + (submitted.ownContributionCents ?? 0) + (submitted.otherIncomeCents ?? 0);
}

/** The call's indicators with the planned value from the submitted dossier and the realised value as saved. */
export function indicatorValues(
  settings: CallReportSettingsEntity,
  dossier: ReportDossier,
  saved: ReadonlyArray<{ code: string; realised: number | null }>,
): ReportIndicatorValue[] {
  const realised = new Map(saved.map((value) => [value.code, value.realised]));
  return settings.indicators.map((definition) => {
    const answer = definition.questionCode ? dossier.submitted?.answers?.[definition.questionCode] : null;
    return {
      code: definition.code,
      label: definition.label,
      planned: typeof answer === 'number' ? answer : null,
      realised: realised.get(definition.code) ?? null,
    };
  });
}

const EDITABLE = ['draft', 'changes_requested'];
const DONE = ['submitted', 'approved'];

export function reportView(
  dossier: ReportDossier,
  settings: CallReportSettingsEntity,
  kind: ReportKind,
  report: DossierReportEntity | null,
  now: Date,
): ReportView {
  const status = report?.status ?? 'draft';
  const dueAt = dueAtOf(settings, kind);
  const indicators = indicatorValues(settings, dossier, report?.indicators ?? []);
  const costLines: CostLine[] = report?.costLines ?? [];
  const narrative = report?.narrative ?? '';
  const editable = EDITABLE.includes(status) && dossier.status === 'awarded';
  return {
    id: report?.id ?? null,
    dossierId: dossier.id,
    dossierReference: dossier.reference,
    dossierTitle: dossier.title,
    callId: dossier.callId,
    callTitle: dossier.callTitle,
    applicantName: dossier.applicantName,
    kind,
    status,
    version: report?.version ?? 0,
    dueAt: dueAt?.toISOString() ?? null,
    overdue: dueAt !== null && dueAt <= now && !DONE.includes(status),
    narrative,
    indicators,
    costLines,
    reportedCostsCents: reportedCostsCents({ costLines }),
    plannedCostsCents: report?.plannedCostsCents ?? plannedCostsCents(dossier),
    grantedCents: report?.grantedCents ?? dossier.grantedCents,
    acceptedCostsCents: report?.acceptedCostsCents ?? null,
    submittedAt: report?.submittedAt?.toISOString() ?? null,
    decidedAt: report?.decidedAt?.toISOString() ?? null,
    motivation: report?.motivation ?? null,
    editable,
    issues: editable ? reportSubmissionIssues({ narrative, indicators, costLines }) : [],
  };
}

export function reportSummary(
  dossier: ReportDossier,
  settings: CallReportSettingsEntity,
  kind: ReportKind,
  report: DossierReportEntity | null,
  now: Date,
): ReportSummary {
  const view = reportView(dossier, settings, kind, report, now);
  return {
    id: view.id,
    dossierId: view.dossierId,
    dossierReference: view.dossierReference,
    dossierTitle: view.dossierTitle,
    applicantName: view.applicantName,
    kind,
    status: view.status,
    dueAt: view.dueAt,
    overdue: view.overdue,
    submittedAt: view.submittedAt,
  };
}
