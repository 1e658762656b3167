/** After the decision (ADR 0023): acceptance of an award, payment schedules and payment batches. */

/** The same names as libs/domain's TRANCHE_TRIGGERS (contracts depend on nothing). */
export type TrancheTrigger = 'acceptance' | 'interim_report_approved' | 'final_report_approved';

export interface ScheduleTrancheInput {
  shareBasisPoints: number;
  trigger: TrancheTrigger;
}

export interface PaymentScheduleView {
  callId: string;
  /** True when the call has no schedule of its own and uses the default (80 % on acceptance, 20 % on the final report). */
  isDefault: boolean;
  /** False once a payment batch of the call exists (that is not cancelled). */
  editable: boolean;
  tranches: Array<{ position: number; shareBasisPoints: number; trigger: TrancheTrigger }>;
}

/** WARNING: `paid`/`approved`/`in_batch`/`due`/`not_due` are shown by the web app per tranche. */
/** 'settled_off': after the settlement (ADR 0025) nothing of this tranche is still owed. */
export type TrancheState = 'not_due' | 'due' | 'in_batch' | 'approved' | 'paid' | 'settled_off';

export interface DossierTrancheView {
  position: number;
  shareBasisPoints: number;
  trigger: TrancheTrigger;
  amountCents: number;
  state: TrancheState;
  paidAt: string | null;
  executionDate: string | null;
}

export interface AcceptanceView {
  dossierId: string;
  reference: string | null;
  grantedCents: number;
  /** pending: awarded and not answered; not_awarded: nothing to accept. */
  status: 'not_awarded' | 'pending' | 'accepted' | 'declined';
  conditionsText: string;
  conditionsSha256: string;
  /** The organisation's account on record, proposed when accepting. */
  proposedIban: string | null;
  acceptance: {
    decision: 'accepted' | 'declined';
    decidedAt: string;
    decidedByName: string;
    conditionsSha256: string;
    creditorIban: string | null;
    motivation: string | null;
  } | null;
  tranches: DossierTrancheView[];
  canAnswer: boolean;
}

export interface AcceptanceInput {
  decision: 'accepted' | 'declined';
  /** The SHA-256 of the conditions as the person read them; refused when the conditions changed since. */
  conditionsSha256: string;
  iban?: string;
  motivation?: string;
}

export interface AcceptanceOverviewRow {
  dossierId: string;
  reference: string | null;
  applicantName: string;
  grantedCents: number;
  status: 'pending' | 'accepted' | 'declined';
  decidedAt: string | null;
  decidedByName: string | null;
  remindersSent: number;
  paidCents: number;
}

export interface PaymentBatchItemView {
  dossierId: string;
  reference: string | null;
  creditorName: string;
  creditorIban: string;
  tranchePosition: number;
  trigger: TrancheTrigger;
  amountCents: number;
}

export type PaymentBatchStatusView = 'open' | 'approved' | 'paid' | 'cancelled';

export interface PaymentBatchView {
  id: string;
  callId: string;
  status: PaymentBatchStatusView;
  totalCents: number;
  itemCount: number;
  createdByName: string;
  createdAt: string;
  approvedByName: string | null;
  approvedAt: string | null;
  paidAt: string | null;
  executionDate: string | null;
  /** True when the current user compiled it (and so cannot approve it). */
  createdByMe: boolean;
  items: PaymentBatchItemView[];
}
