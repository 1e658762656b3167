import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface DueReminder {
  dossier_id: string;
  offset_minutes: number;
  title: string;
  call_title: string;
  closes_at: Date;
  email: string;
  display_name: string;
  locale: 'nl' | 'en';
}

export interface RemindedReviewer {
  email: string;
  display_name: string;
  locale: 'nl' | 'en';
  open: number;
}

/** The reminder scanner's queries: each marks what it returns, so a reminder goes out once whichever worker scans. */
@Injectable()
export class ReminderRepository {
  /** Marks open assignments older than `afterMinutes` as reminded; returns their reviewers with the count per reviewer. */
  async remindReviewers(afterMinutes: number, manager: EntityManager): Promise<RemindedReviewer[]> {
    return manager.query<RemindedReviewer[]>(
      `WITH reminded AS (
           UPDATE review_assignments SET reminded_at = now()
            WHERE status = 'assigned' AND reminded_at IS NULL AND created_at <= now() - make_interval(mins => $1)
           RETURNING reviewer_id
         )
         SELECT u.email, u.display_name, u.locale, count(*)::int AS open
           FROM reminded r JOIN users u ON u.id = r.reviewer_id
          GROUP BY u.email, u.display_name, u.locale`,
      [afterMinutes],
    );
  }

  /** Drafts due a reminder, recorded (unsent) in reminders; only the most urgent offset per dossier. */
  dueDraftReminders(manager: EntityManager): Promise<DueReminder[]> {
    return manager.query<DueReminder[]>(
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
  }

  async markSent(reminder: DueReminder, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE reminders SET sent = true WHERE dossier_id = $1 AND offset_minutes = $2', [
      reminder.dossier_id,
      reminder.offset_minutes,
    ]);
  }
}
