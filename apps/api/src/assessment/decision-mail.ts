import { WEB_ROUTES, webUrl, type CallInformation } from '@portal/contracts';
import { formatEuro } from '@portal/domain';
import type { AppConfig, NotificationRepository } from '@portal/server';
import { mailSender } from '../notifications/mail-sender';
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
  call: { title: string; information: CallInformation },
  decided: readonly DecidedDossier[],
  decision: { date: string; reference: string },
  config: Pick<AppConfig, 'APP_URL' | 'LETTER_SETTINGS_FILE'>,
): Promise<void> {
  const sender = mailSender(call.information, config.LETTER_SETTINGS_FILE);
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
          callTitle: call.title,
          outcome: dossier.outcome,
          reason: dossier.reason,
          grantedEuro: formatEuro(dossier.grantedCents),
          decisionDate: decision.date,
          decisionReference: decision.reference,
          dossierUrl: webUrl(config.APP_URL, WEB_ROUTES.applicantDossier(recipient.dossierId)),
          sender,
        },
      },
      manager,
    );
  }
}
