import type { StaffInvitationView, StaffMemberView } from '@portal/contracts';
import type { StaffInvitationEntity, UserEntity } from '@portal/server';

export function toStaffMemberView(user: UserEntity): StaffMemberView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
  };
}

export function toStaffInvitationView(invitation: StaffInvitationEntity): StaffInvitationView {
  return {
    id: invitation.id,
    email: invitation.email,
    roles: invitation.roles,
    expiresAt: invitation.expiresAt.toISOString(),
    acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
  };
}
