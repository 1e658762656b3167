/** WARNING: persisted in notifications.status. */
export const NOTIFICATION_STATUSES = ['pending', 'queued', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** WARNING: persisted in notifications.template; each has a Dutch and an English version. */
export const NOTIFICATION_TEMPLATES = [
  'dossier.submitted',
  'dossier.withdrawn',
  'dossier.reminder',
  'applicant.invitation',
  'proposal.sent',
  'dossier.decision',
  'dossier.admissibility',
  'review.assigned',
  'review.reminder',
  'auth.password_reset',
  /** After a password change or reset: a warning to the owner in case it was not them (ASVS 2.2.3). */
  'auth.password_changed',
  /** An admin invites a person as staff (admin, reviewer, minister). */
  'staff.invitation',
  /** A single-use link that confirms a new account's e-mail address. */
  'auth.email_verification',
  /** To an organisation's admins: the administration verified or rejected its claim to its number. */
  'applicant.verification',
  /** A reviewer's open reviews of a call, before and after its review due date (ADR 0013). */
  'review.due_reminder',
  /** After the award (ADR 0024): a report submitted (receipt), decided, or due; a change request received or decided. */
  'report.submitted',
  'report.decided',
  'report.due_reminder',
  'change_request.submitted',
  'change_request.decided',
  /** After the decision (ADR 0023): acceptance recorded, acceptance reminder, a tranche paid. */
  'award.acceptance_recorded',
  'award.acceptance_reminder',
  'payment.paid',
  /** After the final report (ADR 0025): the balance; a repayment of a recovery recorded; an overdue recovery. */
  'settlement.computed',
  'recovery.repayment',
  'recovery.reminder',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

export interface NotificationView {
  id: string;
  template: NotificationTemplate;
  recipient: string;
  locale: 'nl' | 'en';
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  smtpMessageId: string | null;
  createdAt: string;
  sentAt: string | null;
  subjectRef: string | null;
}

/** `GET /notifications`: one page of the notification log, newest first. */
export interface NotificationPage {
  items: NotificationView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MailJobData {
  notificationId: string;
}

/** Mail that needs a person: failed, or not sent a quarter of an hour after it was written. Oldest first. */
export interface StuckMailList {
  items: NotificationView[];
  /** All stuck mails, of which `items` holds the oldest (at most STUCK_MAIL_PAGE). */
  total: number;
}
export const STUCK_MAIL_PAGE = 200;

/** Resending many at once (POST /notifications/resend). */
export interface BulkResendRequest {
  ids: string[];
}
export const BULK_RESEND_MAX = 200;

export interface BulkResendResult {
  /** Back in the outbox, with a new job id. */
  resent: string[];
  /** Not resent: unknown id, still waiting to be handed to the queue, or nothing left to send. */
  refused: Array<{ id: string; reason: 'not-found' | 'pending' | 'not-resendable' }>;
}

/** What each kind of mail is called in the administration's lists (every template has one: the type says so). */
export const NOTIFICATION_TEMPLATE_TEXT: Record<NotificationTemplate, { nl: string; en: string }> = {
  'dossier.submitted': { nl: 'Bevestiging van indiening', en: 'Submission confirmation' },
  'dossier.withdrawn': { nl: 'Bevestiging van intrekking', en: 'Withdrawal confirmation' },
  'dossier.reminder': { nl: 'Herinnering aan een concept', en: 'Reminder of a draft' },
  'dossier.admissibility': { nl: 'Beslissing over de ontvankelijkheid', en: 'Admissibility decision' },
  'dossier.decision': { nl: 'Beslissing over een dossier', en: 'Decision on a dossier' },
  'applicant.invitation': { nl: 'Uitnodiging van een collega', en: 'Invitation from a colleague' },
  'applicant.verification': { nl: 'Verificatie van de aanvrager', en: 'Verification of the applicant' },
  'proposal.sent': { nl: 'Selectievoorstel ter goedkeuring', en: 'Selection proposal for approval' },
  'review.assigned': { nl: 'Nieuwe beoordeling toegewezen', en: 'New review assigned' },
  'review.reminder': { nl: 'Herinnering aan een beoordeling', en: 'Reminder of a review' },
  'review.due_reminder': { nl: 'Herinnering aan de uiterste datum van beoordelen', en: 'Review due date reminder' },
  'report.submitted': { nl: 'Bevestiging van een rapport', en: 'Report confirmation' },
  'report.decided': { nl: 'Beslissing over een rapport', en: 'Decision on a report' },
  'report.due_reminder': { nl: 'Herinnering aan een rapport', en: 'Report reminder' },
  'change_request.submitted': { nl: 'Bevestiging van een wijzigingsaanvraag', en: 'Change request confirmation' },
  'change_request.decided': { nl: 'Beslissing over een wijzigingsaanvraag', en: 'Decision on a change request' },
  'auth.password_changed': { nl: 'Wachtwoord gewijzigd', en: 'Password changed' },
  'auth.password_reset': { nl: 'Link om een nieuw wachtwoord te kiezen', en: 'Password reset link' },
  'auth.email_verification': { nl: 'Bevestiging van het e-mailadres', en: 'E-mail address confirmation' },
  'staff.invitation': { nl: 'Uitnodiging als medewerker', en: 'Staff invitation' },
  'award.acceptance_recorded': { nl: 'Aanvaarding van de beslissing', en: 'Acceptance of the decision' },
  'award.acceptance_reminder': { nl: 'Herinnering: beslissing aanvaarden', en: 'Reminder: accept the decision' },
  'payment.paid': { nl: 'Betaling van een schijf', en: 'Payment of a tranche' },
  'settlement.computed': { nl: 'Saldo na het eindrapport', en: 'Balance after the final report' },
  'recovery.repayment': { nl: 'Terugbetaling ontvangen', en: 'Repayment received' },
  'recovery.reminder': { nl: 'Herinnering: terugbetaling', en: 'Reminder: repayment' },
};
