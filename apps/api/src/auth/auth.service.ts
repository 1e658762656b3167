import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UserView } from '@portal/contracts';
import { AppException, AuditRepository } from '@portal/server';
import { DataSource, QueryFailedError } from 'typeorm';
import { UserEntity } from '@portal/server';
import { PasswordHasher } from '../users/password-hasher';
import { UserRepository } from '../users/user.repository';
import { toUserView } from '../users/user-view';
import { SessionService } from './session.service';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditRepository,
  ) {}

  async login(
    email: string,
    password: string,
    client: ClientInfo,
  ): Promise<{ user: UserView; token: string; expiresAt: Date }> {
    const user = await this.users.findByEmail(email);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !valid) {
      await this.audit.record({
        actorUserId: null,
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { email: email.trim().toLowerCase().slice(0, 254), ip: client.ip },
        requestId: client.requestId,
      });
      throw new AppException('INVALID_CREDENTIALS');
    }
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.open(user.id, client, manager);
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
      return { user: toUserView(user), token: session.token, expiresAt: session.expiresAt };
    });
  }

  /** Self-registration of a person who will act for an organisation or local government (role applicant). */
  async register(
    input: { email: string; password: string; displayName: string; locale?: 'nl' | 'en' },
    client: ClientInfo,
  ): Promise<{ user: UserView; token: string; expiresAt: Date }> {
    if (input.password.length < 12) {
      throw new AppException('WEAK_PASSWORD', {
        errors: [
          {
            field: 'password',
            code: 'minLength',
            message: { nl: 'Minstens 12 tekens.', en: 'At least 12 characters.' },
          },
        ],
      });
    }
    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = await manager.save(
          UserEntity,
          manager.create(UserEntity, {
            email: input.email.trim().toLowerCase(),
            displayName: input.displayName.trim(),
            passwordHash,
            roles: ['applicant'],
            locale: input.locale ?? 'nl',
          }),
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
        return { user: toUserView(user), token: session.token, expiresAt: session.expiresAt };
      });
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'users_email_unique'
      ) {
        throw new AppException('EMAIL_TAKEN', {
          errors: [{ field: 'email', code: 'taken', message: { nl: 'Al in gebruik.', en: 'Already in use.' } }],
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
      const user = await manager.findOneByOrFail(UserEntity, { id: userId });
      const before = { displayName: user.displayName, locale: user.locale };
      if (changes.displayName !== undefined) user.displayName = changes.displayName.trim();
      if (changes.locale !== undefined) user.locale = changes.locale;
      const saved = await manager.save(UserEntity, user);
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
