import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JOBS, QUEUES, WEB_ROUTES, webUrl, type PasswordResetRequestJobData } from '@portal/contracts';
import { formatBrussels } from '@portal/domain';
import {
  AppConfig,
  AppException,
  AuditRepository,
  DatabaseClock,
  hashToken,
  NotificationRepository,
  PasswordResetRepository,
} from '@portal/server';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../users/password-hasher';
import { UserRepository } from '../users/user.repository';
import { SessionService } from './session.service';
import { PasswordPolicy } from './password-policy/password-policy';

/** How long the API waits for Redis before it answers 503 (the same answer for every address). */
const QUEUE_TIMEOUT_MS = 3000;

/**
 * Password reset by a single-use token that expires after an hour. The request only hands the address to the worker
 * (JOBS.requestPasswordReset), which looks it up and issues the link: the answer is the same, and takes the same
 * time, whether or not an account exists. Issuing a link, using one or changing the password ends every earlier link.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.system) private readonly queue: Queue<PasswordResetRequestJobData>,
    private readonly users: UserRepository,
    private readonly resets: PasswordResetRepository,
    private readonly sessions: SessionService,
    private readonly hasher: PasswordHasher,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditRepository,
    private readonly clock: DatabaseClock,
    private readonly config: AppConfig,
    private readonly passwordPolicy: PasswordPolicy,
  ) {}

  async request(email: string, requestId: string | null): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.queue.add(
          JOBS.requestPasswordReset,
          { email, requestId },
          // The address is personal data: gone from Redis as soon as the worker handled it.
          { attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: 100 },
        ),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('queue timeout')), QUEUE_TIMEOUT_MS);
        }),
      ]);
    } catch {
      throw new AppException('SERVICE_UNAVAILABLE');
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sets the new password, uses up the token (and every other link of the account) and ends every session. */
  async confirm(token: string, password: string, requestId: string | null): Promise<void> {
    this.passwordPolicy.assertAcceptable(password);
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const reset = await this.resets.findUsableForUpdate(hashToken(token), manager);
      if (!reset) throw new AppException('RESET_TOKEN_INVALID');
      const linksEnded = await this.resets.revokeAllOfUser(reset.userId, manager);
      await this.users.updatePasswordHash(reset.userId, passwordHash, manager);
      await this.sessions.closeAll(reset.userId, null, manager);
      const now = await this.clock.now(manager);
      const owner = await this.users.findByIdForUpdate(reset.userId, manager);
      await this.notifications.enqueue(
        {
          template: 'auth.password_changed',
          recipient: owner.email,
          locale: owner.locale,
          payload: {
            recipientName: owner.displayName,
            changedAtBrussels: formatBrussels(now, false),
            how: 'reset',
            forgotUrl: webUrl(this.config.APP_URL, WEB_ROUTES.forgotPassword()),
          },
        },
        manager,
      );
      await this.audit.record(
        {
          actorUserId: reset.userId,
          action: 'auth.password_reset',
          entityType: 'user',
          entityId: reset.userId,
          after: { otherLinksEnded: linksEnded - 1 },
          requestId,
        },
        manager,
      );
    });
  }
}
