import { formatEuro } from '@portal/domain';
import type { NotificationRepository } from '@portal/server';
import type { EntityManager } from 'typeorm';

export interface DecidedDossier {
  dossierId: string;
  /** selected | reserve | rejected */
  outcome: string;
  /** A stable selection reason code (see SELECTION_REASON_TEXT). */
  reason: string;
  grantedCents: number;
}

/**
 * The decision mail to whoever created each dossier, as outbox rows of the transaction that takes the decision (the
 * minister's approval of a proposal, or of a reserve promotion): no decision without its mails, and vice versa.
 */
export async function enqueueDecisionMails(
  notifications: NotificationRepository,
  manager: EntityManager,
  callTitle: string,
  decided: readonly DecidedDossier[],
  decision: { date: string; reference: string },
): Promise<void> {
  const recipients = await manager.query<
    Array<{
      dossier_id: string;
      email: string;
      display_name: string;
      locale: 'nl' | 'en';
      reference: string;
      title: string;
    }>
  >(
    `SELECT d.id AS dossier_id, u.email, u.display_name, u.locale, d.reference, d.title
       FROM dossiers d JOIN users u ON u.id = d.created_by WHERE d.id = ANY($1::uuid[])`,
    [decided.map((d) => d.dossierId)],
  );
  const byDossier = new Map(decided.map((d) => [d.dossierId, d]));
  for (const recipient of recipients) {
    const dossier = byDossier.get(recipient.dossier_id)!;
    await notifications.enqueue(
      {
        template: 'dossier.decision',
        recipient: recipient.email,
        locale: recipient.locale,
        subjectRef: recipient.reference,
        payload: {
          recipientName: recipient.display_name,
          reference: recipient.reference,
          title: recipient.title,
          callTitle,
          outcome: dossier.outcome,
          reason: dossier.reason,
          grantedEuro: formatEuro(dossier.grantedCents),
          decisionDate: decision.date,
          decisionReference: decision.reference,
        },
      },
      manager,
    );
  }
}
