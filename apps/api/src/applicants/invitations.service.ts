import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { ApplicantMemberView, ApplicantView, InvitationView } from '@portal/contracts';
import { formatBrussels } from '@portal/domain';
import {
  AppConfig,
  AppException,
  ApplicantMemberEntity,
  AuditRepository,
  InvitationEntity,
  NotificationRepository,
} from '@portal/server';
import { DataSource, IsNull } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { ApplicantRepository } from './applicant.repository';
import { toApplicantView } from './applicants.service';
import { hashToken } from '../common/token-hash';

const INVITATION_DAYS = 14;

function toInvitationView(invitation: InvitationEntity): InvitationView {
  return {
    id: invitation.id,
    applicantId: invitation.applicantId,
    email: invitation.email,
    expiresAt: invitation.expiresAt.toISOString(),
    acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
  };
}

/** Colleagues: an applicant's admin invites people by e-mail; they accept while logged in with that address. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applicants: ApplicantRepository,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
  ) {}

  async members(auth: AuthContext, applicantId: string): Promise<ApplicantMemberView[]> {
    if (!(await this.applicants.isMember(applicantId, auth.user.id))) throw new AppException('NOT_FOUND');
    const members = await this.dataSource.manager.find(ApplicantMemberEntity, {
      where: { applicantId },
      relations: { user: true },
      order: { createdAt: 'ASC' },
    });
    return members.map((member) => ({
      userId: member.userId,
      displayName: member.user!.displayName,
      email: member.user!.email,
      role: member.role,
    }));
  }

  async invite(
    auth: AuthContext,
    applicantId: string,
    email: string,
    requestId: string | null,
  ): Promise<InvitationView> {
    const membership = await this.dataSource.manager.findOne(ApplicantMemberEntity, {
      where: { applicantId, userId: auth.user.id },
      relations: { applicant: true },
    });
    if (!membership) throw new AppException('NOT_FOUND');
    if (membership.role !== 'admin') throw new AppException('FORBIDDEN');
    const token = randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (manager) => {
      const [{ expires_at }] = await manager.query<Array<{ expires_at: Date }>>(
        `SELECT now() + make_interval(days => $1) AS expires_at`,
        [INVITATION_DAYS],
      );
      const invitation = await manager.save(
        InvitationEntity,
        manager.create(InvitationEntity, {
          applicantId,
          email: email.trim().toLowerCase(),
          tokenHash: hashToken(token),
          invitedBy: auth.user.id,
          expiresAt: expires_at,
        }),
      );
      await this.notifications.enqueue(
        {
          template: 'applicant.invitation',
          recipient: invitation.email,
          locale: auth.user.locale,
          subjectRef: applicantId,
          payload: {
            inviterName: auth.user.displayName,
            applicantName: membership.applicant!.legalName,
            acceptUrl: `${this.config.APP_URL}/uitnodiging/${token}`,
            expiresAtBrussels: formatBrussels(expires_at, false),
          },
        },
        manager,
      );
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'applicant.invited',
          entityType: 'applicant',
          entityId: applicantId,
          after: { email: invitation.email, invitationId: invitation.id },
          requestId,
        },
        manager,
      );
      return toInvitationView(invitation);
    });
  }

  /** Single use, expiring, and only for the address it was sent to. */
  async accept(auth: AuthContext, token: string, requestId: string | null): Promise<ApplicantView> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager
        .createQueryBuilder(InvitationEntity, 'invitation')
        .innerJoinAndSelect('invitation.applicant', 'applicant')
        .where('invitation.token_hash = :hash', { hash: hashToken(token) })
        .andWhere('invitation.accepted_at IS NULL AND invitation.expires_at > now()')
        .setLock('pessimistic_write', undefined, ['invitation'])
        .getOne();
      if (!invitation) throw new AppException('INVITATION_INVALID');
      if (invitation.email !== auth.user.email) throw new AppException('INVITATION_FOR_OTHER_EMAIL');
      await manager
        .createQueryBuilder()
        .insert()
        .into(ApplicantMemberEntity)
        .values({ applicantId: invitation.applicantId, userId: auth.user.id, role: 'member' })
        .orIgnore()
        .execute();
      await manager.update(
        InvitationEntity,
        { id: invitation.id, acceptedAt: IsNull() },
        { acceptedAt: () => 'now()', acceptedBy: auth.user.id },
      );
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'applicant.member_joined',
          entityType: 'applicant',
          entityId: invitation.applicantId,
          after: { invitationId: invitation.id },
          requestId,
        },
        manager,
      );
      const member = await manager.findOneOrFail(ApplicantMemberEntity, {
        where: { applicantId: invitation.applicantId, userId: auth.user.id },
      });
      return toApplicantView(invitation.applicant!, member.role);
    });
  }
}
