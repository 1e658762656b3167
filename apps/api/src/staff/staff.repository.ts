import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@portal/contracts';
import { UserEntity } from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';

/** Staff accounts (users holding admin, reviewer or minister) as the administration manages them. */
@Injectable()
export class StaffRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Everyone with a staff role, active first, then by name. */
  list(): Promise<UserEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(UserEntity, 'user')
      .where(`user.roles && ARRAY['admin','reviewer','minister']::varchar[]`)
      .orderBy('user.deactivated_at IS NOT NULL', 'ASC')
      .addOrderBy('user.display_name', 'ASC')
      .addOrderBy('user.id', 'ASC')
      .getMany();
  }

  /**
   * Locks every active admin's row, in id order, until the transaction ends, and returns their ids. Every change that
   * could take the admin role away (a role change, a deactivation) calls this first: two such changes serialise here,
   * and the second one re-reads the rows after the first commits (PostgreSQL re-checks a locked row's WHERE under READ
   * COMMITTED), so it sees the admin the first one removed as gone. Locking in one order means no deadlock.
   */
  async lockActiveAdmins(manager: EntityManager): Promise<string[]> {
    const rows = await manager
      .createQueryBuilder(UserEntity, 'user')
      .select('user.id', 'id')
      .where(`'admin' = ANY(user.roles)`)
      .andWhere('user.deactivated_at IS NULL')
      .orderBy('user.id', 'ASC')
      .setLock('pessimistic_write')
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /** The person's row, locked until the transaction ends; null when there is none. */
  findForUpdate(id: string, manager: EntityManager): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async setRoles(id: string, roles: Role[], manager: EntityManager): Promise<void> {
    await manager.update(UserEntity, { id }, { roles });
  }

  async setDeactivated(id: string, deactivated: boolean, manager: EntityManager): Promise<void> {
    await manager.update(UserEntity, { id }, { deactivatedAt: deactivated ? () => 'now()' : null });
  }
}
