import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CallEntity, ReviewPanelMemberEntity, StaffInvitationEntity } from '@portal/server';
import { DataSource, EntityManager, IsNull } from 'typeorm';

interface StaffInvitationRow {
  id: string;
  email: string;
  roles: StaffInvitationEntity['roles'];
  call_id: string | null;
  expires_at: Date;
}

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
    return (
      this.dataSource.manager
        .createQueryBuilder(StaffInvitationEntity, 'invitation')
        .where('invitation.accepted_at IS NULL AND invitation.expires_at > now()')
        // Experts invited for one call are listed on that call's panel (ADR 0013).
        .andWhere('invitation.call_id IS NULL')
        .orderBy('invitation.created_at', 'DESC')
        .getMany()
    );
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
      // After waiting for a withdrawal's lock, the row is re-checked against the time it is read (see withdraw).
      .andWhere('invitation.accepted_at IS NULL AND invitation.expires_at > clock_timestamp()')
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The new expert account joins the invitation's call panel as an external member. */
  async joinPanelAsExpert(invitation: StaffInvitationEntity, userId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO review_panels (call_id, updated_by) VALUES ($1, $2) ON CONFLICT (call_id) DO NOTHING`,
      [invitation.callId, invitation.invitedBy],
    );
    await manager.insert(ReviewPanelMemberEntity, {
      callId: invitation.callId!,
      userId,
      external: true,
      addedBy: invitation.invitedBy,
    });
  }

  async callTitle(callId: string): Promise<string | null> {
    const call = await this.dataSource.manager.findOne(CallEntity, { where: { id: callId }, select: { title: true } });
    return call?.title ?? null;
  }

  /**
   * Ends an open invitation now (its link answers 410 from then on); null when it was not open any more (accepted,
   * withdrawn or expired), so that two admins withdrawing at once, or a withdrawal racing the acceptance, act once.
   */
  async withdraw(id: string, manager: EntityManager): Promise<StaffInvitationEntity | null> {
    const [rows] = await manager.query<[StaffInvitationRow[], number]>(
      // clock_timestamp(), not now(): a second withdrawal (or an acceptance) that waited for this row's lock compares
      // with the moment it runs, later than the one written here, and finds the invitation closed.
      `UPDATE staff_invitations SET expires_at = clock_timestamp()
        WHERE id = $1 AND accepted_at IS NULL AND expires_at > clock_timestamp()
        RETURNING id, email, roles, call_id, expires_at`,
      [id],
    );
    const row = rows[0];
    return row
      ? manager.create(StaffInvitationEntity, {
          id: row.id,
          email: row.email,
          roles: row.roles,
          callId: row.call_id,
          expiresAt: row.expires_at,
        })
      : null;
  }

  async markAccepted(id: string, userId: string, manager: EntityManager): Promise<void> {
    await manager.update(
      StaffInvitationEntity,
      { id, acceptedAt: IsNull() },
      { acceptedAt: () => 'now()', acceptedBy: userId },
    );
  }
}
