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

export interface DueReviewReminder {
  email: string;
  display_name: string;
  locale: 'nl' | 'en';
  call_title: string;
  due_at: Date;
  kind: 'before' | 'after';
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
              -- A call with a review due date reminds by that date instead (dueReviewReminders).
              AND NOT EXISTS (SELECT 1 FROM dossiers d JOIN review_panels p ON p.call_id = d.call_id
                               WHERE d.id = review_assignments.dossier_id AND p.due_at IS NOT NULL)
           RETURNING reviewer_id
         )
         SELECT u.email, u.display_name, u.locale, count(*)::int AS open
           FROM reminded r JOIN users u ON u.id = r.reviewer_id
          GROUP BY u.email, u.display_name, u.locale`,
      [afterMinutes],
    );
  }

  /**
   * Open assignments of calls in assessment with a review due date: one 'before' reminder from `beforeMinutes` ahead of
   * it, one 'after' once it passed (a row per assignment and kind, so each goes out once). Returns one line per
   * reviewer, call and kind, with how many of their reviews are open; a deactivated reviewer gets no mail.
   */
  dueReviewReminders(beforeMinutes: number, manager: EntityManager): Promise<DueReviewReminder[]> {
    return manager.query<DueReviewReminder[]>(
      `WITH due AS (
           SELECT r.id AS assignment_id, CASE WHEN now() >= p.due_at THEN 'after' ELSE 'before' END AS kind
             FROM review_assignments r
             JOIN dossiers d ON d.id = r.dossier_id
             JOIN calls c ON c.id = d.call_id
             JOIN review_panels p ON p.call_id = d.call_id
            WHERE r.status = 'assigned' AND p.due_at IS NOT NULL
              AND now() >= p.due_at - make_interval(mins => $1)
              AND call_phase(c) IN ('closed','assessment')
         ), inserted AS (
           INSERT INTO review_due_reminders (assignment_id, kind)
           SELECT assignment_id, kind FROM due
           ON CONFLICT DO NOTHING
           RETURNING assignment_id, kind
         )
         SELECT u.email, u.display_name, u.locale, c.title AS call_title, p.due_at, i.kind, count(*)::int AS open
           FROM inserted i
           JOIN review_assignments r ON r.id = i.assignment_id
           JOIN dossiers d ON d.id = r.dossier_id
           JOIN calls c ON c.id = d.call_id
           JOIN review_panels p ON p.call_id = c.id
           JOIN users u ON u.id = r.reviewer_id
          WHERE u.deactivated_at IS NULL
          GROUP BY u.email, u.display_name, u.locale, c.id, c.title, p.due_at, i.kind
          ORDER BY u.email, c.title, i.kind`,
      [beforeMinutes],
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
