/** A reviewer on a call's panel (ADR 0013), with how much of the call's reviewing they hold. */
export interface PanelMemberView {
  userId: string;
  displayName: string;
  email: string;
  /** An expert invited for this call only. */
  external: boolean;
  deactivated: boolean;
  /** Assignments still to do, and submitted, in this call. */
  open: number;
  submitted: number;
}

/** An active staff reviewer not on the panel yet. */
export interface PanelCandidateView {
  userId: string;
  displayName: string;
  email: string;
}

/** An expert invitation for this call that is neither accepted nor expired. */
export interface PanelInvitationView {
  id: string;
  email: string;
  expiresAt: string;
}

export interface ReviewPanelView {
  callId: string;
  /** False until the admin saves the panel settings or adds a member: assignment then draws from every staff reviewer. */
  configured: boolean;
  perDossier: number;
  dueAt: string | null;
  members: PanelMemberView[];
  candidates: PanelCandidateView[];
  invitations: PanelInvitationView[];
}
