import type { RuleIssueView } from './catalogue';
/** WARNING: persisted in dossiers.status. */
export const DOSSIER_STATUSES = [
  'draft',
  'submitted',
  'withdrawn',
  'inadmissible',
  'awarded',
  'rejected',
  /** An awarded applicant gave up the subsidy; the money goes to the reserve list. */
  'declined',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export interface BudgetLine {
  description: string;
  amountCents: number;
}

export type AnswerValue = string | number | null;

/** The fields an applicant edits; every field optional in a PATCH (autosave sends what changed). */
export interface DossierDraftInput {
  title?: string;
  summary?: string;
  answers?: Record<string, AnswerValue>;
  projectStart?: string | null;
  projectEnd?: string | null;
  budgetLines?: BudgetLine[];
  ownContributionCents?: number;
  otherIncomeCents?: number;
  requestedCents?: number;
}

export interface AttachmentView {
  id: string;
  kind: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

export interface TimelineEntry {
  at: string;
  action: string;
}

export interface DossierView {
  id: string;
  callId: string;
  applicantId: string;
  reference: string | null;
  status: DossierStatus;
  /** Optimistic-lock version: send it back as If-Match on the next save. */
  version: number;
  title: string;
  summary: string;
  answers: Record<string, AnswerValue>;
  projectStart: string | null;
  projectEnd: string | null;
  budgetLines: BudgetLine[];
  totalCostCents: number;
  ownContributionCents: number;
  otherIncomeCents: number;
  requestedCents: number;
  attachments: AttachmentView[];
  submittedAt: string | null;
  submissionCount: number;
  /** True when the working copy differs from the last submitted version. */
  hasUnsubmittedChanges: boolean;
  /** False after the deadline (by the database clock) or when withdrawn. */
  editable: boolean;
  call: { id: string; code: string; title: string; closesAt: string; maxRequestedCents: number };
  applicant: { id: string; legalName: string };
  timeline: TimelineEntry[];
  /** What would stop a submission of the working copy (a draft is stored with them); empty once decided. */
  issues: RuleIssueView[];
  updatedAt: string;
}

export interface DossierSummary {
  id: string;
  reference: string | null;
  status: DossierStatus;
  title: string;
  requestedCents: number;
  submittedAt: string | null;
  hasUnsubmittedChanges: boolean;
  updatedAt: string;
  call: { id: string; title: string; closesAt: string };
  applicant: { id: string; legalName: string };
}

export interface SubmissionReceipt {
  dossierId: string;
  reference: string;
  /** Decided by the database clock; UTC ISO string. */
  submittedAt: string;
  /** SHA-256 of the submitted content (fields, answers, budget, attachment hashes). */
  contentHash: string;
  submissionNumber: number;
  /** The declaration on honour as the person accepted it (language of the page, applicant's name filled in); null before it existed. */
  declaration: string | null;
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
