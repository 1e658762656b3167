import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionEntity } from '@portal/server';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';

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

  /** A live session with its user: not revoked, not expired by the database clock, and the account not deactivated. */
  findLiveByTokenHash(tokenHash: string): Promise<SessionEntity | null> {
    return this.dataSource.manager
      .createQueryBuilder(SessionEntity, 'session')
      .innerJoinAndSelect('session.user', 'user')
      .where('session.token_hash = :tokenHash', { tokenHash })
      .andWhere('session.revoked_at IS NULL')
      .andWhere('session.expires_at > now()')
      .andWhere('user.deactivated_at IS NULL')
      .getOne();
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
