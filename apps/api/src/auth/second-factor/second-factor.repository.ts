import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RecoveryCodeEntity, SecondFactorChallengeEntity, SessionEntity, UserSecondFactorEntity } from '@portal/server';
import { DataSource, EntityManager, IsNull } from 'typeorm';

/** Every query of the second factor: authenticators, recovery codes, login challenges. */
@Injectable()
export class SecondFactorRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(userId: string, manager: EntityManager = this.dataSource.manager): Promise<UserSecondFactorEntity | null> {
    return manager.findOne(UserSecondFactorEntity, { where: { userId } });
  }

  /** The person's authenticator, locked until the transaction ends: enrolment, use and removal are serialised. */
  findForUpdate(userId: string, manager: EntityManager): Promise<UserSecondFactorEntity | null> {
    return manager.findOne(UserSecondFactorEntity, { where: { userId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Whether the person has a confirmed authenticator. */
  async isEnabled(userId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const row = await this.find(userId, manager);
    return row?.enabledAt != null;
  }

  /** Starts (or restarts) an enrolment: a new secret, not enabled; refuses nothing, the service checks first. */
  async upsertPending(userId: string, secretEncrypted: string, manager: EntityManager): Promise<void> {
    await manager.upsert(
      UserSecondFactorEntity,
      { userId, secretEncrypted, enabledAt: null, lastUsedStep: null },
      { conflictPaths: ['userId'] },
    );
  }

  async enable(userId: string, step: number, manager: EntityManager): Promise<void> {
    await manager.update(UserSecondFactorEntity, { userId }, { enabledAt: () => 'now()', lastUsedStep: String(step) });
  }

  /**
   * Records that the code of `step` was used; false when that step (or a later one) was already used: a replay.
   * The condition sits in the UPDATE, so two requests with the same code cannot both pass.
   */
  async claimStep(userId: string, step: number, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(UserSecondFactorEntity)
      .set({ lastUsedStep: String(step) })
      .where('user_id = :userId AND (last_used_step IS NULL OR last_used_step < :step)', { userId, step })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async remove(userId: string, manager: EntityManager): Promise<void> {
    await manager.delete(RecoveryCodeEntity, { userId });
    await manager.delete(UserSecondFactorEntity, { userId });
  }

  /** Replaces every recovery code of the person by these hashes. */
  async replaceRecoveryCodes(userId: string, codeHashes: string[], manager: EntityManager): Promise<void> {
    await manager.delete(RecoveryCodeEntity, { userId });
    await manager.insert(
      RecoveryCodeEntity,
      codeHashes.map((codeHash) => ({ userId, codeHash, usedAt: null })),
    );
  }

  /** Uses a recovery code once: true when an unused code with this hash existed (and is now used). */
  async useRecoveryCode(userId: string, codeHash: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.update(
      RecoveryCodeEntity,
      { userId, codeHash, usedAt: IsNull() },
      { usedAt: () => 'now()' },
    );
    return (result.affected ?? 0) === 1;
  }

  countUnusedRecoveryCodes(userId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    return manager.count(RecoveryCodeEntity, { where: { userId, usedAt: IsNull() } });
  }

  async createChallenge(
    challenge: { tokenHash: string; userId: string; validSeconds: number },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; expiresAt: Date }> {
    const [row] = await manager.query<Array<{ id: string; expires_at: Date }>>(
      `INSERT INTO second_factor_challenges (token_hash, user_id, expires_at)
       VALUES ($1, $2, now() + make_interval(secs => $3)) RETURNING id, expires_at`,
      [challenge.tokenHash, challenge.userId, challenge.validSeconds],
    );
    return { id: row.id, expiresAt: row.expires_at };
  }

  /** A live challenge (unused, not expired by the database clock), locked so only one request can complete it. */
  findLiveChallengeForUpdate(tokenHash: string, manager: EntityManager): Promise<SecondFactorChallengeEntity | null> {
    return manager
      .createQueryBuilder(SecondFactorChallengeEntity, 'challenge')
      .setLock('pessimistic_write')
      .where('challenge.token_hash = :tokenHash', { tokenHash })
      .andWhere('challenge.used_at IS NULL')
      .andWhere('challenge.expires_at > now()')
      .getOne();
  }

  /** A live challenge without locking, to learn whose it is before counting a wrong code. */
  findLiveChallenge(tokenHash: string): Promise<SecondFactorChallengeEntity | null> {
    return this.dataSource.manager
      .createQueryBuilder(SecondFactorChallengeEntity, 'challenge')
      .where('challenge.token_hash = :tokenHash', { tokenHash })
      .andWhere('challenge.used_at IS NULL')
      .andWhere('challenge.expires_at > now()')
      .getOne();
  }

  async useChallenge(id: string, manager: EntityManager): Promise<void> {
    await manager.update(SecondFactorChallengeEntity, { id }, { usedAt: () => 'now()' });
  }

  /** Lifts the enrolment limit of every session of the person once the second factor is set up. */
  async releaseEnrolmentSessions(userId: string, manager: EntityManager): Promise<number> {
    const result = await manager.update(
      SessionEntity,
      { userId, secondFactorEnrolmentRequired: true, revokedAt: IsNull() },
      { secondFactorEnrolmentRequired: false },
    );
    return result.affected ?? 0;
  }
}
