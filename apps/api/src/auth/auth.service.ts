import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WEB_ROUTES, webUrl, type UserView, FIELD_MESSAGES } from '@portal/contracts';
import {
  AppConfig,
  AppException,
  AuditRepository,
  DatabaseClock,
  NotificationRepository,
  PasswordResetRepository,
  type UserEntity,
} from '@portal/server';
import { formatBrussels } from '@portal/domain';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../users/password-hasher';
import { EmailTakenError, UserRepository } from '../users/user.repository';
import { toUserView } from '../users/user-view';
import { LoginThrottle } from './login-throttle';
import { PasswordPolicy } from './password-policy/password-policy';
import { SessionService } from './session.service';
import { SsoPolicy } from '../oidc/sso-policy';
import { SecondFactorLoginService, type AfterPassword } from './second-factor/second-factor-login.service';
import { EmailVerificationService } from './email-verification.service';
import type { AuthContext } from '../common/request-context';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditRepository,
    private readonly throttle: LoginThrottle,
    private readonly passwordPolicy: PasswordPolicy,
    private readonly notifications: NotificationRepository,
    private readonly config: AppConfig,
    private readonly resets: PasswordResetRepository,
    private readonly clock: DatabaseClock,
    private readonly ssoPolicy: SsoPolicy,
    private readonly secondFactor: SecondFactorLoginService,
    private readonly emailVerifications: EmailVerificationService,
  ) {}

  async login(
    email: string,
    password: string,
    client: ClientInfo,
  ): Promise<{ user: UserView; token: string; expiresAt: Date } | Extract<AfterPassword, { challenge: string }>> {
    // A blocked account/address pair is refused before the password is even checked.
    await this.throttle.assertAllowed(email, client.ip);
    const user = await this.users.findByEmail(email);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !valid) {
      const normalized = email.trim().toLowerCase().slice(0, 254);
      await this.audit.record({
        actorUserId: null,
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { email: normalized, ip: client.ip },
        requestId: client.requestId,
      });
      const blocked = await this.throttle.recordFailure(email, client.ip);
      if (blocked.length > 0) {
        await this.audit.record({
          actorUserId: null,
          action: 'auth.login_blocked',
          entityType: 'user',
          entityId: user?.id ?? null,
          after: { email: normalized, ip: client.ip, scopes: blocked },
          requestId: client.requestId,
        });
        throw this.throttle.blockedError();
      }
      throw new AppException('INVALID_CREDENTIALS');
    }
    if (user.deactivatedAt) {
      // Only said after the right password: a guess does not learn that the account exists.
      await this.audit.record({
        actorUserId: null,
        action: 'auth.login_refused_deactivated',
        entityType: 'user',
        entityId: user.id,
        after: { ip: client.ip },
        requestId: client.requestId,
      });
      throw new AppException('ACCOUNT_DEACTIVATED');
    }
    await this.ssoPolicy.assertPasswordLoginAllowed(user, client);
    await this.throttle.recordSuccess(email, client.ip);
    await this.upgradeHash(user, password);
    // An account with a second factor gets a challenge instead of a session; one that must set one up, a limited session.
    const secondFactor = await this.secondFactor.afterPassword(user, client);
    if ('challenge' in secondFactor) return secondFactor;
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.open(user.id, client, manager, secondFactor);
      await this.audit.record(
        {
          actorUserId: user.id,
          action: 'auth.login',
          entityType: 'session',
          entityId: session.sessionId,
          after: { ip: client.ip, userAgent: client.userAgent },
          requestId: client.requestId,
        },
        manager,
      );
      return { user: { ...toUserView(user), ...secondFactor }, token: session.token, expiresAt: session.expiresAt };
    });
  }

  /** Self-registration of a person who will act for an organisation or local government (role applicant). */
  async register(
    input: { email: string; password: string; displayName: string; locale?: 'nl' | 'en' },
    client: ClientInfo,
  ): Promise<{ user: UserView; token: string; expiresAt: Date }> {
    this.passwordPolicy.assertAcceptable(input.password);
    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = await this.users.insert(
          {
            email: input.email.trim().toLowerCase(),
            displayName: input.displayName.trim(),
            passwordHash,
            roles: ['applicant'],
            locale: input.locale ?? 'nl',
          },
          manager,
        );
        const session = await this.sessions.open(user.id, client, manager);
        await this.audit.record(
          {
            actorUserId: user.id,
            action: 'user.registered',
            entityType: 'user',
            entityId: user.id,
            after: { email: user.email, roles: user.roles },
            requestId: client.requestId,
          },
          manager,
        );
        // The address is confirmed through a mailed link before the person can act for an organisation.
        await this.emailVerifications.issue(user.id, client.requestId, manager);
        return { user: toUserView(user), token: session.token, expiresAt: session.expiresAt };
      });
    } catch (error) {
      if (error instanceof EmailTakenError) {
        throw new AppException('EMAIL_TAKEN', {
          errors: [{ field: 'email', code: 'taken', message: FIELD_MESSAGES.emailTaken() }],
        });
      }
      throw error;
    }
  }

  async updateProfile(
    userId: string,
    changes: { displayName?: string; locale?: 'nl' | 'en' },
    requestId: string | null,
  ): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdForUpdate(userId, manager);
      const before = { displayName: user.displayName, locale: user.locale };
      if (changes.displayName !== undefined) user.displayName = changes.displayName.trim();
      if (changes.locale !== undefined) user.locale = changes.locale;
      const saved = await this.users.save(user, manager);
      await this.audit.record(
        {
          actorUserId: userId,
          action: 'user.profile_changed',
          entityType: 'user',
          entityId: userId,
          before,
          after: { displayName: saved.displayName, locale: saved.locale },
          requestId,
        },
        manager,
      );
      return toUserView(saved);
    });
  }

  /**
   * Changes the password of the logged-in person: the current password proves it is them (wrong guesses count
   * towards the login throttle), the new one follows the password policy, and every other session ends.
   */
  async changePassword(
    auth: AuthContext,
    input: { currentPassword: string; newPassword: string },
    client: ClientInfo,
  ): Promise<void> {
    await this.throttle.assertAllowed(auth.user.email, client.ip);
    const user = await this.users.findById(auth.user.id);
    if (!user || !(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      const blocked = await this.throttle.recordFailure(auth.user.email, client.ip);
      if (blocked.length > 0) throw this.throttle.blockedError();
      throw new AppException('CURRENT_PASSWORD_INVALID', {
        errors: [
          {
            field: 'currentPassword',
            code: 'incorrect',
            message: FIELD_MESSAGES.currentPasswordInvalid(),
          },
        ],
      });
    }
    this.passwordPolicy.assertAcceptable(input.newPassword, 'newPassword');
    await this.throttle.recordSuccess(auth.user.email, client.ip);
    const passwordHash = await this.hasher.hash(input.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.users.updatePasswordHash(user.id, passwordHash, manager);
      const ended = await this.sessions.closeAll(user.id, auth.sessionId, manager);
      // A reset link asked for before the change must not undo it.
      const resetLinksEnded = await this.resets.revokeAllOfUser(user.id, manager);
      const now = await this.clock.now(manager);
      await this.notifications.enqueue(
        {
          template: 'auth.password_changed',
          recipient: user.email,
          locale: user.locale,
          payload: {
            recipientName: user.displayName,
            changedAtBrussels: formatBrussels(now, false),
            how: 'change',
            forgotUrl: webUrl(this.config.APP_URL, WEB_ROUTES.forgotPassword()),
          },
        },
        manager,
      );
      await this.audit.record(
        {
          actorUserId: user.id,
          action: 'auth.password_changed',
          entityType: 'user',
          entityId: user.id,
          after: { otherSessionsEnded: ended, resetLinksEnded },
          requestId: client.requestId,
        },
        manager,
      );
    });
  }

  /**
   * After a successful login: a hash made with older parameters (or the library defaults of earlier versions) is
   * replaced by one with the current ones, while the password is at hand. Best effort: a failure is logged and the
   * login goes on; the next login tries again.
   */
  private async upgradeHash(user: UserEntity, password: string): Promise<void> {
    const current = user.passwordHash;
    if (current === null || !this.hasher.needsRehash(current)) return;
    try {
      const upgraded = await this.hasher.hash(password);
      if (await this.users.replacePasswordHash(user.id, current, upgraded)) user.passwordHash = upgraded;
    } catch (error) {
      this.logger.warn(`Password hash upgrade of ${user.id} failed: ${(error as Error).message}`);
    }
  }

  /** "Log out everywhere": ends every session of the person, this one included. */
  async logoutEverywhere(userId: string, sessionId: string, requestId: string | null): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const ended = await this.sessions.closeAll(userId, null, manager);
      await this.audit.record(
        {
          actorUserId: userId,
          action: 'auth.logout_everywhere',
          entityType: 'user',
          entityId: userId,
          after: { sessionsEnded: ended, fromSession: sessionId },
          requestId,
        },
        manager,
      );
      return ended;
    });
  }

  async logout(userId: string, sessionId: string, requestId: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.close(sessionId, manager);
      await this.audit.record(
        { actorUserId: userId, action: 'auth.logout', entityType: 'session', entityId: sessionId, requestId },
        manager,
      );
    });
  }
}
