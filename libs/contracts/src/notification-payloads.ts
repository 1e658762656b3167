import type { NotificationTemplate } from './notifications';
import type { StaffRole } from './roles';

/**
 * What each mail template needs, frozen at the moment of the event. `enqueue` only accepts the payload of its template,
 * and the templates read these fields by name. WARNING: stored in notifications.payload; rows written by an older
 * version are rendered with these types, so add fields as optional, never rename one.
 */
/**
 * Who signs a mail to an applicant and whom they can ask: the administration (its letter settings, ADR 0017) and the
 * call's contact person (`calls.information`) or else the administration's. Frozen with the mail like the rest.
 */
export interface MailSender {
  /** The department or agency, e.g. "Departement Cultuur, Jeugd en Media". */
  administration: string;
  /** One line: name, e-mail address and phone of the contact, e.g. "Team subsidies, subsidies@..., 02 553 00 00". */
  contact: string;
}

export interface NotificationPayloads {
  'dossier.submitted': {
    recipientName: string;
    reference: string;
    title: string;
    callTitle: string;
    submittedAt: string;
    submittedAtBrussels: string;
    contentHash: string;
    submissionNumber: number;
    receiptUrl: string;
    /** The dossier itself (rows written before it was added have only the receipt). */
    dossierUrl?: string;
    sender?: MailSender;
  };
  'dossier.withdrawn': {
    recipientName?: string;
    reference?: string | null;
    title: string;
    callTitle: string;
    withdrawnAtBrussels?: string;
    dossierUrl?: string;
    sender?: MailSender;
  };
  'dossier.reminder': {
    recipientName: string;
    title: string;
    callTitle: string;
    closesAtBrussels: string;
    offsetMinutes: number;
    dossierUrl: string;
  };
  'applicant.invitation': {
    inviterName: string;
    applicantName: string;
    /** Holds the invitation token: removed from the row once the mail is sent (see SECRET_PAYLOAD_FIELDS). */
    acceptUrl: string;
    expiresAtBrussels: string;
  };
  'proposal.sent': {
    recipientName: string;
    callTitle: string;
    grantedEuro: string;
    budgetEuro: string;
    count: number;
  };
  'dossier.decision': {
    recipientName: string;
    reference: string;
    title: string;
    callTitle: string;
    outcome: string;
    reason: string | null;
    grantedEuro: string;
    decisionDate: string;
    decisionReference: string;
    dossierUrl?: string;
    sender?: MailSender;
  };
  'dossier.admissibility': {
    recipientName: string;
    reference: string | null;
    callTitle: string;
    decision: string;
    motivation: string;
    dossierUrl?: string;
    sender?: MailSender;
  };
  'review.assigned': { recipientName: string; reference: string; callTitle: string };
  'review.reminder': { recipientName: string; open: number };
  'auth.password_reset': {
    recipientName: string;
    /** Holds the reset token: removed from the row once the mail is sent (see SECRET_PAYLOAD_FIELDS). */
    resetUrl: string;
    expiresAtBrussels: string;
  };
  'staff.invitation': {
    inviterName: string;
    roles: StaffRole[];
    /** Holds the invitation token: removed from the row once the mail is sent (see SECRET_PAYLOAD_FIELDS). */
    acceptUrl: string;
    expiresAtBrussels: string;
    /** Set for an external expert invited to one call's review panel (ADR 0013). */
    callTitle?: string;
  };
  'report.submitted': {
    recipientName: string;
    reference: string;
    title: string;
    callTitle: string;
    /** 'interim' | 'final' */
    reportKind: string;
    submittedAtBrussels: string;
    reportUrl: string;
    sender?: MailSender;
  };
  'report.decided': {
    recipientName: string;
    reference: string;
    title: string;
    callTitle: string;
    reportKind: string;
    decision: 'approved' | 'changes_requested';
    motivation: string | null;
    /** On an approval: the accepted costs, formatted. */
    acceptedEuro: string | null;
    reportUrl: string;
    sender?: MailSender;
  };
  'report.due_reminder': {
    recipientName: string;
    reference: string;
    title: string;
    callTitle: string;
    reportKind: string;
    dueAtBrussels: string;
    overdue: boolean;
    reportUrl: string;
    sender?: MailSender;
  };
  'change_request.submitted': {
    recipientName: string;
    reference: string;
    title: string;
    callTitle: string;
    /** A ChangeRequestKind. */
    changeKind: string;
    dossierUrl: string;
    sender?: MailSender;
  };
  'change_request.decided': {
    recipientName: string;
    reference: string;
    title: string;
    callTitle: string;
    changeKind: string;
    decision: 'approved' | 'refused';
    motivation: string;
    dossierUrl: string;
    sender?: MailSender;
  };
  'review.due_reminder': {
    recipientName: string;
    callTitle: string;
    open: number;
    dueAtBrussels: string;
    /** False: the due date is near; true: it passed. */
    overdue: boolean;
  };
  'auth.email_verification': {
    recipientName: string;
    /** Holds the confirmation token: removed from the row once the mail is sent (see SECRET_PAYLOAD_FIELDS). */
    verifyUrl: string;
    expiresAtBrussels: string;
  };
  'applicant.verification': {
    recipientName: string;
    applicantName: string;
    decision: 'verified' | 'rejected';
    /** The administration's motivation (required for a rejection). */
    motivation: string | null;
  };
  'auth.password_changed': {
    recipientName: string;
    changedAtBrussels: string;
    how: 'change' | 'reset';
    forgotUrl: string;
  };
  /** To the organisation: its acceptance (or refusal) of the decision and conditions is recorded (ADR 0023). */
  'award.acceptance_recorded': {
    recipientName: string;
    reference: string;
    callTitle: string;
    accepted: boolean;
    decidedAtBrussels: string;
    conditionsSha256: string;
    /** The tranches as "label: amount", in their order; empty when declined. */
    tranches: string[];
    dossierUrl?: string;
    sender?: MailSender;
  };
  /** To the organisation: the decision awaits its acceptance. */
  'award.acceptance_reminder': {
    recipientName: string;
    reference: string;
    callTitle: string;
    grantedEuro: string;
    dossierUrl?: string;
    sender?: MailSender;
  };
  /** To the organisation: a tranche was paid. */
  'payment.paid': {
    recipientName: string;
    reference: string;
    callTitle: string;
    trancheLabel: string;
    amountEuro: string;
    executionDate: string;
    ibanMasked: string;
    dossierUrl?: string;
    sender?: MailSender;
  };
  /** To the organisation: the balance after its final report (ADR 0025); negative: a recovery with how to repay. */
  'settlement.computed': {
    recipientName: string;
    reference: string;
    callTitle: string;
    grantedEuro: string;
    plannedEuro: string;
    acceptedEuro: string;
    entitledEuro: string;
    paidEuro: string;
    /** The absolute value of the balance, formatted; `outcome` says which way it goes. */
    balanceEuro: string;
    outcome: 'due' | 'settled' | 'recovery';
    /** On a recovery: the due date (long form), the account to repay to and the reference to quote. */
    dueOn?: string;
    creditorName?: string;
    creditorIban?: string;
    paymentReference?: string;
    dossierUrl?: string;
    sender?: MailSender;
  };
  /** To the organisation: a repayment was recorded against its recovery, or the recovery is overdue. */
  'recovery.repayment': {
    recipientName: string;
    reference: string;
    callTitle: string;
    amountEuro: string;
    paidOn: string;
    openEuro: string;
    repaid: boolean;
    dossierUrl?: string;
    sender?: MailSender;
  };
  'recovery.reminder': {
    recipientName: string;
    reference: string;
    callTitle: string;
    openEuro: string;
    dueOn: string;
    creditorName: string;
    creditorIban: string;
    paymentReference: string;
    dossierUrl?: string;
    sender?: MailSender;
  };
}

