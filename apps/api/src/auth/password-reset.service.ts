import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { formatBrussels } from '@portal/domain';
import {
  AppConfig,
  AppException,
  AuditRepository,
  NotificationRepository,
  PasswordResetEntity,
  SessionEntity,
  UserEntity,
} from '@portal/server';
import { DataSource, IsNull } from 'typeorm';
import { PasswordHasher } from '../users/password-hasher';
import { UserRepository } from '../users/user.repository';
import { hashToken } from '../common/token-hash';
import { PasswordPolicy } from './password-policy/password-policy';

const RESET_MINUTES = 60;

/** Password reset by a single-use token that expires after an hour; the answer never tells whether an account exists. */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
    private readonly passwordPolicy: PasswordPolicy,
  ) {}

  async request(email: string, requestId: string | null): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user) return;
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (manager) => {
      const [{ expires_at }] = await manager.query<Array<{ expires_at: Date }>>(
        'SELECT now() + make_interval(mins => $1) AS expires_at',
        [RESET_MINUTES],
      );
      await manager.insert(PasswordResetEntity, {
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: expires_at,
      });
      await this.notifications.enqueue(
        {
          template: 'auth.password_reset',
          recipient: user.email,
          locale: user.locale,
          payload: {
            recipientName: user.displayName,
            resetUrl: `${this.config.APP_URL}/wachtwoord/${token}`,
            expiresAtBrussels: formatBrussels(expires_at, false),
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
          requestId,
        },
        manager,
      );
    });
  }

  /** Sets the new password, uses up the token and ends every session of the account. */
  async confirm(token: string, password: string, requestId: string | null): Promise<void> {
    this.passwordPolicy.assertAcceptable(password);
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const reset = await manager
        .createQueryBuilder(PasswordResetEntity, 'r')
        .where('r.token_hash = :hash AND r.used_at IS NULL AND r.expires_at > now()', { hash: hashToken(token) })
        .setLock('pessimistic_write')
        .getOne();
      if (!reset) throw new AppException('RESET_TOKEN_INVALID');
      await manager.update(PasswordResetEntity, { id: reset.id }, { usedAt: () => 'now()' });
      await manager.update(UserEntity, { id: reset.userId }, { passwordHash });
      await manager.update(SessionEntity, { userId: reset.userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
      const [{ now }] = await manager.query<Array<{ now: Date }>>('SELECT now() AS now');
      const owner = await manager.findOneByOrFail(UserEntity, { id: reset.userId });
      await this.notifications.enqueue(
        {
          template: 'auth.password_changed',
          recipient: owner.email,
          locale: owner.locale,
          payload: {
            recipientName: owner.displayName,
            changedAtBrussels: formatBrussels(now, false),
            how: 'reset',
            forgotUrl: `${this.config.APP_URL}/wachtwoord-vergeten`,
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
          requestId,
        },
        manager,
      );
    });
  }
}
