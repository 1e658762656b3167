import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppException,
  PaymentBatchEntity,
  PaymentBatchItemEntity,
  PaymentEntity,
  type PaymentBatchStatus,
} from '@portal/server';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** An awarded, accepted dossier of a call that may have tranches to pay. */
export interface PayableDossier {
  dossierId: string;
  reference: string | null;
  grantedCents: number;
  creditorName: string;
  creditorIban: string;
  /** Tranche positions already paid, approved or in a batch that is not cancelled. */
  takenPositions: number[];
  /** Once settled after the final report (ADR 0025): the entitlement, and what is paid or in an open batch. */
  entitledCents: number | null;
  committedCents: number;
}

export interface BatchItemRow extends PaymentBatchItemEntity {
  reference: string | null;
}

/** Payment batches and the payments they make (ADR 0023). Every write of a call's payments holds its call row. */
@Injectable()
export class PaymentBatchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The lock every payment write of the call takes first (the triggers take the same one): compiling two batches at
   * once, or approving one while compiling another, happens one after the other.
   */
  async lockCall(callId: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query<unknown[]>('SELECT 1 FROM calls WHERE id = $1 FOR NO KEY UPDATE', [callId]);
    return rows.length > 0;
  }

  async payable(callId: string, manager: EntityManager): Promise<PayableDossier[]> {
    const rows = await manager.query<
      Array<{
        dossier_id: string;
        reference: string | null;
        granted_cents: string;
        legal_name: string;
        creditor_iban: string;
        taken: number[];
        entitled_cents: string | null;
        committed_cents: string;
      }>
    >(
      `SELECT d.id AS dossier_id, d.reference, d.granted_cents, ap.legal_name, a.creditor_iban,
              (SELECT s.entitled_cents FROM dossier_settlements s WHERE s.dossier_id = d.id) AS entitled_cents,
              (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p WHERE p.dossier_id = d.id)
              + (SELECT coalesce(sum(i.amount_cents), 0) FROM payment_batch_items i
                   JOIN payment_batches b ON b.id = i.batch_id
                  WHERE i.dossier_id = d.id AND b.status = 'open') AS committed_cents,
              array(SELECT p.tranche_position::int FROM payments p WHERE p.dossier_id = d.id
                    UNION
                    SELECT i.tranche_position::int FROM payment_batch_items i JOIN payment_batches b ON b.id = i.batch_id
                     WHERE i.dossier_id = d.id AND b.status <> 'cancelled') AS taken
         FROM dossiers d
         JOIN applicants ap ON ap.id = d.applicant_id
         JOIN award_acceptances a ON a.dossier_id = d.id AND a.decision = 'accepted'
        WHERE d.call_id = $1 AND d.status = 'awarded' AND d.granted_cents > 0
        ORDER BY d.reference`,
      [callId],
    );
    return rows.map((r) => ({
      dossierId: r.dossier_id,
      reference: r.reference,
      grantedCents: Number(r.granted_cents),
      creditorName: r.legal_name,
      creditorIban: r.creditor_iban,
      takenPositions: r.taken,
      entitledCents: r.entitled_cents === null ? null : Number(r.entitled_cents),
      committedCents: Number(r.committed_cents),
    }));
  }

  async create(
    callId: string,
    createdBy: string,
    items: ReadonlyArray<Omit<PaymentBatchItemEntity, 'batchId'>>,
    manager: EntityManager,
  ): Promise<string> {
    const totalCents = items.reduce((sum, item) => sum + item.amountCents, 0);
    const result = await manager.insert(PaymentBatchEntity, {
      callId,
      createdBy,
      status: 'open',
      totalCents,
      itemCount: items.length,
    });
    const batchId = result.identifiers[0].id as string;
    await manager.insert(
      PaymentBatchItemEntity,
      items.map((item) => ({ ...item, batchId })),
    );
    return batchId;
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<PaymentBatchEntity | null> {
    return manager.findOne(PaymentBatchEntity, { where: { id } });
  }

  lock(id: string, manager: EntityManager): Promise<PaymentBatchEntity | null> {
    return manager
      .createQueryBuilder(PaymentBatchEntity, 'batch')
      .where('batch.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  list(callId: string): Promise<PaymentBatchEntity[]> {
    return this.dataSource.manager.find(PaymentBatchEntity, { where: { callId }, order: { createdAt: 'DESC' } });
  }

  async items(batchIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<BatchItemRow[]> {
    if (batchIds.length === 0) return [];
    const rows = await manager
      .createQueryBuilder(PaymentBatchItemEntity, 'item')
      .innerJoin('item.dossier', 'dossier')
      .addSelect('dossier.reference', 'reference')
      .where('item.batch_id IN (:...batchIds)', { batchIds })
      .orderBy('dossier.reference', 'ASC')
      .addOrderBy('item.tranche_position', 'ASC')
      .getRawAndEntities<{ reference: string | null }>();
    return rows.entities.map((entity, index) => ({ ...entity, reference: rows.raw[index].reference }));
  }

  /** A conditional status change: answers false when the batch was no longer in `from` (a racing request won). */
  async setStatus(
    id: string,
    from: PaymentBatchStatus,
    to: PaymentBatchStatus,
    by: string,
    manager: EntityManager,
    executionDate?: string,
  ): Promise<boolean> {
    const set =
      to === 'approved'
        ? { status: to, approvedBy: by, approvedAt: () => 'now()' }
        : to === 'cancelled'
          ? { status: to, cancelledBy: by, cancelledAt: () => 'now()' }
          : { status: to, paidBy: by, paidAt: () => 'now()', executionDate };
    const result = await manager
      .createQueryBuilder()
      .update(PaymentBatchEntity)
      .set(set)
      .where('id = :id AND status = :from', { id, from })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /**
   * The payments of an approved batch, one per item. The trigger payments_guard refuses one that takes a dossier above
   * its granted amount or the call above its budget; the unique index payments_tranche_once a tranche paid twice.
   */
  async insertPayments(batchId: string, manager: EntityManager): Promise<void> {
    try {
      await manager.query(
        `INSERT INTO payments (batch_id, dossier_id, call_id, tranche_position, amount_cents, creditor_iban)
         SELECT i.batch_id, i.dossier_id, b.call_id, i.tranche_position, i.amount_cents, i.creditor_iban
           FROM payment_batch_items i JOIN payment_batches b ON b.id = i.batch_id
          WHERE i.batch_id = $1
          ORDER BY i.dossier_id, i.tranche_position`,
        [batchId],
      );
    } catch (error) {
      const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
      if (error instanceof QueryFailedError && driver?.code === '23505') throw new AppException('TRANCHE_ALREADY_PAID');
      throw error;
    }
  }

  async markPaymentsPaid(batchId: string, executionDate: string, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(PaymentEntity)
      .set({ paidAt: () => 'now()', executionDate })
      .where('batch_id = :batchId AND paid_at IS NULL', { batchId })
      .execute();
  }

  /** A dossier's payments (approved and paid), per tranche. */
  paymentsOf(dossierId: string, manager: EntityManager = this.dataSource.manager): Promise<PaymentEntity[]> {
    return manager.find(PaymentEntity, { where: { dossierId }, order: { tranchePosition: 'ASC' } });
  }

  /** Once the dossier is settled (ADR 0025): its entitlement, and what is paid or in an open batch; else null. */
  async entitlement(dossierId: string): Promise<{ entitledCents: number; committedCents: number } | null> {
    const [row] = await this.dataSource.query<Array<{ entitled_cents: string; committed_cents: string }>>(
      `SELECT s.entitled_cents,
              (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p WHERE p.dossier_id = s.dossier_id)
              + (SELECT coalesce(sum(i.amount_cents), 0) FROM payment_batch_items i
                   JOIN payment_batches b ON b.id = i.batch_id
                  WHERE i.dossier_id = s.dossier_id AND b.status = 'open') AS committed_cents
         FROM dossier_settlements s WHERE s.dossier_id = $1`,
      [dossierId],
    );
    return row ? { entitledCents: Number(row.entitled_cents), committedCents: Number(row.committed_cents) } : null;
  }

  /** Tranche positions of the dossier in an open batch. */
  async inOpenBatch(dossierId: string): Promise<number[]> {
    const rows = await this.dataSource.query<Array<{ position: number }>>(
      `SELECT i.tranche_position::int AS position FROM payment_batch_items i
         JOIN payment_batches b ON b.id = i.batch_id WHERE i.dossier_id = $1 AND b.status = 'open'`,
      [dossierId],
    );
    return rows.map((r) => r.position);
  }

  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<Array<{ id: string; display_name: string }>>(
      'SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /** For the mails on payment: each item's recipient, dossier reference and the call's title and information. */
  async paidRecipients(batchId: string, manager: EntityManager) {
    return manager.query<
      Array<{
        dossier_id: string;
        tranche_position: number;
        amount_cents: string;
        creditor_iban: string;
        email: string;
        display_name: string;
        locale: 'nl' | 'en';
        reference: string;
      }>
    >(
      `SELECT i.dossier_id, i.tranche_position, i.amount_cents, i.creditor_iban, u.email, u.display_name, u.locale,
              d.reference
         FROM payment_batch_items i JOIN dossiers d ON d.id = i.dossier_id JOIN users u ON u.id = d.created_by
        WHERE i.batch_id = $1 ORDER BY d.reference, i.tranche_position`,
      [batchId],
    );
  }
}
