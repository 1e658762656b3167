/** The settlement after the final report, recovery and the ledger (ADR 0025). All amounts in integer cents. */

/** WARNING: stored in recovery_cases.status. */
export type RecoveryStatus = 'open' | 'repaid';

export interface SettlementView {
  /** The effective grant at the approval of the final report. */
  grantedCents: number;
  plannedCostsCents: number;
  acceptedCostsCents: number;
  entitledCents: number;
  /** Committed payments when the balance was computed (approved batches, paid or not yet). */
  paidCents: number;
  /** entitled - paid: > 0 still due, < 0 recovered. */
  balanceCents: number;
  computedAt: string;
}

export interface RepaymentView {
  id: string;
  amountCents: number;
  paidOn: string;
  recordedByName: string;
  recordedAt: string;
}

/** Where and how the organisation repays: the administration's account (PAYMENT_DEBTOR_*) and the reference to quote. */
export interface RepaymentInstructions {
  accountName: string;
  iban: string;
  bic: string;
  paymentReference: string;
}

export interface RecoveryView {
  id: string;
  dossierId: string;
  reference: string | null;
  applicantName: string;
  callId: string;
  callTitle: string;
  amountCents: number;
  repaidCents: number;
  openCents: number;
  dueOn: string;
  status: RecoveryStatus;
  /** True once the due date passed and something is still open. */
  overdue: boolean;
  createdAt: string;
  repaidAt: string | null;
  remindersSent: number;
  repayments: RepaymentView[];
  howToPay: RepaymentInstructions;
}

/** One dossier's line in a ledger. */
export interface LedgerRow {
  dossierId: string;
  reference: string | null;
  applicantName: string;
  callId: string;
  callTitle: string;
  /** The effective grant: the lowest approved change's amount, else the minister's. */
  grantedCents: number;
  /** The accepted costs of the approved final report; null before it. */
  acceptedCostsCents: number | null;
  /** Approved payments, paid or not yet executed. */
  paidCents: number;
  /** What is still to pay: settled, max(0, entitled - paid); not yet settled, the grant - paid. */
  dueCents: number;
  /** Recoveries: still open, and repaid so far. */
  toRecoverCents: number;
  recoveredCents: number;
  settled: boolean;
  entitledCents: number | null;
  recoveryId: string | null;
}

export interface LedgerTotals {
  grantedCents: number;
  acceptedCostsCents: number;
  paidCents: number;
  dueCents: number;
  toRecoverCents: number;
  recoveredCents: number;
}

export interface LedgerView {
  rows: LedgerRow[];
  /** Summed by the database, not by the client. */
  totals: LedgerTotals;
}

export interface CallLedgerView extends LedgerView {
  callId: string;
  callTitle: string;
  budgetCents: number;
}

/** An organisation's dossier after the award: its ledger line, the settlement and the recovery if any. */
export interface DossierFinanceView {
  ledger: LedgerRow;
  settlement: SettlementView | null;
  recovery: RecoveryView | null;
}

export interface RecordRepaymentInput {
  amountCents: number;
  /** The day the money arrived (YYYY-MM-DD). */
  paidOn: string;
}
