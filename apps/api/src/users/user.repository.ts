import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserEntity } from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';

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
}
