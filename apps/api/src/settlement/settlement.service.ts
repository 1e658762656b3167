import { Injectable } from '@nestjs/common';
import { WEB_ROUTES, webUrl, type RepaymentInstructions } from '@portal/contracts';
import { formatEuro, humanFormat, recoveryDueOn, settle } from '@portal/domain';
import { AppConfig, AuditRepository, NotificationRepository, type DossierSettlementEntity } from '@portal/server';
import type { EntityManager } from 'typeorm';
import { mailSender } from '../notifications/mail-sender';
import { formatIban } from './recovery-letter';
import { SettlementRepository, type SettlementDossier } from './settlement.repository';

/** The approved final report a settlement starts from. */
export interface ApprovedFinalReport {
  id: string;
  dossierId: string;
  plannedCostsCents: number;
  acceptedCostsCents: number;
}

/**
 * The settlement after the final report (ADR 0025), computed in the transaction that approves the report: the approval
 * is one conditional statement (only one administrator wins it), and the call's payment lock keeps the paid sum true
 * until the settlement is stored. The unique index on dossier_settlements is the last guard: one per dossier.
 */
@Injectable()
export class SettlementService {
  constructor(
    private readonly settlements: SettlementRepository,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationRepository,
    private readonly config: AppConfig,
  ) {}

  /** Where and how an organisation repays a recovery: the administration's account and the dossier's reference. */
  howToPay(reference: string | null): RepaymentInstructions {
    return {
      accountName: this.config.PAYMENT_DEBTOR_NAME,
      iban: this.config.PAYMENT_DEBTOR_IBAN,
      bic: this.config.PAYMENT_DEBTOR_BIC,
      paymentReference: `Terugvordering ${reference ?? ''}`.trim(),
    };
  }

  async settleFinalReport(
    actorUserId: string,
    requestId: string | null,
    report: ApprovedFinalReport,
    manager: EntityManager,
  ): Promise<DossierSettlementEntity> {
    const dossier = (await this.settlements.dossier(report.dossierId, null, manager))!;
    await this.settlements.lockCall(dossier.callId, manager);
    const paidCents = await this.settlements.paidCents(dossier.id, manager);
    const computed = settle({
      grantedCents: dossier.effectiveGrantCents,
      plannedCostsCents: report.plannedCostsCents,
      acceptedCostsCents: report.acceptedCostsCents,
      paidCents,
    });
    const settlement = await this.settlements.insertSettlement(
      {
        dossierId: dossier.id,
        callId: dossier.callId,
        reportId: report.id,
        grantedCents: computed.grantedCents,
        plannedCostsCents: computed.plannedCostsCents,
        acceptedCostsCents: computed.acceptedCostsCents,
        entitledCents: computed.entitledCents,
        paidCents: computed.paidCents,
        balanceCents: computed.balanceCents,
        computedBy: actorUserId,
      },
      manager,
    );
    await this.audit.record(
      {
        actorUserId,
        action: 'settlement.computed',
        entityType: 'dossier',
        entityId: dossier.id,
        before: null,
        after: { ...computed, settlementId: settlement.id, reportId: report.id },
        requestId,
      },
      manager,
    );
    let dueOn: string | undefined;
    if (computed.balanceCents < 0) {
      dueOn = recoveryDueOn(await this.settlements.today(manager), Number(this.config.RECOVERY_DUE_DAYS));
      const recovery = await this.settlements.insertRecovery(
        {
          dossierId: dossier.id,
          callId: dossier.callId,
          settlementId: settlement.id,
          amountCents: -computed.balanceCents,
          dueOn,
        },
        manager,
      );
      await this.audit.record(
        {
          actorUserId,
          action: 'recovery.opened',
          entityType: 'recovery_case',
          entityId: recovery.id,
          before: null,
          after: { dossierId: dossier.id, amountCents: recovery.amountCents, dueOn, settlementId: settlement.id },
          requestId,
        },
        manager,
      );
    }
    await this.mailSettlement(dossier, settlement, dueOn, manager);
    return settlement;
  }

  private async mailSettlement(
    dossier: SettlementDossier,
    s: DossierSettlementEntity,
    dueOn: string | undefined,
    manager: EntityManager,
  ): Promise<void> {
    const locale = dossier.creator.locale;
    const euro = (cents: number) => formatEuro(cents, locale);
    const how = this.howToPay(dossier.reference);
    await this.notifications.enqueue(
      {
        template: 'settlement.computed',
        recipient: dossier.creator.email,
        locale,
        subjectRef: dossier.reference,
        payload: {
          recipientName: dossier.creator.displayName,
          reference: dossier.reference ?? '',
          callTitle: dossier.callTitle,
          grantedEuro: euro(s.grantedCents),
          plannedEuro: euro(s.plannedCostsCents),
          acceptedEuro: euro(s.acceptedCostsCents),
          entitledEuro: euro(s.entitledCents),
          paidEuro: euro(s.paidCents),
          balanceEuro: euro(Math.abs(s.balanceCents)),
          outcome: s.balanceCents > 0 ? 'due' : s.balanceCents === 0 ? 'settled' : 'recovery',
          ...(dueOn
            ? {
                dueOn: humanFormat(locale).longDate(dueOn),
                creditorName: how.accountName,
                creditorIban: formatIban(how.iban),
                paymentReference: how.paymentReference,
              }
            : {}),
          dossierUrl: webUrl(this.config.APP_URL, WEB_ROUTES.dossierFollowUp(dossier.id)),
          sender: mailSender(dossier.callInformation, this.config.LETTER_SETTINGS_FILE),
        },
      },
      manager,
    );
  }
}
