import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale, Role } from '@portal/contracts';
import { preparedStatement, runPrepared, SessionEntity } from '@portal/server';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';

/** A live session and its user, as the access guard needs them (see findLiveByTokenHash). */
export interface LiveSession {
  sessionId: string;
  secondFactorEnrolmentRequired: boolean;
  userId: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  emailVerified: boolean;
}

/** Asked on every request: prepared, so PostgreSQL parses and plans it once per connection (ADR 0026). */
const LIVE_SESSION = preparedStatement(
  'live_session',
  `
  SELECT s.id AS "sessionId", s.second_factor_enrolment_required AS "secondFactorEnrolmentRequired",
         u.id AS "userId", u.email, u.display_name AS "displayName", u.roles, u.locale,
         u.email_verified_at IS NOT NULL AS "emailVerified"
    FROM sessions s JOIN users u ON u.id = s.user_id
   WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.deactivated_at IS NULL`,
);

@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(
    session: Pick<
      SessionEntity,
      'tokenHash' | 'userId' | 'expiresAt' | 'ip' | 'userAgent' | 'secondFactorEnrolmentRequired'
    >,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SessionEntity> {
    return manager.save(SessionEntity, manager.create(SessionEntity, { ...session, revokedAt: null }));
  }

  /**
   * A live session with what a request needs of its user: not revoked, not expired by the database clock, and the
   * account not deactivated. Asked on every request, so one fixed statement that reads only these columns (no query
   * building, no entity hydration, and never the password hash), prepared.
   */
  async findLiveByTokenHash(tokenHash: string): Promise<LiveSession | null> {
    const rows = await runPrepared<LiveSession>(this.dataSource.manager, LIVE_SESSION, [tokenHash]);
    return rows[0] ?? null;
  }

  async revoke(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(SessionEntity, { id }, { revokedAt: () => 'now()' });
  }

  /** Ends every live session of a user, or every one but `exceptId`; returns how many were live. */
  async revokeAllOfUser(
    userId: string,
    exceptId: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: () => 'now()' })
      .where({ userId, revokedAt: IsNull(), ...(exceptId ? { id: Not(exceptId) } : {}) })
      .andWhere('expires_at > now()')
      .execute();
    return result.affected ?? 0;
  }
}
