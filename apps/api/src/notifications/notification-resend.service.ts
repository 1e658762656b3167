import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isPurgedPayload, isScrubbedPayload, type BulkResendResult } from '@portal/contracts';
import { AppException, AuditRepository, NotificationEntity, NotificationRepository } from '@portal/server';
import { DataSource } from 'typeorm';

/** Why a notification cannot go back to the outbox; null when it can. */
function refusal(row: NotificationEntity): 'pending' | 'not-resendable' | null {
  // The retention job removed the body of this (long sent) mail, or the link in it was removed once it was sent:
  // a resend would send a mail without its content or without a working link.
  if (isPurgedPayload(row.payload)) return 'not-resendable';
  if (isScrubbedPayload(row.template, row.payload)) return 'not-resendable';
  if (row.status === 'pending') return 'pending';
  return null;
}

/** An admin puts notifications back in the outbox: one, or many stuck ones at once. Every resend is audited. */
@Injectable()
export class NotificationResendService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditRepository,
  ) {}

  async resendOne(actorUserId: string, id: string, requestId: string | null): Promise<NotificationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const [before] = await this.notifications.findManyForUpdate([id], manager);
      if (!before) throw new AppException('NOT_FOUND');
      if (isPurgedPayload(before.payload)) throw new AppException('CONFLICT');
      if (isScrubbedPayload(before.template, before.payload)) throw new AppException('NOTIFICATION_NOT_RESENDABLE');
      await this.notifications.requeue(id, manager);
      await this.audit.record(
        {
          actorUserId,
          action: 'notification.resent',
          entityType: 'notification',
          entityId: id,
          before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
          after: { status: 'pending' },
          requestId,
        },
        manager,
      );
      return (await this.notifications.findById(id, manager))!;
    });
  }

  /** Resends what can be resent and says why the others were not; one transaction, one audit event per mail. */
  async resendMany(actorUserId: string, ids: string[], requestId: string | null): Promise<BulkResendResult> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.notifications.findManyForUpdate(ids, manager);
      const byId = new Map(rows.map((row) => [row.id, row]));
      const refused: BulkResendResult['refused'] = [];
      const resendable: NotificationEntity[] = [];
      for (const id of ids) {
        const row = byId.get(id);
        const reason = row ? refusal(row) : 'not-found';
        if (reason) refused.push({ id, reason });
        else resendable.push(row!);
      }
      const resent = await this.notifications.requeueMany(
        resendable.map((row) => row.id),
        manager,
      );
      for (const row of resendable.filter((candidate) => resent.includes(candidate.id))) {
        await this.audit.record(
          {
            actorUserId,
            action: 'notification.resent',
            entityType: 'notification',
            entityId: row.id,
            before: { status: row.status, attempts: row.attempts, lastError: row.lastError },
            after: { status: 'pending', bulk: true },
            requestId,
          },
          manager,
        );
      }
      return { resent: ids.filter((id) => resent.includes(id)), refused };
    });
  }
}
