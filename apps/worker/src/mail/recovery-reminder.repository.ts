import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface DueRecoveryReminder {
  case_id: string;
  dossier_id: string;
  reference: string;
  call_title: string;
  call_information: Record<string, string> | null;
  open_cents: string;
  due_on: string;
  email: string;
  display_name: string;
  locale: 'nl' | 'en';
}

/**
 * Open recoveries past their due date (ADR 0025): a reminder each number of days after the due date in `days`
 * (1-based numbers in recovery_reminders: each goes out once, whichever worker scans). When several became due at
 * once (a worker was down) they are all recorded and one mail goes out.
 */
@Injectable()
export class RecoveryReminderRepository {
  due(days: readonly number[], manager: EntityManager): Promise<DueRecoveryReminder[]> {
    return manager.query<DueRecoveryReminder[]>(
      `WITH due AS (
           SELECT rc.id AS case_id, o.number
             FROM recovery_cases rc
             CROSS JOIN LATERAL unnest($1::int[]) WITH ORDINALITY AS o(days, number)
            WHERE rc.status = 'open'
              AND (now() AT TIME ZONE 'Europe/Brussels')::date >= rc.due_on + o.days
         ), inserted AS (
           INSERT INTO recovery_reminders (case_id, number)
           SELECT case_id, number FROM due
           ON CONFLICT DO NOTHING
           RETURNING case_id
         )
         SELECT DISTINCT rc.id AS case_id, d.id AS dossier_id, d.reference, c.title AS call_title,
                c.information AS call_information, rc.amount_cents - rc.repaid_cents AS open_cents,
                to_char(rc.due_on, 'YYYY-MM-DD') AS due_on, u.email, u.display_name, u.locale
           FROM inserted i
           JOIN recovery_cases rc ON rc.id = i.case_id
           JOIN dossiers d ON d.id = rc.dossier_id
           JOIN calls c ON c.id = d.call_id
           JOIN users u ON u.id = d.created_by
          WHERE u.deactivated_at IS NULL`,
      [days],
    );
  }
}
