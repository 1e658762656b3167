import { Global, Module } from '@nestjs/common';
import { NotificationRepository } from './notification.repository';

@Global()
@Module({ providers: [NotificationRepository], exports: [NotificationRepository] })
export class NotificationsModule {}
