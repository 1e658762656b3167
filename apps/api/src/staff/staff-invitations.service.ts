import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import {
  FIELD_MESSAGES,
  STAFF_ROLES,
  WEB_ROUTES,
  webUrl,
  type Role,
  type StaffInvitationPreview,
  type StaffInvitationView,
  type StaffRole,
  type UserView,
} from '@portal/contracts';
import { formatBrussels } from '@portal/domain';
import { AppConfig, AppException, AuditRepository, hashToken, NotificationRepository } from '@portal/server';
import { DataSource } from 'typeorm';
import { EmailVerificationService } from '../auth/email-verification.service';
import { PasswordPolicy } from '../auth/password-policy/password-policy';
import type { AuthContext } from '../common/request-context';
import { PasswordHasher } from '../users/password-hasher';
import { EmailTakenError, UserRepository } from '../users/user.repository';
import { toUserView } from '../users/user-view';
import { StaffInvitationRepository } from './staff-invitation.repository';
import { toStaffInvitationView } from './staff-view';

const INVITATION_DAYS = 7;

/** Staff join by a single-use expiring link sent by mail; the link creates an account or adds roles to one. */
@Injectable()
export class StaffInvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: StaffInvitationRepository,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly passwordPolicy: PasswordPolicy,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
    private readonly emailVerifications: EmailVerificationService,
  ) {}

  async invite(auth: AuthContext, email: string, roles: StaffRole[]): Promise<StaffInvitationView> {
    const token = randomBytes(32).toString('base64url');
    const ordered = STAFF_ROLES.filter((role) => roles.includes(role));
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitations.insert(
        { email: email.trim().toLowerCase(), roles: ordered, tokenHash: hashToken(token), invitedBy: auth.user.id },
        INVITATION_DAYS,
        manager,
      );
      await this.notifications.enqueue(
        {
          template: 'staff.invitation',
          recipient: invitation.email,
          locale: auth.user.locale,
          subjectRef: invitation.id,
          payload: {
            inviterName: auth.user.displayName,
            roles: ordered,
            acceptUrl: webUrl(this.config.APP_URL, WEB_ROUTES.staffInvitation(token)),
            expiresAtBrussels: formatBrussels(invitation.expiresAt, false),
          },
        },
        manager,
      );
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'staff.invited',
          entityType: 'user',
          entityId: null,
          after: { email: invitation.email, roles: ordered, invitationId: invitation.id },
          requestId: auth.requestId,
        },
        manager,
      );
      return toStaffInvitationView(invitation);
    });
  }

  /** An admin withdraws an open invitation (staff or expert): its link stops working at once. Audited. */
  async withdraw(auth: AuthContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const withdrawn = await this.invitations.withdraw(id, manager);
      if (!withdrawn) throw new AppException('STAFF_INVITATION_NOT_OPEN');
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'staff.invitation_withdrawn',
          entityType: 'user',
          entityId: null,
          after: {
            invitationId: withdrawn.id,
            email: withdrawn.email,
            roles: withdrawn.roles,
            callId: withdrawn.callId,
            expiresAt: withdrawn.expiresAt.toISOString(),
          },
          requestId: auth.requestId,
        },
        manager,
      );
    });
  }

  /** What the link is for, so the page offers "create an account" or "log in first". */
  async preview(token: string): Promise<StaffInvitationPreview> {
    const invitation = await this.invitations.findOpen(hashToken(token));
    if (!invitation) throw new AppException('STAFF_INVITATION_INVALID');
    const account = await this.users.findByEmail(invitation.email);
    return {
      email: invitation.email,
      roles: invitation.roles,
      expiresAt: invitation.expiresAt.toISOString(),
      accountExists: account !== null,
      callTitle: invitation.callId ? await this.invitations.callTitle(invitation.callId) : null,
    };
  }

  /** A new account with the invitation's address and roles; the invitee logs in with it afterwards. */
  async acceptWithNewAccount(
    input: { token: string; displayName: string; password: string; locale?: 'nl' | 'en' },
    requestId: string | null,
  ): Promise<UserView> {
    this.passwordPolicy.assertAcceptable(input.password);
    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const invitation = await this.invitations.findOpenForUpdate(hashToken(input.token), manager);
        if (!invitation) throw new AppException('STAFF_INVITATION_INVALID');
        const user = await this.users.insert(
          {
            email: invitation.email,
            displayName: input.displayName.trim(),
            passwordHash,
            roles: invitation.roles,
            locale: input.locale ?? 'nl',
          },
          manager,
        );
        await this.invitations.markAccepted(invitation.id, user.id, manager);
        // The link went to this address: the account starts with it confirmed (ADR 0014).
        await this.emailVerifications.confirmAddress(user.id, user.email, 'staff_invitation', requestId, manager);
        // An expert's invitation is for one call: the account joins that call's panel as external (ADR 0013).
        if (invitation.callId) await this.invitations.joinPanelAsExpert(invitation, user.id, manager);
        await this.audit.record(
          {
            actorUserId: user.id,
            action: 'staff.invitation_accepted',
            entityType: 'user',
            entityId: user.id,
            before: null,
            after: {
              email: user.email,
              roles: user.roles,
              invitationId: invitation.id,
              newAccount: true,
              ...(invitation.callId ? { expertForCallId: invitation.callId } : {}),
            },
            requestId,
          },
          manager,
        );
        return toUserView(await this.users.findByIdForUpdate(user.id, manager));
      });
    } catch (error) {
      if (error instanceof EmailTakenError) {
        throw new AppException('STAFF_INVITATION_ACCOUNT_EXISTS', {
          errors: [{ field: 'email', code: 'taken', message: FIELD_MESSAGES.emailTaken() }],
        });
      }
      throw error;
    }
  }

  /** The logged-in person with the invited address gets the invitation's roles added to theirs. */
  acceptAsCurrentUser(auth: AuthContext, token: string): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitations.findOpenForUpdate(hashToken(token), manager);
      if (!invitation) throw new AppException('STAFF_INVITATION_INVALID');
      if (invitation.email !== auth.user.email) throw new AppException('STAFF_INVITATION_FOR_OTHER_EMAIL');
      if (invitation.callId) throw new AppException('EXPERT_ACCOUNT_EXISTS');
      const user = await this.users.findByIdForUpdate(auth.user.id, manager);
      const before = { roles: user.roles };
      const roles: Role[] = [...new Set<Role>([...user.roles, ...invitation.roles])];
      user.roles = roles;
      await this.users.save(user, manager);
      await this.invitations.markAccepted(invitation.id, user.id, manager);
      if (!user.emailVerifiedAt) {
        await this.emailVerifications.confirmAddress(user.id, user.email, 'staff_invitation', auth.requestId, manager);
      }
      await this.audit.record(
        {
          actorUserId: user.id,
          action: 'staff.invitation_accepted',
          entityType: 'user',
          entityId: user.id,
          before,
          after: { roles, invitationId: invitation.id, newAccount: false },
          requestId: auth.requestId,
        },
        manager,
      );
      return toUserView(await this.users.findByIdForUpdate(user.id, manager));
    });
  }
}
