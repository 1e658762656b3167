import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PasswordResetEntity } from '../entities/password-reset.entity';
import { UserEntity } from '../entities/user.entity';

/**
 * Password reset links: only the token's SHA-256 is stored. Used by the worker (issuing a link, off the request path)
 * and the API (using one). At most one link of a person is usable at a time: issuing a link, using one or changing
 * the password ends every earlier one (`used_at` set: a revoked link counts as used up, and the retention job
 * purges it like one).
 */
@Injectable()
export class PasswordResetRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The account a reset is asked for, by its (normalised) address. */
  findUserByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { email: email.trim().toLowerCase() } });
  }

  /** Ends every link of the person that is still usable; returns how many were. */
  async revokeAllOfUser(userId: string, manager: EntityManager): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(PasswordResetEntity)
      .set({ usedAt: () => 'now()' })
      .where('user_id = :userId AND used_at IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }

  /**
   * Ends the person's earlier links and stores a new one expiring `minutes` from now by the database clock;
   * returns that moment. The person's row is locked first, so two requests at once still leave one usable link.
   */
  async issue(userId: string, tokenHash: string, minutes: number, manager: EntityManager): Promise<Date> {
    await manager.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [userId]);
    await this.revokeAllOfUser(userId, manager);
    const [{ expires_at }] = await manager.query<Array<{ expires_at: Date }>>(
      `INSERT INTO password_resets (user_id, token_hash, expires_at)
       VALUES ($1, $2, now() + make_interval(mins => $3))
       RETURNING expires_at`,
      [userId, tokenHash, minutes],
    );
    return expires_at;
  }

  /** The usable (unused, unexpired) link with this token hash, locked until the transaction ends; null otherwise. */
  findUsableForUpdate(tokenHash: string, manager: EntityManager): Promise<PasswordResetEntity | null> {
    return manager
      .createQueryBuilder(PasswordResetEntity, 'r')
      .where('r.token_hash = :hash AND r.used_at IS NULL AND r.expires_at > now()', { hash: tokenHash })
      .setLock('pessimistic_write')
      .getOne();
  }
}
