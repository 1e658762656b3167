import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  AccountsModule,
  AppConfig,
  AuditModule,
  ConfigModule,
  DatabaseModule,
  LifecycleModule,
  NotificationsModule,
  QueueRootModule,
  RedisModule,
} from '@portal/server';
import { ApplicantsModule } from './applicants/applicants.module';
import { AssessmentModule } from './assessment/assessment.module';
import { FundingModule } from './funding/funding.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { AuditLogModule } from './audit-log/audit-log.module';
import { AuthModule } from './auth/auth.module';
import { CallsModule } from './calls/calls.module';
import { DossiersModule } from './dossiers/dossiers.module';
import { CsrfGuard } from './auth/csrf.guard';
import { AccessGuard } from './common/access.guard';
import { VerifiedEmailGuard } from './auth/verified-email.guard';
import { ProblemFilter } from './common/problem.filter';
import { HealthModule } from './health/health.module';
import { NotificationsApiModule } from './notifications/notifications.module';
import { PrivacyModule } from './privacy/privacy.module';
import { StaffModule } from './staff/staff.module';
import { OidcModule } from './oidc/oidc.module';
import { ReportsModule } from './reports/reports.module';
import { ChangesModule } from './changes/changes.module';
import { API_MIGRATIONS } from './migrations';
import { SystemModule } from './system/system.module';
import { SecurityModule } from './security/security.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DiscoveryModule,
        LifecycleModule,
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: (request: IncomingMessage, response) => {
              const incoming = request.headers['x-request-id'];
              const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
              response.setHeader('x-request-id', id);
              return id;
            },
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (request) => request.url === '/api/health' },
          },
        }),
        DatabaseModule.forRoot({ migrations: API_MIGRATIONS, applicationName: 'grant-portal-api' }),
        RedisModule,
        QueueRootModule,
        SecurityModule,
        AuditModule,
        NotificationsModule,
        AccountsModule,
        AuthModule,
        HealthModule,
        SystemModule,
        CallsModule,
        ApplicantsModule,
        DossiersModule,
        NotificationsApiModule,
        AssessmentModule,
        FundingModule,
        CatalogueModule,
        AuditLogModule,
        PrivacyModule,
        StaffModule,
        OidcModule,
        ReportsModule,
        ChangesModule,
      ],
      providers: [
        // Order matters: CSRF is checked before access, so a forged request never reaches a session lookup.
        { provide: APP_GUARD, useClass: CsrfGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        // After access: acting for an organisation needs a confirmed e-mail address (ADR 0014).
        { provide: APP_GUARD, useClass: VerifiedEmailGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
