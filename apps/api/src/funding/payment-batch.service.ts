import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WEB_ROUTES, webUrl, type PaymentBatchView } from '@portal/contracts';
import { formatEuro, trancheAmounts, trancheLabel } from '@portal/domain';
import {
  AppConfig,
  AppException,
  AuditRepository,
  DatabaseClock,
  NotificationRepository,
  type PaymentBatchEntity,
} from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { mailSender } from '../notifications/mail-sender';
import { AcceptanceRepository } from './acceptance.repository';
import { PaymentBatchRepository } from './payment-batch.repository';
import { PaymentScheduleRepository } from './payment-schedule.repository';
import { sepaCreditTransfer, transfersCsv, type TransferLine } from './sepa-export';
import { TranchesService } from './tranches.service';

const maskIban = (iban: string) => `${iban.slice(0, 4)} **** ${iban.slice(-4)}`;

/**
 * Payment batches with four eyes (ADR 0023): one admin collects the due tranches of a call, another approves (the
 * payments are then written, guarded by the database), the approved batch is exported as SEPA pain.001.001.03 or CSV
 * and marked paid with the bank's execution date. Every step is audited; the organisations get a mail on payment.
 */
@Injectable()
export class PaymentBatchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly batches: PaymentBatchRepository,
    private readonly tranches: TranchesService,
    private readonly schedules: PaymentScheduleRepository,
    private readonly acceptances: AcceptanceRepository,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationRepository,
    private readonly clock: DatabaseClock,
    private readonly config: AppConfig,
  ) {}

  async list(auth: AuthContext, callId: string): Promise<PaymentBatchView[]> {
    const batches = await this.batches.list(callId);
    return this.views(auth, batches);
  }

  async get(auth: AuthContext, batchId: string): Promise<PaymentBatchView> {
    const batch = await this.batches.find(batchId);
    if (!batch) throw new AppException('NOT_FOUND');
    return (await this.views(auth, [batch]))[0];
  }

  async create(auth: AuthContext, callId: string, requestId: string | null): Promise<PaymentBatchView> {
    const batchId = await this.dataSource.transaction(async (manager) => {
      // Two admins compiling at once: the second waits here and finds the tranches the first took.
      if (!(await this.batches.lockCall(callId, manager))) throw new AppException('NOT_FOUND');
      const items = await this.tranches.dueItems(callId, manager);
      if (items.length === 0) throw new AppException('NOTHING_DUE');
      const id = await this.batches.create(callId, auth.user.id, items, manager);
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'payment_batch.created',
          entityType: 'payment_batch',
          entityId: id,
          before: null,
          after: {
            callId,
            status: 'open',
            totalCents: items.reduce((sum, item) => sum + item.amountCents, 0),
            items: items.map((i) => ({
              dossierId: i.dossierId,
              tranche: i.tranchePosition,
              amountCents: i.amountCents,
            })),
          },
          requestId,
        },
        manager,
      );
      return id;
    });
    return this.get(auth, batchId);
  }

  async approve(auth: AuthContext, batchId: string, requestId: string | null): Promise<PaymentBatchView> {
    await this.dataSource.transaction(async (manager) => {
      const batch = await this.lockedBatch(batchId, manager);
      if (batch.status !== 'open') throw new AppException('BATCH_NOT_OPEN', { params: { status: batch.status } });
      // Four eyes: the CHECK payment_batches_four_eyes refuses it too.
      if (batch.createdBy === auth.user.id) throw new AppException('FOUR_EYES');
      await this.batches.lockCall(batch.callId, manager);
      await this.batches.setStatus(batch.id, 'open', 'approved', auth.user.id, manager);
      await this.batches.insertPayments(batch.id, manager);
      await this.record(auth, batch, 'payment_batch.approved', { status: 'approved' }, requestId, manager);
    });
    return this.get(auth, batchId);
  }

  async cancel(auth: AuthContext, batchId: string, requestId: string | null): Promise<PaymentBatchView> {
    await this.dataSource.transaction(async (manager) => {
      const batch = await this.lockedBatch(batchId, manager);
      if (batch.status !== 'open') throw new AppException('BATCH_NOT_OPEN', { params: { status: batch.status } });
      await this.batches.setStatus(batch.id, 'open', 'cancelled', auth.user.id, manager);
      await this.record(auth, batch, 'payment_batch.cancelled', { status: 'cancelled' }, requestId, manager);
    });
    return this.get(auth, batchId);
  }

  async markPaid(
    auth: AuthContext,
    batchId: string,
    executionDate: string,
    requestId: string | null,
  ): Promise<PaymentBatchView> {
    await this.dataSource.transaction(async (manager) => {
      const batch = await this.lockedBatch(batchId, manager);
      if (batch.status !== 'approved')
        throw new AppException('BATCH_NOT_APPROVED', { params: { status: batch.status } });
      await this.batches.setStatus(batch.id, 'approved', 'paid', auth.user.id, manager, executionDate);
      await this.batches.markPaymentsPaid(batch.id, executionDate, manager);
      await this.record(auth, batch, 'payment_batch.paid', { status: 'paid', executionDate }, requestId, manager);
      await this.paidMails(batch, executionDate, manager);
    });
    return this.get(auth, batchId);
  }

  /** The SEPA credit transfer file (pain.001.001.03) of an approved or paid batch; the export is audited. */
  async sepa(auth: AuthContext, batchId: string, requestId: string | null): Promise<{ filename: string; xml: string }> {
    const { batch, lines } = await this.exportable(batchId);
    const now = await this.clock.now();
    const xml = sepaCreditTransfer({
      batchId: batch.id,
      createdAt: now,
      executionDate: batch.executionDate ? new Date(`${batch.executionDate}T12:00:00Z`) : now,
      debtor: {
        name: this.config.PAYMENT_DEBTOR_NAME,
        iban: this.config.PAYMENT_DEBTOR_IBAN,
        bic: this.config.PAYMENT_DEBTOR_BIC,
      },
      lines,
    });
    await this.record(auth, batch, 'payment_batch.exported', { format: 'pain.001.001.03' }, requestId);
    return { filename: `betaalbatch-${batch.id.slice(0, 8)}.xml`, xml };
  }

  async csv(auth: AuthContext, batchId: string, requestId: string | null): Promise<{ filename: string; csv: string }> {
    const { batch, lines } = await this.exportable(batchId);
    await this.record(auth, batch, 'payment_batch.exported', { format: 'csv' }, requestId);
    return { filename: `betaalbatch-${batch.id.slice(0, 8)}.csv`, csv: transfersCsv(lines) };
  }

  private async exportable(batchId: string): Promise<{ batch: PaymentBatchEntity; lines: TransferLine[] }> {
    const batch = await this.batches.find(batchId);
    if (!batch) throw new AppException('NOT_FOUND');
    if (batch.status !== 'approved' && batch.status !== 'paid')
      throw new AppException('BATCH_NOT_APPROVED', { params: { status: batch.status } });
    const items = await this.batches.items([batch.id]);
    const lines = items.map((item) => ({
      creditorName: item.creditorName,
      creditorIban: item.creditorIban,
      amountCents: item.amountCents,
      endToEndId: `${item.reference ?? item.dossierId.slice(0, 8)}-T${item.tranchePosition}`,
      remittance: `Subsidie dossier ${item.reference ?? ''} schijf ${item.tranchePosition}`,
    }));
    return { batch, lines };
  }

  private async lockedBatch(batchId: string, manager: EntityManager): Promise<PaymentBatchEntity> {
    const batch = await this.batches.lock(batchId, manager);
    if (!batch) throw new AppException('NOT_FOUND');
    return batch;
  }

  private record(
    auth: AuthContext,
    batch: PaymentBatchEntity,
    action: string,
    after: Record<string, unknown>,
    requestId: string | null,
    manager?: EntityManager,
  ): Promise<void> {
    return this.audit.record(
      {
        actorUserId: auth.user.id,
        action,
        entityType: 'payment_batch',
        entityId: batch.id,
        before: { status: batch.status, totalCents: batch.totalCents },
        after: { callId: batch.callId, totalCents: batch.totalCents, ...after },
        requestId,
      },
      manager,
    );
  }

  private async paidMails(batch: PaymentBatchEntity, executionDate: string, manager: EntityManager): Promise<void> {
    // One after the other: they share the transaction's connection.
    const call = await this.acceptances.call(batch.callId, manager);
    const { tranches } = await this.schedules.schedule(batch.callId, manager);
    const rows = await this.batches.paidRecipients(batch.id, manager);
    const sender = mailSender(call.information, this.config.LETTER_SETTINGS_FILE);
    for (const row of rows) {
      const tranche = trancheAmounts(0, tranches).find((t) => t.position === row.tranche_position);
      await this.notifications.enqueue(
        {
          template: 'payment.paid',
          recipient: row.email,
          locale: row.locale,
          subjectRef: row.reference,
          payload: {
            recipientName: row.display_name,
            reference: row.reference,
            callTitle: call.title,
            trancheLabel: tranche ? trancheLabel(tranche, row.locale) : `#${row.tranche_position}`,
            amountEuro: formatEuro(Number(row.amount_cents), row.locale),
            executionDate,
            ibanMasked: maskIban(row.creditor_iban),
            dossierUrl: webUrl(this.config.APP_URL, WEB_ROUTES.applicantDossier(row.dossier_id)),
            sender,
          },
        },
        manager,
      );
    }
  }

  private async views(auth: AuthContext, batches: PaymentBatchEntity[]): Promise<PaymentBatchView[]> {
    const [items, { tranches }] = await Promise.all([
      this.batches.items(batches.map((b) => b.id)),
      batches.length ? this.schedules.schedule(batches[0].callId) : Promise.resolve({ tranches: [] }),
    ]);
    const names = await this.batches.userNames([
      ...new Set(batches.flatMap((b) => [b.createdBy, b.approvedBy].filter((id): id is string => Boolean(id)))),
    ]);
    const triggerOf = new Map(tranches.map((t) => [t.position, t.trigger]));
    return batches.map((b) => ({
      id: b.id,
      callId: b.callId,
      status: b.status,
      totalCents: b.totalCents,
      itemCount: b.itemCount,
      createdByName: names.get(b.createdBy) ?? '',
      createdAt: b.createdAt.toISOString(),
      approvedByName: b.approvedBy ? (names.get(b.approvedBy) ?? '') : null,
      approvedAt: b.approvedAt ? b.approvedAt.toISOString() : null,
      paidAt: b.paidAt ? b.paidAt.toISOString() : null,
      executionDate: b.executionDate,
      createdByMe: b.createdBy === auth.user.id,
      items: items
        .filter((i) => i.batchId === b.id)
        .map((i) => ({
          dossierId: i.dossierId,
          reference: i.reference,
          creditorName: i.creditorName,
          creditorIban: i.creditorIban,
          tranchePosition: i.tranchePosition,
          trigger: triggerOf.get(i.tranchePosition) ?? 'acceptance',
          amountCents: i.amountCents,
        })),
    }));
  }
}
