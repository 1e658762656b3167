import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_SCHEDULE, type ScheduleTranche } from '@portal/domain';
import { PaymentScheduleTrancheEntity } from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';

/** A call's payment schedule (ADR 0023): its own tranches, or the default when it has none. */
@Injectable()
export class PaymentScheduleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async schedule(
    callId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ tranches: ScheduleTranche[]; isDefault: boolean }> {
    const rows = await manager.find(PaymentScheduleTrancheEntity, { where: { callId }, order: { position: 'ASC' } });
    if (rows.length === 0) return { tranches: DEFAULT_SCHEDULE.map((t) => ({ ...t })), isDefault: true };
    return {
      tranches: rows.map((r) => ({ position: r.position, shareBasisPoints: r.shareBasisPoints, trigger: r.trigger })),
      isDefault: false,
    };
  }

  /**
   * Replaces the call's schedule. The trigger payment_schedule_guard takes the call row and refuses once a batch
   * exists; payment_schedule_sum checks the 100 % at commit.
   */
  async replace(
    callId: string,
    tranches: ReadonlyArray<Omit<ScheduleTranche, 'position'>>,
    setBy: string,
    manager: EntityManager,
  ): Promise<void> {
    await manager.delete(PaymentScheduleTrancheEntity, { callId });
    await manager.insert(
      PaymentScheduleTrancheEntity,
      tranches.map((t, index) => ({
        callId,
        position: index + 1,
        shareBasisPoints: t.shareBasisPoints,
        trigger: t.trigger,
        setBy,
      })),
    );
  }

  /** True once the call has a payment batch that is not cancelled: the schedule is then fixed. */
  async locked(callId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM payment_batches WHERE call_id = $1 AND status <> 'cancelled' LIMIT 1`,
      [callId],
    );
    return rows.length > 0;
  }
}
