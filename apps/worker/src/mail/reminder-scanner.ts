import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WEB_ROUTES, webUrl } from '@portal/contracts';
import { formatBrussels, formatEuro, humanFormat } from '@portal/domain';
import { acceptanceReminderDays, AppConfig, NotificationRepository, recoveryReminderDays } from '@portal/server';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '../scheduling/periodic-task';
import { AcceptanceReminderRepository } from './acceptance-reminder.repository';
import { RecoveryReminderRepository } from './recovery-reminder.repository';
import { ReminderRepository } from './reminder.repository';
import { ReportReminderRepository } from './report-reminder.repository';

/** How long before a call's review due date reviewers with open reviews are reminded (ADR 0013). */
export const REVIEW_DUE_SOON_MINUTES = 2 * 24 * 60;

/** How long before a report's due date the organisation is reminded (ADR 0024). */
export const REPORT_DUE_SOON_MINUTES = 14 * 24 * 60;

/**
 * Reminds applicants of drafts that are not submitted, at the offsets the call defines. The reminders table's
 * primary key (dossier, offset) makes each reminder go out once, whichever worker scans. When several offsets
 * are due at once (a worker was down, or the draft was started late) only the most urgent one is sent.
 */
@Injectable()
export class ReminderScanner extends PeriodicTask {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly config: AppConfig,
    private readonly reminders: ReminderRepository,
    private readonly reportReminders: ReportReminderRepository,
    private readonly acceptances: AcceptanceReminderRepository,
    private readonly recoveries: RecoveryReminderRepository,
  ) {
    super();
  }

  protected override intervalMs(): number {
    return this.config.REMINDER_SCAN_MS;
  }

  protected override runOnce(): Promise<number> {
    return this.scanOnce();
  }

  /** One scan; returns how many reminders (applicants and reviewers) it put in the outbox. */
  async scanOnce(): Promise<number> {
    return (
      (await this.scanDrafts()) +
      (await this.scanReviews()) +
      (await this.scanReviewDueDates()) +
      (await this.scanReportDueDates()) +
      (await this.scanAcceptances()) +
      (await this.scanRecoveries())
    );
  }

  /** Organisations that still owe a report: once before its due date, once after it passed (ADR 0024). */
  async scanReportDueDates(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await this.reportReminders.dueReportReminders(REPORT_DUE_SOON_MINUTES, manager);
      for (const reminder of due) {
        await this.notifications.enqueue(
          {
            template: 'report.due_reminder',
            recipient: reminder.email,
            locale: reminder.locale,
            subjectRef: reminder.reference,
            payload: {
              recipientName: reminder.display_name,
              reference: reminder.reference,
              title: reminder.title,
              callTitle: reminder.call_title,
              reportKind: reminder.report_kind,
              dueAtBrussels: formatBrussels(reminder.due_at, false),
              overdue: reminder.kind === 'after',
              reportUrl: webUrl(
                this.config.APP_URL,
                WEB_ROUTES.dossierReport(reminder.dossier_id, reminder.report_kind),
              ),
            },
          },
          manager,
        );
      }
      return due.length;
    });
  }

  /** Organisations that have not answered their award, ACCEPTANCE_REMINDER_DAYS after the decision (ADR 0023). */
  async scanAcceptances(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await this.acceptances.due(acceptanceReminderDays(this.config), manager);
      for (const reminder of due) {
        await this.notifications.enqueue(
          {
            template: 'award.acceptance_reminder',
            recipient: reminder.email,
            locale: reminder.locale,
            subjectRef: reminder.reference,
            payload: {
              recipientName: reminder.display_name,
              reference: reminder.reference,
              callTitle: reminder.call_title,
              grantedEuro: formatEuro(Number(reminder.granted_cents), reminder.locale),
              dossierUrl: webUrl(this.config.APP_URL, WEB_ROUTES.applicantDossier(reminder.dossier_id)),
            },
          },
          manager,
        );
      }
      return due.length;
    });
  }

  /** Organisations with an open recovery, RECOVERY_REMINDER_DAYS after its due date, each once (ADR 0025). */
  async scanRecoveries(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await this.recoveries.due(recoveryReminderDays(this.config), manager);
      for (const reminder of due) {
        await this.notifications.enqueue(
          {
            template: 'recovery.reminder',
            recipient: reminder.email,
            locale: reminder.locale,
            subjectRef: reminder.reference,
            payload: {
              recipientName: reminder.display_name,
              reference: reminder.reference,
              callTitle: reminder.call_title,
              openEuro: formatEuro(Number(reminder.open_cents), reminder.locale),
              dueOn: humanFormat(reminder.locale).longDate(reminder.due_on),
              creditorName: this.config.PAYMENT_DEBTOR_NAME,
              creditorIban: this.config.PAYMENT_DEBTOR_IBAN.replace(/(.{4})(?=.)/g, '$1 '),
              paymentReference: `Terugvordering ${reminder.reference}`,
              dossierUrl: webUrl(this.config.APP_URL, WEB_ROUTES.dossierFollowUp(reminder.dossier_id)),
            },
          },
          manager,
        );
      }
      return due.length;
    });
  }

  /** Reviewers with open reviews of a call with a due date: once before it, once after it passed. */
  async scanReviewDueDates(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await this.reminders.dueReviewReminders(REVIEW_DUE_SOON_MINUTES, manager);
      for (const reminder of due) {
        await this.notifications.enqueue(
          {
            template: 'review.due_reminder',
            recipient: reminder.email,
            locale: reminder.locale,
            payload: {
              recipientName: reminder.display_name,
              callTitle: reminder.call_title,
              open: reminder.open,
              dueAtBrussels: formatBrussels(reminder.due_at, false),
              overdue: reminder.kind === 'after',
            },
          },
          manager,
        );
      }
      return due.length;
    });
  }

  /** Reviewers with assignments still open REVIEW_REMINDER_AFTER_MINUTES after they were made: one mail per reviewer, once per assignment. */
  async scanReviews(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const reviewers = await this.reminders.remindReviewers(this.config.REVIEW_REMINDER_AFTER_MINUTES, manager);
      for (const reviewer of reviewers) {
        await this.notifications.enqueue(
          {
            template: 'review.reminder',
            recipient: reviewer.email,
            locale: reviewer.locale,
            payload: { recipientName: reviewer.display_name, open: reviewer.open },
          },
          manager,
        );
      }
      return reviewers.length;
    });
  }

  private async scanDrafts(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await this.reminders.dueDraftReminders(manager);
      for (const reminder of due) {
        await this.reminders.markSent(reminder, manager);
        await this.notifications.enqueue(
          {
            template: 'dossier.reminder',
            recipient: reminder.email,
            locale: reminder.locale,
            subjectRef: reminder.dossier_id,
            payload: {
              recipientName: reminder.display_name,
              title: reminder.title,
              callTitle: reminder.call_title,
              closesAtBrussels: formatBrussels(reminder.closes_at),
              offsetMinutes: reminder.offset_minutes,
              dossierUrl: webUrl(this.config.APP_URL, WEB_ROUTES.applicantDossier(reminder.dossier_id)),
            },
          },
          manager,
        );
      }
      return due.length;
    });
  }
}
