import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { STAFF_ROLES, type Role, type StaffMemberView, type StaffOverview, type StaffRole } from '@portal/contracts';
import { AppException, AuditRepository, type UserEntity } from '@portal/server';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { SessionService } from '../auth/session.service';
import { StaffInvitationRepository } from './staff-invitation.repository';
import { StaffRepository } from './staff.repository';
import { toStaffInvitationView, toStaffMemberView } from './staff-view';

const isStaffRole = (role: Role): role is StaffRole => (STAFF_ROLES as readonly Role[]).includes(role);

/** The administration of staff accounts: roles, deactivation and reactivation, never without an active admin. */
@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly staff: StaffRepository,
    private readonly invitations: StaffInvitationRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditRepository,
  ) {}

  async overview(): Promise<StaffOverview> {
    const [members, invitations] = await Promise.all([this.staff.list(), this.invitations.listOpen()]);
    return { members: members.map(toStaffMemberView), invitations: invitations.map(toStaffInvitationView) };
  }

  /** Sets the person's staff roles; a non-staff role they hold (applicant) is kept. */
  changeRoles(auth: AuthContext, userId: string, roles: StaffRole[]): Promise<StaffMemberView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockTarget(userId, manager);
      const next: Role[] = [
        ...user.roles.filter((role) => !isStaffRole(role)),
        ...STAFF_ROLES.filter((r) => roles.includes(r)),
      ];
      if (user.roles.includes('admin') && !next.includes('admin') && !user.deactivatedAt) {
        await this.assertNotLastAdmin(user, manager);
      }
      const before = { roles: user.roles };
      await this.staff.setRoles(user.id, next, manager);
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'staff.roles_changed',
          entityType: 'user',
          entityId: user.id,
          before,
          after: { roles: next },
          requestId: auth.requestId,
        },
        manager,
      );
      return toStaffMemberView({ ...user, roles: next });
    });
  }

  /** The account cannot log in any more and every session of it ends in the same transaction. */
  deactivate(auth: AuthContext, userId: string): Promise<StaffMemberView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockTarget(userId, manager);
      if (user.deactivatedAt) return toStaffMemberView(user);
      if (user.roles.includes('admin')) await this.assertNotLastAdmin(user, manager);
      await this.staff.setDeactivated(user.id, true, manager);
      const sessionsEnded = await this.sessions.closeAll(user.id, null, manager);
      const after = await this.staff.findForUpdate(user.id, manager);
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'staff.deactivated',
          entityType: 'user',
          entityId: user.id,
          before: { deactivatedAt: null },
          after: { deactivatedAt: after!.deactivatedAt?.toISOString() ?? null, sessionsEnded },
          requestId: auth.requestId,
        },
        manager,
      );
      return toStaffMemberView(after!);
    });
  }

  reactivate(auth: AuthContext, userId: string): Promise<StaffMemberView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockTarget(userId, manager);
      if (!user.deactivatedAt) return toStaffMemberView(user);
      await this.staff.setDeactivated(user.id, false, manager);
      await this.audit.record(
        {
          actorUserId: auth.user.id,
          action: 'staff.reactivated',
          entityType: 'user',
          entityId: user.id,
          before: { deactivatedAt: user.deactivatedAt.toISOString() },
          after: { deactivatedAt: null },
          requestId: auth.requestId,
        },
        manager,
      );
      return toStaffMemberView({ ...user, deactivatedAt: null });
    });
  }

  /**
   * Locks the active admins first, then the person: every path takes the locks in this order, so two admins demoting
   * or deactivating each other at once serialise instead of deadlocking (see StaffRepository.lockActiveAdmins).
   */
  private async lockTarget(userId: string, manager: EntityManager): Promise<UserEntity> {
    await this.staff.lockActiveAdmins(manager);
    const user = await this.staff.findForUpdate(userId, manager);
    if (!user || !user.roles.some(isStaffRole)) throw new AppException('NOT_FOUND');
    return user;
  }

  private async assertNotLastAdmin(user: UserEntity, manager: EntityManager): Promise<void> {
    const admins = await this.staff.lockActiveAdmins(manager);
    if (admins.every((id) => id === user.id)) throw new AppException('LAST_ADMIN');
  }
}
