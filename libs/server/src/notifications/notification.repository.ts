import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationStatus, NotificationTemplate } from '@portal/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationEntity } from '../entities/notification.entity';

export interface NewNotification {
  template: NotificationTemplate;
  recipient: string;
  locale: 'nl' | 'en';
  payload: Record<string, unknown>;
  subjectRef?: string | null;
}

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