/** Every template has a payload type, and nothing else does (a compile error when the two lists drift apart). */
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const PAYLOADS_COVER_TEMPLATES: Exact<keyof NotificationPayloads, NotificationTemplate> = true;

export type NotificationPayload<T extends NotificationTemplate> = NotificationPayloads[T];

/**
 * Payload fields that carry a usable secret (a link with a token). The worker removes them from the row in the same
 * statement that marks the mail sent, so the notification log never holds a working link afterwards (ASVS 2.5 / 3.5).
 * WARNING: the names are persisted payload keys.
 */
export const SECRET_PAYLOAD_FIELDS: { [T in NotificationTemplate]?: ReadonlyArray<keyof NotificationPayloads[T]> } = {
  'auth.password_reset': ['resetUrl'],
  'applicant.invitation': ['acceptUrl'],
  'staff.invitation': ['acceptUrl'],
  'auth.email_verification': ['verifyUrl'],
};

/** The union of those fields, for the one SQL statement that scrubs them whatever the template. */
export const ALL_SECRET_PAYLOAD_FIELDS: readonly string[] = [
  ...new Set(Object.values(SECRET_PAYLOAD_FIELDS).flatMap((fields) => (fields ?? []).map(String))),
];

/** True when a sent mail's secret fields were removed: resending it would send a mail without its link. */
export function isScrubbedPayload(template: NotificationTemplate, payload: Record<string, unknown>): boolean {
  const fields = (SECRET_PAYLOAD_FIELDS[template] ?? []) as readonly string[];
  return fields.some((field) => !(field in payload));
}
