import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UserView } from '@portal/contracts';
import { AppException, AuditRepository } from '@portal/server';
import { DataSource } from 'typeorm';
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
