import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { UserView } from '@portal/contracts';
import { AppConfig } from '@portal/server';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { SessionRepository } from './session.repository';
import { hashToken } from '../common/token-hash';

@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly config: AppConfig,
  ) {}

  /** Opens a session and returns the token for the cookie (the database keeps only its hash). */
  async open(
    userId: string,
    client: { ip: string | null; userAgent: string | null },
    manager?: EntityManager,
    limits: { secondFactorEnrolmentRequired?: boolean } = {},
  ): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_MINUTES * 60_000);
    const session = await this.sessions.create(
      {
        tokenHash: hashToken(token),
        userId,
        expiresAt,
        ip: client.ip?.slice(0, 64) ?? null,
        userAgent: client.userAgent?.slice(0, 400) ?? null,
        secondFactorEnrolmentRequired: limits.secondFactorEnrolmentRequired === true,
      },
      manager,
    );
    return { token, sessionId: session.id, expiresAt };
  }

  async resolve(token: string): Promise<AuthContext | null> {
    if (token.length > 200) return null;
    const session = await this.sessions.findLiveByTokenHash(hashToken(token));
    if (!session) return null;
    const user: UserView = {
      id: session.userId,
      email: session.email,
      displayName: session.displayName,
      roles: session.roles,
      locale: session.locale,
      emailVerified: session.emailVerified,
    };
    if (session.secondFactorEnrolmentRequired) user.secondFactorEnrolmentRequired = true;
    // The request id is added per request by @CurrentAuth().
    return { sessionId: session.sessionId, user, requestId: null };
  }

  close(sessionId: string, manager?: EntityManager): Promise<void> {
    return this.sessions.revoke(sessionId, manager);
  }

  /** Ends all sessions of the user, or all but the one to keep (a password change keeps the session that made it). */
  closeAll(userId: string, keepSessionId: string | null, manager?: EntityManager): Promise<number> {
    return this.sessions.revokeAllOfUser(userId, keepSessionId, manager);
  }
}
