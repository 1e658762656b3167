import { formatEuro } from '@portal/domain';
import type { NotificationRepository } from '@portal/server';
import type { EntityManager } from 'typeorm';
import type { AssessmentRepository } from './assessment.repository';

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
 * minister's approval of a proposal, or of a reserve promotion): no decision without its mails, and vice versa. The
 * title is the submitted version's, as everywhere the decision is concerned.
 */
export async function enqueueDecisionMails(
  notifications: NotificationRepository,
  repository: AssessmentRepository,
  manager: EntityManager,
  callTitle: string,
  decided: readonly DecidedDossier[],
  decision: { date: string; reference: string },
): Promise<void> {
  const recipients = await repository.decisionRecipients(
    decided.map((d) => d.dossierId),
    manager,
  );
  const byDossier = new Map(decided.map((d) => [d.dossierId, d]));
  for (const recipient of recipients) {
    const dossier = byDossier.get(recipient.dossierId)!;
    await notifications.enqueue(
      {
        template: 'dossier.decision',
        recipient: recipient.email,
        locale: recipient.locale,
        subjectRef: recipient.reference,
        payload: {
          recipientName: recipient.displayName,
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
