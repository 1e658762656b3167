import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InvitationEntity } from '@portal/server';
import { DataSource, EntityManager, IsNull } from 'typeorm';

/** Invitations of colleagues: only the token's SHA-256 is stored. */
@Injectable()
export class InvitationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new invitation expiring `days` from now by the database clock. */
  async insert(
    invitation: Pick<InvitationEntity, 'applicantId' | 'email' | 'tokenHash' | 'invitedBy'>,
    days: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<InvitationEntity> {
    const [{ expires_at }] = await manager.query<Array<{ expires_at: Date }>>(
      'SELECT now() + make_interval(days => $1) AS expires_at',
      [days],
    );
    return manager.save(InvitationEntity, manager.create(InvitationEntity, { ...invitation, expiresAt: expires_at }));
  }

  /** The open (not accepted, not expired) invitation with this token hash and its applicant, locked; null otherwise. */
  findOpenForUpdate(tokenHash: string, manager: EntityManager): Promise<InvitationEntity | null> {
    return manager
      .createQueryBuilder(InvitationEntity, 'invitation')
      .innerJoinAndSelect('invitation.applicant', 'applicant')
      .where('invitation.token_hash = :hash', { hash: tokenHash })
      .andWhere('invitation.accepted_at IS NULL AND invitation.expires_at > now()')
      .setLock('pessimistic_write', undefined, ['invitation'])
      .getOne();
  }

  async markAccepted(id: string, userId: string, manager: EntityManager): Promise<void> {
    await manager.update(
      InvitationEntity,
      { id, acceptedAt: IsNull() },
      { acceptedAt: () => 'now()', acceptedBy: userId },
    );
  }
}
