import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import {
  AccountsModule,
  AppConfig,
  AuditModule,
  ConfigModule,
  DatabaseModule,
  NotificationsModule,
  QueueRootModule,
  RedisModule,
} from '@portal/server';
import { PasswordResetIssuer } from './accounts/password-reset-issuer';
import { JobHandlerCheck } from './jobs/job-handler-check';
import { MailOutboxRepository } from './mail/mail-outbox.repository';
import { MailProcessor } from './mail/mail.processor';
import { MailTransport } from './mail/mail-transport';
import { OutboxRelay } from './mail/outbox-relay';
import { ReminderRepository } from './mail/reminder.repository';
import { RecoveryReminderRepository } from './mail/recovery-reminder.repository';
import { AcceptanceReminderRepository } from './mail/acceptance-reminder.repository';
import { ReminderScanner } from './mail/reminder-scanner';
import { ReportReminderRepository } from './mail/report-reminder.repository';
import { RetentionRepository } from './privacy/retention.repository';
import { RetentionService } from './privacy/retention.service';
import { HeartbeatService } from './system/heartbeat.service';
import { SystemProcessor } from './system/system.processor';
import { WorkerHealthServer } from './system/worker-health-server';

/** The worker: the same server modules as the API, no HTTP, queue consumers instead of controllers. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } }),
        DatabaseModule.forRoot({ applicationName: 'grant-portal-worker', poolSize: 5 }),
        RedisModule,
        QueueRootModule,
        AuditModule,
        NotificationsModule,
        AccountsModule,
      ],
      providers: [
        JobHandlerCheck,
        PasswordResetIssuer,
        SystemProcessor,
        HeartbeatService,
        MailTransport,
        MailOutboxRepository,
        MailProcessor,
        OutboxRelay,
        ReminderScanner,
        ReminderRepository,
        ReportReminderRepository,
        AcceptanceReminderRepository,
        RecoveryReminderRepository,
        RetentionService,
        RetentionRepository,
        WorkerHealthServer,
      ],
    };
  }
}
