import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface DueAcceptanceReminder {
  dossier_id: string;
  reference: string;
  granted_cents: string;
  call_title: string;
  email: string;
  display_name: string;
  locale: 'nl' | 'en';
}

/**
 * Awarded dossiers whose organisation has not answered the award (ADR 0023), a reminder each number of days after the
 * decision in `days` (1-based numbers in acceptance_reminders: each goes out once, whichever worker scans). When
 * several became due at once (a worker was down) they are all recorded and one mail goes out.
 */
@Injectable()
export class AcceptanceReminderRepository {
  due(days: readonly number[], manager: EntityManager): Promise<DueAcceptanceReminder[]> {
    return manager.query<DueAcceptanceReminder[]>(
      `WITH awarded AS (
           SELECT d.id AS dossier_id,
                  coalesce(
                    (SELECT rp.decided_at FROM reserve_promotions rp
                      WHERE rp.dossier_id = d.id AND rp.status = 'confirmed' ORDER BY rp.decided_at DESC LIMIT 1),
                    (SELECT p.approved_at FROM selection_proposals p
                      WHERE p.call_id = d.call_id AND p.status = 'approved' ORDER BY p.approved_at DESC LIMIT 1),
                    (SELECT a.approved_at FROM catalogue_allocations a
                      WHERE a.call_id = d.call_id AND a.status = 'approved' ORDER BY a.approved_at DESC LIMIT 1)
                  ) AS awarded_at
             FROM dossiers d
            WHERE d.status = 'awarded' AND d.granted_cents > 0
              AND NOT EXISTS (SELECT 1 FROM award_acceptances x WHERE x.dossier_id = d.id)
         ), due AS (
           SELECT a.dossier_id, o.number
             FROM awarded a
             CROSS JOIN LATERAL unnest($1::int[]) WITH ORDINALITY AS o(days, number)
            WHERE a.awarded_at IS NOT NULL AND now() >= a.awarded_at + make_interval(days => o.days)
         ), inserted AS (
           INSERT INTO acceptance_reminders (dossier_id, number)
           SELECT dossier_id, number FROM due
           ON CONFLICT DO NOTHING
           RETURNING dossier_id
         )
         SELECT DISTINCT d.id AS dossier_id, d.reference, d.granted_cents, c.title AS call_title, u.email, u.display_name, u.locale
           FROM inserted i
           JOIN dossiers d ON d.id = i.dossier_id
           JOIN calls c ON c.id = d.call_id
           JOIN users u ON u.id = d.created_by
          WHERE u.deactivated_at IS NULL`,
      [days],
    );
  }
}
