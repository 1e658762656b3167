import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import {
  WEB_ROUTES,
  webUrl,
  type ApplicantMemberView,
  type ApplicantView,
  type InvitationView,
} from '@portal/contracts';
import { formatBrussels } from '@portal/domain';
import {
  AppConfig,
  AppException,
  AuditRepository,
  hashToken,
  InvitationEntity,
  NotificationRepository,
} from '@portal/server';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { EmailVerificationService } from '../auth/email-verification.service';
import { InvitationRateLimit } from '../security/invitation-rate-limit';
import { ApplicantRepository } from './applicant.repository';
import { toApplicantView } from './applicants.service';
import { InvitationRepository } from './invitation.repository';

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
    private readonly invitations: InvitationRepository,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditRepository,
    private readonly limits: InvitationRateLimit,
    private readonly config: AppConfig,
    private readonly emailVerifications: EmailVerificationService,
  ) {}

  async members(auth: AuthContext, applicantId: string): Promise<ApplicantMemberView[]> {
    if (!(await this.applicants.isMember(applicantId, auth.user.id))) throw new AppException('NOT_FOUND');
    const members = await this.applicants.membersWithUsers(applicantId);
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
    const membership = await this.applicants.findMembership(applicantId, auth.user.id);
    if (!membership) throw new AppException('NOT_FOUND');
    if (membership.role !== 'admin') throw new AppException('FORBIDDEN');
    await this.limits.consume(auth.user.id, applicantId);
    const token = randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitations.insert(
        {
          applicantId,
          email: email.trim().toLowerCase(),
          tokenHash: hashToken(token),
          invitedBy: auth.user.id,
        },
        INVITATION_DAYS,
        manager,
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
            acceptUrl: webUrl(this.config.APP_URL, WEB_ROUTES.invitation(token)),
            expiresAtBrussels: formatBrussels(invitation.expiresAt, false),
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

  /**
   * Single use, expiring, and only for the address it was sent to: opening it proves the person reads that address,
   * so it confirms the address too (ADR 0014).
   */
  async accept(auth: AuthContext, token: string, requestId: string | null): Promise<ApplicantView> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitations.findOpenForUpdate(hashToken(token), manager);
      if (!invitation) throw new AppException('INVITATION_INVALID');
      if (invitation.email !== auth.user.email) throw new AppException('INVITATION_FOR_OTHER_EMAIL');
      if (!auth.user.emailVerified) {
        await this.emailVerifications.confirmAddress(
          auth.user.id,
          invitation.email,
          'applicant_invitation',
          requestId,
          manager,
        );
      }
      const member = await this.applicants.addMember(invitation.applicantId, auth.user.id, 'member', manager);
      await this.invitations.markAccepted(invitation.id, auth.user.id, manager);
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
      return toApplicantView(invitation.applicant!, member.role);
    });
  }
}
