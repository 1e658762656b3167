import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WEB_ROUTES, webUrl, type RecordRepaymentInput, type RecoveryView } from '@portal/contracts';
import { formatEuro, humanFormat, recoveryOpenCents } from '@portal/domain';
import {
  AppConfig,
  AppException,
  AuditRepository,
  NotificationRepository,
  type RecoveryCaseEntity,
} from '@portal/server';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { loadLetterSettings, type LetterSettings } from '../assessment/letters/letter-settings';
import { mailSender } from '../notifications/mail-sender';
import { recoveryLetterPdf } from './recovery-letter';
import { SettlementRepository, type SettlementDossier } from './settlement.repository';
import { SettlementService } from './settlement.service';

/**
 * Recoveries (terugvorderingen, ADR 0025): the view, the letter, and the repayments the administration records. The
 * database refuses a repayment above the open amount and closes the case when it is repaid (trigger under the case's
 * row lock), so two administrators recording at once cannot take it past its amount.
 */
@Injectable()
export class RecoveryService {
  private readonly letterSettings: LetterSettings;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settlements: SettlementRepository,
    private readonly settlement: SettlementService,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationRepository,
    private readonly config: AppConfig,
  ) {
    this.letterSettings = loadLetterSettings(config.LETTER_SETTINGS_FILE);
  }

  async get(id: string): Promise<RecoveryView> {
    const recovery = await this.settlements.recoveryById(id);
    if (!recovery) throw new AppException('NOT_FOUND');
    return this.view(recovery);
  }

  async ofCall(callId: string): Promise<RecoveryView[]> {
    return Promise.all((await this.settlements.recoveriesOfCall(callId)).map((r) => this.view(r)));
  }

  async view(recovery: RecoveryCaseEntity, dossier?: SettlementDossier): Promise<RecoveryView> {
    const [found, repayments, reminders, today] = await Promise.all([
      dossier ?? this.settlements.dossier(recovery.dossierId, null),
      this.settlements.repayments(recovery.id),
      this.settlements.remindersSent(recovery.id),
      this.settlements.today(),
    ]);
    const open = recoveryOpenCents(recovery.amountCents, recovery.repaidCents);
    return {
      id: recovery.id,
      dossierId: recovery.dossierId,
      reference: found!.reference,
      applicantName: found!.applicant.legalName,
      callId: recovery.callId,
      callTitle: found!.callTitle,
      amountCents: recovery.amountCents,
      repaidCents: recovery.repaidCents,
      openCents: open,
      dueOn: recovery.dueOn,
      status: recovery.status,
      overdue: open > 0 && today > recovery.dueOn,
      createdAt: recovery.createdAt.toISOString(),
      repaidAt: recovery.repaidAt ? recovery.repaidAt.toISOString() : null,
      remindersSent: reminders,
      repayments,
      howToPay: this.settlement.howToPay(found!.reference),
    };
  }

  async recordRepayment(auth: AuthContext, id: string, input: RecordRepaymentInput): Promise<RecoveryView> {
    await this.dataSource.transaction(async (manager) => {
      const recovery = await this.settlements.recoveryById(id, manager);
      if (!recovery) throw new AppException('NOT_FOUND');
      if (recovery.status === 'repaid') throw new AppException('RECOVERY_CLOSED');
      if (input.paidOn > (await this.settlements.today(manager)))
        throw new AppException('VALIDATION_FAILED', {
          errors: [
            {
              field: 'paidOn',
              code: 'future',
              message: { nl: 'Deze datum ligt in de toekomst.', en: 'This date is in the future.' },
            },
          ],
        });
      // The trigger locks the case, refuses more than is open (RECOVERY_ABOVE_OPEN) and closes it when repaid.
      const repayment = await this.settlements.insertRepayment(
        { caseId: id, amountCents: input.amountCents, paidOn: input.paidOn, recordedBy: auth.user.id },
        manager,
      );
      const after = (await this.settlements.recoveryById(id, manager))!;
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'recovery.repayment_recorded',
          entityType: 'recovery_case',
          entityId: id,
          before: { repaidCents: recovery.repaidCents, status: recovery.status },
          after: {
            repaymentId: repayment.id,
            amountCents: input.amountCents,
            paidOn: input.paidOn,
            repaidCents: after.repaidCents,
            status: after.status,
          },
          requestId: auth.requestId,
        },
        manager,
      );
      if (after.status === 'repaid')
        await this.audit.record(
          {
            actorUserId: auth.user.id,
            action: 'recovery.repaid',
            entityType: 'recovery_case',
            entityId: id,
            before: { status: 'open' },
            after: { status: 'repaid', amountCents: after.amountCents, dossierId: after.dossierId },
            requestId: auth.requestId,
          },
          manager,
        );
      const dossier = (await this.settlements.dossier(after.dossierId, null, manager))!;
      const locale = dossier.creator.locale;
      await this.notifications.enqueue(
        {
          template: 'recovery.repayment',
          recipient: dossier.creator.email,
          locale,
          subjectRef: dossier.reference,
          payload: {
            recipientName: dossier.creator.displayName,
            reference: dossier.reference ?? '',
            callTitle: dossier.callTitle,
            amountEuro: formatEuro(input.amountCents, locale),
            paidOn: humanFormat(locale).longDate(input.paidOn),
            openEuro: formatEuro(recoveryOpenCents(after.amountCents, after.repaidCents), locale),
            repaid: after.status === 'repaid',
            dossierUrl: webUrl(this.config.APP_URL, WEB_ROUTES.dossierFollowUp(dossier.id)),
            sender: mailSender(dossier.callInformation, this.config.LETTER_SETTINGS_FILE),
          },
        },
        manager,
      );
    });
    return this.get(id);
  }

  /** The recovery letter of a dossier (PDF, Dutch), for its organisation and the administration. */
  async letter(auth: AuthContext, dossierId: string): Promise<{ filename: string; pdf: Buffer }> {
    const admin = auth.user.roles.includes('admin');
    const dossier = await this.settlements.dossier(dossierId, admin ? null : auth.user.id);
    if (!dossier) throw new AppException('NOT_FOUND');
    const [recovery, settlement] = await Promise.all([
      this.settlements.recoveryOf(dossierId),
      this.settlements.settlementOf(dossierId),
    ]);
    if (!recovery || !settlement) throw new AppException('NO_RECOVERY');
    const pdf = await recoveryLetterPdf({
      dossier,
      settlement,
      amountCents: recovery.amountCents,
      dueOn: recovery.dueOn,
      howToPay: this.settlement.howToPay(dossier.reference),
      letterDate: recovery.createdAt,
      settings: this.letterSettings,
    });
    return { filename: `terugvordering-${dossier.reference ?? dossier.id}.pdf`, pdf };
  }
}
