import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface DueReportReminder {
  dossier_id: string;
  reference: string;
  title: string;
  call_title: string;
  report_kind: 'interim' | 'final';
  due_at: Date;
  kind: 'before' | 'after';
  email: string;
  display_name: string;
  locale: 'nl' | 'en';
}

/** The report reminders' query (ADR 0024): it marks what it returns, so each reminder goes out once. */
@Injectable()
export class ReportReminderRepository {
  /**
   * Reports an awarded dossier still owes (not started, a draft, or changes requested): one 'before' reminder from
   * `beforeMinutes` ahead of its due date, one 'after' once it passed (a row per dossier, report and kind in
   * report_due_reminders). To whoever created the dossier, unless deactivated.
   */
  dueReportReminders(beforeMinutes: number, manager: EntityManager): Promise<DueReportReminder[]> {
    return manager.query<DueReportReminder[]>(
      `WITH asked AS (
           SELECT d.id AS dossier_id, k.report_kind, k.due_at
             FROM dossiers d
             JOIN call_report_settings s ON s.call_id = d.call_id
             CROSS JOIN LATERAL (VALUES ('final', s.final_due_at),
                                        ('interim', CASE WHEN s.interim_required THEN s.interim_due_at END))
                                 AS k(report_kind, due_at)
            WHERE d.status = 'awarded' AND k.due_at IS NOT NULL
              AND now() >= k.due_at - make_interval(mins => $1)
              AND NOT EXISTS (SELECT 1 FROM dossier_reports r WHERE r.dossier_id = d.id AND r.kind = k.report_kind
                                 AND r.status IN ('submitted','approved'))
         ), inserted AS (
           INSERT INTO report_due_reminders (dossier_id, report_kind, kind)
           SELECT dossier_id, report_kind, CASE WHEN now() >= due_at THEN 'after' ELSE 'before' END FROM asked
           ON CONFLICT DO NOTHING
           RETURNING dossier_id, report_kind, kind
         )
         SELECT i.dossier_id, d.reference, d.title, c.title AS call_title,
                i.report_kind, a.due_at, i.kind, u.email, u.display_name, u.locale
           FROM inserted i
           JOIN asked a ON a.dossier_id = i.dossier_id AND a.report_kind = i.report_kind
           JOIN dossiers d ON d.id = i.dossier_id
           JOIN calls c ON c.id = d.call_id
           JOIN users u ON u.id = d.created_by
          WHERE u.deactivated_at IS NULL
          ORDER BY d.reference, i.report_kind`,
      [beforeMinutes],
    );
  }
}
