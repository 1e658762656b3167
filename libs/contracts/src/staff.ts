import type { Role, StaffRole } from './roles';

/** A person with a staff role (admin, reviewer, minister), as the administration sees them. */
export interface StaffMemberView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  deactivatedAt: string | null;
}

/** An invitation that was sent and is not yet accepted nor expired. */
export interface StaffInvitationView {
  id: string;
  email: string;
  roles: StaffRole[];
  expiresAt: string;
  acceptedAt: string | null;
}

export interface StaffOverview {
  members: StaffMemberView[];
  invitations: StaffInvitationView[];
}

/** What the invitee sees when opening the link: whether to create an account or to log in first. */
export interface StaffInvitationPreview {
  email: string;
  roles: StaffRole[];
  expiresAt: string;
  accountExists: boolean;
  /** Set when the invitation is for an external expert on one call's review panel (ADR 0013). */
  callTitle: string | null;
}
