import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WEB_ROUTES, webUrl } from '@portal/contracts';
import { formatBrussels } from '@portal/domain';
import { AppConfig, NotificationRepository } from '@portal/server';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '../scheduling/periodic-task';

interface DueReminder {
  dossier_id: string;
  offset_minutes: number;
  title: string;
  call_title: string;
  closes_at: Date;
  email: string;
  display_name: string;
  locale: 'nl' | 'en';
}

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
    return (await this.scanDrafts()) + (await this.scanReviews());
  }

  /** Reviewers with assignments still open REVIEW_REMINDER_AFTER_MINUTES after they were made: one mail per reviewer, once per assignment. */
  async scanReviews(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const reviewers = await manager.query<
        Array<{ email: string; display_name: string; locale: 'nl' | 'en'; open: number }>
      >(
        `WITH reminded AS (
           UPDATE review_assignments SET reminded_at = now()
            WHERE status = 'assigned' AND reminded_at IS NULL AND created_at <= now() - make_interval(mins => $1)
           RETURNING reviewer_id
         )
         SELECT u.email, u.display_name, u.locale, count(*)::int AS open
           FROM reminded r JOIN users u ON u.id = r.reviewer_id
          GROUP BY u.email, u.display_name, u.locale`,
        [this.config.REVIEW_REMINDER_AFTER_MINUTES],
      );
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
      const due = await manager.query<DueReminder[]>(
        `WITH due AS (
           SELECT d.id AS dossier_id, o.offset_minutes
             FROM dossiers d
             JOIN calls c ON c.id = d.call_id
             CROSS JOIN LATERAL unnest(c.reminder_offsets_minutes) AS o(offset_minutes)
            WHERE d.status = 'draft' AND c.status = 'published'
              AND now() < c.closes_at
              AND now() >= c.closes_at - make_interval(mins => o.offset_minutes)
         ), inserted AS (
           INSERT INTO reminders (dossier_id, offset_minutes, sent)
           SELECT dossier_id, offset_minutes, false FROM due
           ON CONFLICT DO NOTHING
           RETURNING dossier_id, offset_minutes
         ), most_urgent AS (
           SELECT dossier_id, min(offset_minutes) AS offset_minutes FROM inserted GROUP BY dossier_id
         )
         SELECT m.dossier_id, m.offset_minutes, d.title, c.title AS call_title, c.closes_at, u.email, u.display_name, u.locale
           FROM most_urgent m
           JOIN dossiers d ON d.id = m.dossier_id
           JOIN calls c ON c.id = d.call_id
           JOIN users u ON u.id = d.created_by
          WHERE NOT EXISTS (
            SELECT 1 FROM reminders r
             WHERE r.dossier_id = m.dossier_id AND r.offset_minutes <= m.offset_minutes AND r.sent
          )`,
      );
      for (const reminder of due) {
        await manager.query('UPDATE reminders SET sent = true WHERE dossier_id = $1 AND offset_minutes = $2', [
          reminder.dossier_id,
          reminder.offset_minutes,
        ]);
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
