import type { ApplicantKind } from './calls';

export interface Address {
  street: string;
  postalCode: string;
  city: string;
}

export interface RegisterApplicantInput {
  kind: ApplicantKind;
  legalName: string;
  /** Organisations: KBO number, any usual notation (0123.456.789, BE0123456789). */
  enterpriseNumber?: string;
  /** Local governments: 5-digit NIS code. */
  nisCode?: string;
  policyDomains: string[];
  address: Address;
  iban: string;
  contactName: string;
  contactEmail: string;
  contactPhone?: string;
}

export type ApplicantMemberRole = 'admin' | 'member';

/** Whether the administration (or the identity service) confirmed an applicant's claim to its number. */
export type ApplicantVerificationStatus = 'to_verify' | 'verified' | 'rejected';

export interface ApplicantView {
  id: string;
  kind: ApplicantKind;
  legalName: string;
  enterpriseNumber: string | null;
  nisCode: string | null;
  policyDomains: string[];
  address: Address;
  iban: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  myRole: ApplicantMemberRole;
  /** Whether the administration verified the claim to the number; a rejected applicant cannot submit dossiers. */
  verificationStatus: ApplicantVerificationStatus;
  /** The administration's motivation when it decided (always given for a rejection). */
  verificationMotivation: string | null;
}

/** An applicant as the administration sees it when verifying claims (`GET /applicant-verifications`). */
export interface ApplicantVerificationView {
  id: string;
  kind: ApplicantKind;
  legalName: string;
  enterpriseNumber: string | null;
  nisCode: string | null;
  address: Address;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  createdAt: string;
  verificationStatus: ApplicantVerificationStatus;
  verifiedAt: string | null;
  /** The admin who decided; null while to verify, or when the identity service vouched. */
  verifiedBy: string | null;
  verificationMotivation: string | null;
  /** The people who act for it as its admins (who registered it, normally). */
  admins: Array<{ displayName: string; email: string }>;
}

/** `POST /applicants/:id/verification`: a motivation is required for a rejection. */
export interface ApplicantVerificationDecision {
  decision: 'verified' | 'rejected';
  motivation?: string | null;
}

export interface ApplicantMemberView {
  userId: string;
  displayName: string;
  email: string;
  role: ApplicantMemberRole;
}

export interface InvitationView {
  id: string;
  applicantId: string;
  email: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export interface RegisterUserInput {
  email: string;
  password: string;
  displayName: string;
  locale?: 'nl' | 'en';
}
