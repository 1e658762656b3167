import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationPayloads, NotificationStatus, NotificationTemplate } from '@portal/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationEntity } from '../entities/notification.entity';

/** A notification to send: the payload must be the one of its template (a discriminated union over the templates). */
export type NewNotification = {
  [T in NotificationTemplate]: {
    template: T;
    recipient: string;
    locale: 'nl' | 'en';
    payload: NotificationPayloads[T];
    subjectRef?: string | null;
  };
}[NotificationTemplate];

/** A mail waiting this long (or failed) shows up in the admin's list of stuck mail. */
export const STUCK_AFTER_MINUTES = 15;

@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Always pass the transaction of the change that causes the notification. */
  async enqueue(notification: NewNotification, manager: EntityManager): Promise<void> {
    await manager.insert(NotificationEntity, {
      template: notification.template,
      recipient: notification.recipient,
      locale: notification.locale,
      payload: notification.payload as never,
      subjectRef: notification.subjectRef ?? null,
      status: 'pending',
    });
  }

  /** Pending rows, locked for this relay pass; other relays skip them instead of waiting. */
  lockPending(limit: number, manager: EntityManager): Promise<NotificationEntity[]> {
    return manager
      .createQueryBuilder(NotificationEntity, 'n')
      .where('n.dispatched_at IS NULL')
      .orderBy('n.created_at', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /**
   * Rows handed to the queue (status queued) that were not sent within `windowMs` of their last hand-over, locked for
   * this relay pass. The queue may have lost their jobs (Redis restarted empty, a job removed by hand); handing them
   * over again with the same job id is a no-op while the job still exists, so this never makes a second job.
   */
  lockUnsent(limit: number, windowMs: number, manager: EntityManager): Promise<NotificationEntity[]> {
    return manager
      .createQueryBuilder(NotificationEntity, 'n')
      .where(`n.status = 'queued'`)
      .andWhere('n.dispatched_at < now() - make_interval(secs => :seconds)', { seconds: windowMs / 1000 })
      .orderBy('n.dispatched_at', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async markDispatched(ids: string[], manager: EntityManager): Promise<void> {
    if (ids.length === 0) return;
    await manager
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ dispatchedAt: () => 'now()', status: () => `CASE WHEN status = 'sent' THEN status ELSE 'queued' END` })
      .whereInIds(ids)
      .execute();
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<NotificationEntity | null> {
    return manager.findOne(NotificationEntity, { where: { id } });
  }

  async markSent(id: string, smtpMessageId: string | null, attempts: number): Promise<void> {
    await this.dataSource.manager.update(
      NotificationEntity,
      { id },
      {
        status: 'sent',
        smtpMessageId: smtpMessageId?.slice(0, 300) ?? null,
        sentAt: () => 'now()',
        attempts,
        lastError: null,
      },
    );
  }

  async markAttemptFailed(id: string, error: string, attempts: number, final: boolean): Promise<void> {
    await this.dataSource.manager.update(
      NotificationEntity,
      { id },
      { attempts, lastError: error.slice(0, 500), ...(final ? { status: 'failed' } : {}) },
    );
  }

  /** Puts a notification back in the outbox with a new dispatch number (hence a new job id). */
  async requeue(id: string, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ status: 'pending', dispatchedAt: null, attempts: 0, dispatchCount: () => 'dispatch_count + 1' })
      .where('id = :id', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * Puts several notifications back in the outbox at once (see requeue); rows that are still pending are left as they
   * are. Returns the ids that were requeued.
   */
  async requeueMany(ids: string[], manager: EntityManager): Promise<string[]> {
    if (ids.length === 0) return [];
    const result = await manager
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ status: 'pending', dispatchedAt: null, attempts: 0, dispatchCount: () => 'dispatch_count + 1' })
      .where('id IN (:...ids)', { ids })
      .andWhere(`status <> 'pending'`)
      .returning('id')
      .execute();
    const rows = result.raw as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /** Rows locked for a bulk resend, in the order asked. */
  findManyForUpdate(ids: string[], manager: EntityManager): Promise<NotificationEntity[]> {
    return manager
      .createQueryBuilder(NotificationEntity, 'n')
      .where('n.id IN (:...ids)', { ids })
      .setLock('pessimistic_write')
      .getMany();
  }

  /**
   * Mail that needs a person: failed after its attempts, or not sent STUCK_AFTER_MINUTES after it was written
   * (pending: the relay cannot reach the queue; queued: the queue lost or holds it). Oldest first.
   */
  listStuck(limit: number): Promise<[NotificationEntity[], number]> {
    return this.dataSource.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .where(`n.status = 'failed'`)
      .orWhere(`n.status IN ('pending', 'queued') AND n.created_at < now() - make_interval(mins => :minutes)`, {
        minutes: STUCK_AFTER_MINUTES,
      })
      .orderBy('n.created_at', 'ASC')
      .take(limit)
      .getManyAndCount();
  }

  list(
    filter: { status?: NotificationStatus; template?: string; recipient?: string; subjectRef?: string },
    page: number,
    pageSize: number,
  ): Promise<[NotificationEntity[], number]> {
    const query = this.dataSource.manager.createQueryBuilder(NotificationEntity, 'n');
    if (filter.status) query.andWhere('n.status = :status', { status: filter.status });
    if (filter.template) query.andWhere('n.template = :template', { template: filter.template });
    if (filter.recipient) query.andWhere('n.recipient = :recipient', { recipient: filter.recipient.toLowerCase() });
    if (filter.subjectRef) query.andWhere('n.subject_ref = :subjectRef', { subjectRef: filter.subjectRef });
    return query
      .orderBy('n.created_at', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }
}
