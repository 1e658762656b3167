import { WEB_ROUTES, webUrl, type NotificationPayloads, type ReportKind } from '@portal/contracts';
import type { AppConfig, NotificationRepository } from '@portal/server';
import type { EntityManager } from 'typeorm';
import { mailSender } from '../notifications/mail-sender';
import type { ReportDossier } from './report.repository';

type Recipient = { email: string; displayName: string; locale: 'nl' | 'en' };

/** The report mails, as outbox rows of the transaction that takes the step ("u" form, signed by the administration). */
export async function enqueueReportMail<T extends 'report.submitted' | 'report.decided'>(
  notifications: NotificationRepository,
  config: Pick<AppConfig, 'APP_URL' | 'LETTER_SETTINGS_FILE'>,
  manager: EntityManager,
  template: T,
  to: Recipient,
  dossier: ReportDossier,
  kind: ReportKind,
  extra: Omit<
    NotificationPayloads[T],
    'recipientName' | 'reference' | 'title' | 'callTitle' | 'reportKind' | 'reportUrl' | 'sender'
  >,
): Promise<void> {
  await notifications.enqueue(
    {
      template,
      recipient: to.email,
      locale: to.locale,
      subjectRef: dossier.reference,
      payload: {
        recipientName: to.displayName,
        reference: dossier.reference ?? '',
        title: dossier.title,
        callTitle: dossier.callTitle,
        reportKind: kind,
        reportUrl: webUrl(config.APP_URL, WEB_ROUTES.dossierReport(dossier.id, kind)),
        sender: mailSender(dossier.callInformation, config.LETTER_SETTINGS_FILE),
        ...extra,
      } as NotificationPayloads[T],
    } as never,
    manager,
  );
}
