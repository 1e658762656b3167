import { Injectable } from '@nestjs/common';
import type { DossierTrancheView } from '@portal/contracts';
import { cappedTranches, dueTranches, NO_TRANCHE_EVENTS, trancheAmounts, type TrancheAmount } from '@portal/domain';
import { DatabaseClock, type DossierEntity, type PaymentBatchItemEntity } from '@portal/server';
import type { EntityManager } from 'typeorm';
import { AcceptanceRepository } from './acceptance.repository';
import { PaymentBatchRepository } from './payment-batch.repository';
import { PaymentScheduleRepository } from './payment-schedule.repository';

/** Which tranches of which dossiers are due, from the call's schedule and the events of the dossiers (ADR 0023). */
@Injectable()
export class TranchesService {
  constructor(
    private readonly schedules: PaymentScheduleRepository,
    private readonly acceptances: AcceptanceRepository,
    private readonly batches: PaymentBatchRepository,
    private readonly clock: DatabaseClock,
  ) {}

  /** A dossier's tranches with their amounts and where each stands. */
  async ofDossier(dossier: DossierEntity): Promise<DossierTrancheView[]> {
    const [{ tranches }, events, payments, inBatch, now, entitlement] = await Promise.all([
      this.schedules.schedule(dossier.callId),
      this.acceptances.trancheEvents([dossier.id]),
      this.batches.paymentsOf(dossier.id),
      this.batches.inOpenBatch(dossier.id),
      this.clock.now(),
      this.batches.entitlement(dossier.id),
    ]);
    const scheduled = trancheAmounts(dossier.grantedCents ?? 0, tranches);
    // Settled (ADR 0025): what is not yet paid nor in a batch is owed only up to the balance, in tranche order.
    const taken = new Set([...payments.map((p) => p.tranchePosition), ...inBatch]);
    const owed = entitlement
      ? new Map(
          cappedTranches(
            scheduled.filter((t) => !taken.has(t.position)),
            entitlement.entitledCents - entitlement.committedCents,
          ).map((t) => [t.position, t.amountCents]),
        )
      : null;
    const amounts = scheduled.map((t) =>
      owed && !taken.has(t.position) ? { ...t, amountCents: owed.get(t.position) ?? 0 } : t,
    );
    const due = new Set(dueTranches(amounts, events.get(dossier.id) ?? NO_TRANCHE_EVENTS, now).map((t) => t.position));
    const paid = new Map(payments.map((p) => [p.tranchePosition, p]));
    return amounts.map((t) => {
      const payment = paid.get(t.position);
      return {
        position: t.position,
        shareBasisPoints: t.shareBasisPoints,
        trigger: t.trigger,
        amountCents: t.amountCents,
        state: payment
          ? payment.paidAt
            ? 'paid'
            : 'approved'
          : inBatch.includes(t.position)
            ? 'in_batch'
            : owed && !owed.has(t.position)
              ? 'settled_off'
              : due.has(t.position)
                ? 'due'
                : 'not_due',
        paidAt: payment?.paidAt ? payment.paidAt.toISOString() : null,
        executionDate: payment?.executionDate ?? null,
      };
    });
  }

  /**
   * The call's tranches due now and not yet paid nor in a batch that is not cancelled, as batch items. Call it holding
   * the call's payment lock (PaymentBatchRepository.lockCall) so that what it reads stays true until the batch exists.
   */
  async dueItems(callId: string, manager: EntityManager): Promise<Array<Omit<PaymentBatchItemEntity, 'batchId'>>> {
    // One after the other: the three share the transaction's connection (pg refuses overlapping queries on a client).
    const { tranches } = await this.schedules.schedule(callId, manager);
    const payable = await this.batches.payable(callId, manager);
    const now = await this.clock.now(manager);
    const events = await this.acceptances.trancheEvents(
      payable.map((d) => d.dossierId),
      manager,
    );
    return payable.flatMap((dossier) => {
      const open = dueTranches<TrancheAmount>(
        trancheAmounts(dossier.grantedCents, tranches),
        events.get(dossier.dossierId) ?? NO_TRANCHE_EVENTS,
        now,
      ).filter((t) => t.amountCents > 0 && !dossier.takenPositions.includes(t.position));
      // Settled (ADR 0025): what is still due is the balance, handed to the unpaid tranches, never above entitled.
      const payableTranches =
        dossier.entitledCents === null ? open : cappedTranches(open, dossier.entitledCents - dossier.committedCents);
      return payableTranches.map((t) => ({
        dossierId: dossier.dossierId,
        tranchePosition: t.position,
        amountCents: t.amountCents,
        creditorIban: dossier.creditorIban,
        creditorName: dossier.creditorName.slice(0, 200),
      }));
    });
  }
}
