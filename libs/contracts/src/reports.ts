import type { RuleIssueView } from './catalogue';

/**
 * After the award (ADR 0024): reports (interim, final) and change requests on awarded dossiers.
 * WARNING: the kinds and statuses below are persisted (dossier_reports, change_requests); never rename one.
 */
export const REPORT_KINDS = ['interim', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'changes_requested', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Budget categories of a cost statement line. WARNING: persisted in dossier_reports.cost_lines. */
export const COST_CATEGORIES = ['personnel', 'operating', 'investment', 'activities', 'other'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** An indicator the call asks every report for; `questionCode`: the dossier's number question holding the plan. */
export interface ReportIndicatorDefinition {
  code: string;
  label: string;
  questionCode: string | null;
}

/** PUT /calls/:id/report-settings. Moments: ISO 8601 with an offset, or YYYY-MM-DDTHH:mm in Brussels time. */
export interface ReportSettingsInput {
  interimRequired: boolean;
  interimDueAt: string | null;
  finalDueAt: string;
  indicators: ReportIndicatorDefinition[];
}

export interface ReportSettingsView {
  callId: string;
  configured: boolean;
  interimRequired: boolean;
  interimDueAt: string | null;
  finalDueAt: string | null;
  indicators: ReportIndicatorDefinition[];
}

export interface ReportIndicatorValue {
  code: string;
  label: string;
  /** From the submitted dossier (its number answer) where the call links one; null otherwise. */
  planned: number | null;
  realised: number | null;
}

export interface CostLine {
  description: string;
  category: CostCategory;
  amountCents: number;
  /** Set by the administration when it approves with accepted costs per line. */
  acceptedCents?: number | null;
}

/** PUT /dossiers/:id/reports/:kind: a draft saves whatever is storable; every field optional. */
export interface ReportDraftInput {
  narrative?: string;
  indicators?: Array<{ code: string; realised: number | null }>;
  costLines?: CostLine[];
}

export interface ReportView {
  id: string | null;
  dossierId: string;
  dossierReference: string | null;
  dossierTitle: string;
  callId: string;
  callTitle: string;
  applicantName: string;
  kind: ReportKind;
  status: ReportStatus;
  /** Optimistic-lock version; send it as If-Match (0 before the first save). */
  version: number;
  dueAt: string | null;
  overdue: boolean;
  narrative: string;
  indicators: ReportIndicatorValue[];
  costLines: CostLine[];
  reportedCostsCents: number;
  plannedCostsCents: number;
  grantedCents: number;
  acceptedCostsCents: number | null;
  submittedAt: string | null;
  decidedAt: string | null;
  motivation: string | null;
  /** The organisation may still change it (draft or changes requested). */
  editable: boolean;
  /** What would stop a submission now, per field. */
  issues: RuleIssueView[];
}

/** A supporting document of a report's cost statement (invoice, pay slip), stored like a dossier's attachment. */
export interface ReportDocumentView {
  id: string;
  reportId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

export interface ReportSummary {
  id: string | null;
  dossierId: string;
  dossierReference: string | null;
  dossierTitle: string;
  applicantName: string;
  kind: ReportKind;
  status: ReportStatus;
  dueAt: string | null;
  overdue: boolean;
  submittedAt: string | null;
}

/** POST /reports/:id/approve: accepted costs per line (same order and count) or in total; absent: all reported. */
export interface ApproveReportInput {
  acceptedTotalCents?: number;
  acceptedLineCents?: number[];
  motivation?: string | null;
}

export const CHANGE_REQUEST_KINDS = ['period', 'budget_shift', 'partner', 'other'] as const;
export type ChangeRequestKind = (typeof CHANGE_REQUEST_KINDS)[number];

export const CHANGE_REQUEST_STATUSES = ['requested', 'approved', 'refused'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];

export interface ChangeRequestInput {
  kind: ChangeRequestKind;
  motivation: string;
  /** A longer period: the new end date. */
  newEndDate?: string | null;
  /** A lower granted amount, when the change asks for one; never higher than granted (the database refuses). */
  grantedCentsAfter?: number | null;
}

export interface ChangeRequestView {
  id: string;
  dossierId: string;
  dossierReference: string | null;
  dossierTitle: string;
  applicantName: string;
  kind: ChangeRequestKind;
  motivation: string;
  newEndDate: string | null;
  grantedCentsBefore: number;
  grantedCentsAfter: number | null;
  status: ChangeRequestStatus;
  requestedAt: string;
  decidedAt: string | null;
  decisionMotivation: string | null;
}

/** What an awarded dossier's organisation sees after the award. */
export interface AfterAwardView {
  dossierId: string;
  reference: string | null;
  title: string;
  grantedCents: number;
  reports: ReportSummary[];
  changeRequests: ChangeRequestView[];
}

/**
 * The declaration on honour accepted with every report submission; stored with the report as accepted (language of
 * the page, the organisation's name filled in), like the dossier's (declaration.ts).
 */
export const REPORT_DECLARATION: Record<'nl' | 'en', string> = {
  nl:
    'Ik verklaar op eer dat de gegevens in dit rapport en de kostenstaat juist en volledig zijn, dat de kosten ' +
    'werkelijk gemaakt zijn voor het project van {{applicant}} en dat de bewijsstukken ter beschikking van de ' +
    'administratie blijven. Ik weet dat onjuiste gegevens kunnen leiden tot de terugvordering van de subsidie.',
  en:
    'I declare on my honour that the information in this report and the cost statement is correct and complete, ' +
    'that the costs were actually incurred for the project of {{applicant}} and that the supporting documents remain ' +
    'available to the administration. I know that incorrect information may lead to the recovery of the subsidy.',
};

export function reportDeclarationText(locale: 'nl' | 'en', applicantName: string): string {
  return REPORT_DECLARATION[locale].split('{{applicant}}').join(applicantName);
}
