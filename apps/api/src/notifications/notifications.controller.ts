import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { isPurgedPayload, type NotificationView } from '@portal/contracts';
import { AppException, AuditRepository, NotificationEntity, NotificationRepository } from '@portal/server';
import { DataSource } from 'typeorm';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { requestIdOf, type AuthContext, type PortalRequest } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { NotificationQueryDto } from './dto/notification-query.dto';

function toView(row: NotificationEntity): NotificationView {
  return {
    id: row.id,
    template: row.template,
    recipient: row.recipient,
    locale: row.locale,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    smtpMessageId: row.smtpMessageId,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    subjectRef: row.subjectRef,
  };
}

/** The notification log for the administration: what was sent, what failed, and resend. */
@ApiTags('notifications')
@Roles('admin')
@Controller({ path: 'notifications', version: '1' })
export class NotificationsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Notification log, newest first, filterable by status, template, recipient and reference' })
  async list(
    @Query() query: NotificationQueryDto,
  ): Promise<{ items: NotificationView[]; total: number; page: number; pageSize: number }> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const [rows, total] = await this.notifications.list(query, page, pageSize);
    return { items: rows.map(toView), total, page, pageSize };
  }

  @Post(':id/resend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put a notification back in the outbox (a new job; the previous attempts stay in the log)' })
  async resend(
    @CurrentAuth() auth: AuthContext,
    @Param('id', UUID_PIPE) id: string,
    @Req() request: PortalRequest,
  ): Promise<NotificationView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.notifications.findById(id, manager);
      if (!before) throw new AppException('NOT_FOUND');
      // The retention job removed the body of this (long sent) mail: there is nothing left to send.
      if (isPurgedPayload(before.payload)) throw new AppException('CONFLICT');
      await this.notifications.requeue(id, manager);
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'notification.resent',
          entityType: 'notification',
          entityId: id,
          before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
          after: { status: 'pending' },
          requestId: requestIdOf(request),
        },
        manager,
      );
      return toView((await this.notifications.findById(id, manager))!);
    });
  }
}
