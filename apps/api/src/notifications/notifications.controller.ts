import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { STUCK_MAIL_PAGE, type BulkResendResult, type NotificationView, type StuckMailList } from '@portal/contracts';
import { NotificationEntity, NotificationRepository } from '@portal/server';
import { Roles } from '../common/access.decorators';
import { CurrentAuth } from '../common/current-auth.decorator';
import { type AuthContext } from '../common/request-context';
import { UUID_PIPE } from '../common/uuid.pipe';
import { NotificationQueryDto } from './dto/notification-query.dto';
import { ResendNotificationsDto } from './dto/resend-notifications.dto';
import { NotificationResendService } from './notification-resend.service';

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
    private readonly notifications: NotificationRepository,
    private readonly resends: NotificationResendService,
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

  @Get('stuck')
  @ApiOperation({
    summary: 'Mail that needs a person: failed, or not sent 15 minutes after it was written (oldest first)',
  })
  async stuck(): Promise<StuckMailList> {
    const [rows, total] = await this.notifications.listStuck(STUCK_MAIL_PAGE);
    return { items: rows.map(toView), total };
  }

  @Post('resend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put many notifications back in the outbox at once; says which were not resent and why' })
  resendMany(@CurrentAuth() auth: AuthContext, @Body() dto: ResendNotificationsDto): Promise<BulkResendResult> {
    return this.resends.resendMany(auth.user.id, dto.ids, auth.requestId);
  }

  @Post(':id/resend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put a notification back in the outbox (a new job; the previous attempts stay in the log)' })
  async resend(@CurrentAuth() auth: AuthContext, @Param('id', UUID_PIPE) id: string): Promise<NotificationView> {
    return toView(await this.resends.resendOne(auth.user.id, id, auth.requestId));
  }
}
