/**
 * Catalogue calls (Plan Samenleven): the administration offers objectives -> actions -> priced rows; each local
 * government subscribes with one dossier whose `subscription` holds the planned reach per row and a priority per
 * chosen action; the budget is allocated by priority rounds (libs/domain `allocate`).
 */

/** WARNING: persisted in calls.kind. */
export const CALL_KINDS = ['project', 'catalogue'] as const;
export type CallKind = (typeof CALL_KINDS)[number];

/** Same shape as libs/domain's Catalogue (contracts import nothing). */
export interface CatalogueRowView {
  code: string;
  unit: string;
  maxUnits: number;
  centsPerUnit: number;
}

export interface CatalogueActionView {
  code: string;
  text: string;
  rows: CatalogueRowView[];
  budgetCents?: number;
}

export interface CatalogueObjectiveView {
  code: string;
  name: string;
  actions: CatalogueActionView[];
}

export interface CatalogueView {
  objectives: CatalogueObjectiveView[];
}

/** PUT /calls/:id/catalogue: the catalogue as JSON (eurPerUnit or centsPerUnit, optional codes and budgets). */
export interface SetCatalogueInput {
  catalogue: unknown;
}

export interface CallCatalogueView {
  callId: string;
  code: string;
  title: string;
  version: number;
  budgetCents: number;
  closesAt: string;
  catalogue: CatalogueView;
}

export interface SubscriptionLineInput {
  rowCode: string;
  currentReach: number;
  plannedExtraReach: number;
}

/** PUT /dossiers/:id/subscription (If-Match: the dossier version): the whole subscription, autosaved. */
export interface SubscriptionInput {
  lines: SubscriptionLineInput[];
  /** Action code -> 1..n over the chosen actions. */
  priorities: Record<string, number>;
  ownContributionCents: number;
}

/**
 * Subscription issue codes (libs/domain subscriptionIssues) refused at every autosave: content that can never be
 * stored (unknown rows or actions, wrong types). A draft may be incomplete or break a rule (priorities, a reach above
 * the row's maximum, the own contribution): those are stored and only stop a submission (ADR 0018).
 */
export const SUBSCRIPTION_DRAFT_ISSUE_CODES: readonly string[] = [
  'UNKNOWN_ROW',
  'DUPLICATE_ROW',
  'NOT_A_WHOLE_NUMBER',
  'INVALID_AMOUNT',
  'UNKNOWN_ACTION',
  'INVALID_PRIORITY',
];

export interface RuleIssueView {
  field: string;
  code: string;
  message: { nl: string; en: string };
}

export interface SubscriptionView {
  dossierId: string;
  callId: string;
  reference: string | null;
  status: string;
  version: number;
  editable: boolean;
  submittedAt: string | null;
  submissionCount: number;
  hasUnsubmittedChanges: boolean;
  call: { id: string; code: string; title: string; closesAt: string; budgetCents: number };
  applicant: { id: string; legalName: string; nisCode: string | null };
  catalogue: CatalogueView;
  lines: SubscriptionLineInput[];
  priorities: Record<string, number>;
  ownContributionCents: number;
  /** The Flemish contribution asked, computed on the server by the same rule the form uses. */
  flemishContributionCents: number;
  /** What would still stop a submission (empty when it can be submitted). */
  issues: RuleIssueView[];
  updatedAt: string;
}

/** WARNING: the same strings as libs/domain's AllocationReason (persisted in catalogue_allocations.result). */
export type AllocationReasonView =
  'fully-funded' | 'equal-share-in-marginal-round' | 'capped-by-action-budget' | 'budget-exhausted';

export interface AllocationSubscriberLineView {
  actionCode: string;
  actionText: string;
  priority: number;
  askedCents: number;
  cappedCents: number;
  grantedCents: number;
  reason: AllocationReasonView;
  text: { nl: string; en: string };
}

export interface AllocationSubscriberView {
  dossierId: string;
  reference: string;
  legalName: string;
  nisCode: string | null;
  askedCents: number;
  grantedCents: number;
  ownContributionCents: number;
  summary: { nl: string; en: string };
  lines: AllocationSubscriberLineView[];
}

export type AllocationStatus = 'draft' | 'sent' | 'returned' | 'approved';

export interface CatalogueAllocationView {
  id: string;
  callId: string;
  callCode: string;
  callTitle: string;
  status: AllocationStatus;
  budgetCents: number;
  totalAskedCents: number;
  grantedCents: number;
  remainderCents: number;
  marginalRound: number | null;
  shareRatio: { numerator: number; denominator: number } | null;
  rounds: Array<{
    round: number;
    askedCents: number;
    availableCents: number;
    grantedCents: number;
    outcome: 'fully-funded' | 'marginal' | 'budget-exhausted';
  }>;
  actionCaps: Array<{
    actionCode: string;
    budgetCents: number;
    askedCents: number;
    cappedCents: number;
    remainderCents: number;
  }>;
  subscribers: AllocationSubscriberView[];
  remarks: string | null;
  decisionDate: string | null;
  decisionReference: string | null;
  approvedAt: string | null;
  createdAt: string;
}

/** What a local government sees of the allocation of its own subscription. */
export interface SubscriptionAllocationView {
  dossierId: string;
  /** pending: no approved allocation yet (nothing is shown before the minister's decision). */
  status: 'pending' | 'approved';
  decisionDate: string | null;
  decisionReference: string | null;
  allocation: AllocationSubscriberView | null;
}

export interface CatalogueReportRow {
  code: string;
  label: string;
  /** For actions: the objective's code. */
  objectiveCode: string;
  /** Local governments with a submitted subscription that plans extra reach on it. */
  participants: number;
  /** Sum of the planned extra reach (units as in the catalogue rows). */
  plannedReach: number;
  askedCents: number;
  /** From the allocation (the approved one, otherwise the latest); null when none was computed. */
  grantedCents: number | null;
}

export interface CatalogueReportSubscriber {
  dossierId: string;
  reference: string;
  legalName: string;
  nisCode: string | null;
  ownContributionCents: number;
  askedCents: number;
  grantedCents: number | null;
  actions: Array<{
    actionCode: string;
    priority: number;
    plannedReach: number;
    askedCents: number;
    grantedCents: number | null;
  }>;
}

export interface CatalogueReport {
  callId: string;
  callCode: string;
  callTitle: string;
  budgetCents: number;
  allocationStatus: AllocationStatus | null;
  subscriptionCount: number;
  actions: CatalogueReportRow[];
  objectives: CatalogueReportRow[];
  subscribers: CatalogueReportSubscriber[];
  totals: { participants: number; plannedReach: number; askedCents: number; grantedCents: number | null };
}
