import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserEntity } from '@portal/server';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** Thrown by `insert` when the address belongs to an account already. */
export class EmailTakenError extends Error {}

@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { email: email.trim().toLowerCase() } });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id } });
  }

  /** Insert or update by e-mail; returns the user as stored. */
  async upsertByEmail(
    user: Pick<UserEntity, 'email' | 'displayName' | 'passwordHash' | 'roles' | 'locale'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserEntity> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values({ ...user, email: user.email.toLowerCase() })
      .orUpdate(['display_name', 'roles', 'locale'], ['email'])
      .execute();
    return (await this.findByEmail(user.email, manager))!;
  }

  /** A new account; EmailTakenError when the (normalised) address is in use. */
  async insert(
    user: Pick<UserEntity, 'email' | 'displayName' | 'passwordHash' | 'roles' | 'locale'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserEntity> {
    try {
      return await manager.save(UserEntity, manager.create(UserEntity, { ...user, email: user.email.toLowerCase() }));
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'users_email_unique'
      )
        throw new EmailTakenError();
      throw error;
    }
  }

  /** The person's row, locked until the transaction ends. */
  findByIdForUpdate(id: string, manager: EntityManager): Promise<UserEntity> {
    return manager.findOneOrFail(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async updatePasswordHash(id: string, passwordHash: string, manager: EntityManager = this.dataSource.manager) {
    await manager.update(UserEntity, { id }, { passwordHash });
  }

  /**
   * Replaces a hash made with older parameters by one made with the current ones, only if the stored hash is still
   * the one that was verified (a password change in between wins). Returns whether it replaced it.
   */
  async replacePasswordHash(id: string, verifiedHash: string, newHash: string): Promise<boolean> {
    const result = await this.dataSource.manager.update(
      UserEntity,
      { id, passwordHash: verifiedHash },
      { passwordHash: newHash },
    );
    return (result.affected ?? 0) > 0;
  }

  save(user: UserEntity, manager: EntityManager = this.dataSource.manager): Promise<UserEntity> {
    return manager.save(UserEntity, user);
  }
}
