import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { StaffInvitationEntity } from '@portal/server';
import { DataSource, EntityManager, IsNull } from 'typeorm';

/** Staff invitations: only the token's SHA-256 is stored. */
@Injectable()
export class StaffInvitationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new invitation expiring `days` from now by the database clock. */
  async insert(
    invitation: Pick<StaffInvitationEntity, 'email' | 'roles' | 'tokenHash' | 'invitedBy'>,
    days: number,
    manager: EntityManager,
  ): Promise<StaffInvitationEntity> {
    const [{ expires_at }] = await manager.query<Array<{ expires_at: Date }>>(
      'SELECT now() + make_interval(days => $1) AS expires_at',
      [days],
    );
    return manager.save(
      StaffInvitationEntity,
      manager.create(StaffInvitationEntity, { ...invitation, expiresAt: expires_at }),
    );
  }

  /** Invitations not accepted and not expired, newest first. */
  listOpen(): Promise<StaffInvitationEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(StaffInvitationEntity, 'invitation')
      .where('invitation.accepted_at IS NULL AND invitation.expires_at > now()')
      .orderBy('invitation.created_at', 'DESC')
      .getMany();
  }

  /** The open invitation with this token hash; null when used, expired or unknown. */
  findOpen(tokenHash: string): Promise<StaffInvitationEntity | null> {
    return this.dataSource.manager
      .createQueryBuilder(StaffInvitationEntity, 'invitation')
      .where('invitation.token_hash = :hash', { hash: tokenHash })
      .andWhere('invitation.accepted_at IS NULL AND invitation.expires_at > now()')
      .getOne();
  }

  /** The same, locked until the transaction ends, so that a link is used once even when clicked twice at once. */
  findOpenForUpdate(tokenHash: string, manager: EntityManager): Promise<StaffInvitationEntity | null> {
    return manager
      .createQueryBuilder(StaffInvitationEntity, 'invitation')
      .where('invitation.token_hash = :hash', { hash: tokenHash })
      .andWhere('invitation.accepted_at IS NULL AND invitation.expires_at > now()')
      .setLock('pessimistic_write')
      .getOne();
  }

  async markAccepted(id: string, userId: string, manager: EntityManager): Promise<void> {
    await manager.update(
      StaffInvitationEntity,
      { id, acceptedAt: IsNull() },
      { acceptedAt: () => 'now()', acceptedBy: userId },
    );
  }
}
