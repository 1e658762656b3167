import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WEB_ROUTES, webUrl, type PasswordResetRequestJobData } from '@portal/contracts';
import { formatBrussels } from '@portal/domain';
import { AppConfig, AuditRepository, hashToken, NotificationRepository, PasswordResetRepository } from '@portal/server';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

export const RESET_MINUTES = 60;

/**
 * Handles a password reset request off the request path: for an unknown address nothing happens (and nothing is
 * stored about it); for an account, every earlier link ends, a new one is stored as its hash, and the mail with the
 * link goes to the outbox in the same transaction. The link sits in the outbox row only until the mail is sent
 * (MailOutboxRepository.markSent removes it).
 */
@Injectable()
export class PasswordResetIssuer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly resets: PasswordResetRepository,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
  ) {}

  /** Returns whether a link was issued (false for an unknown address). */
  async handle(request: PasswordResetRequestJobData): Promise<boolean> {
    const user = await this.resets.findUserByEmail(request.email);
    if (!user) return false;
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (manager) => {
      const expiresAt = await this.resets.issue(user.id, hashToken(token), RESET_MINUTES, manager);
      await this.notifications.enqueue(
        {
          template: 'auth.password_reset',
          recipient: user.email,
          locale: user.locale,
          payload: {
            recipientName: user.displayName,
            resetUrl: webUrl(this.config.APP_URL, WEB_ROUTES.resetPassword(token)),
            expiresAtBrussels: formatBrussels(expiresAt, false),
          },
        },
        manager,
      );
      await this.audit.record(
        {
          actorUserId: null,
          action: 'auth.password_reset_requested',
          entityType: 'user',
          entityId: user.id,
          requestId: request.requestId,
        },
        manager,
      );
    });
    return true;
  }
}
