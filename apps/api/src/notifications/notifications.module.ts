import { Module } from '@nestjs/common';
import { NotificationResendService } from './notification-resend.service';
import { NotificationsController } from './notifications.controller';

@Module({ controllers: [NotificationsController], providers: [NotificationResendService] })
export class NotificationsApiModule {}
