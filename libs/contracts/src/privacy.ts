import type { Locale, Role } from './roles';

/**
 * `GET /api/v1/auth/me/export`: everything the portal keeps about the person asking (GDPR art. 15 and 20),
 * as one JSON document. Password hashes and the tokens of links (reset, invitation) are never part of it.
 */
export interface PersonalDataExport {
  format: 'grant-portal.personal-data';
  version: 1;
  exportedAt: string;
  account: {
    id: string;
    email: string;
    displayName: string;
    roles: Role[];
    locale: Locale;
    createdAt: string;
    updatedAt: string;
  };
  sessions: Array<{
    createdAt: string;
    expiresAt: string;
    revokedAt: string | null;
    ip: string | null;
    userAgent: string | null;
  }>;
  /** Identities at the identity service (single sign-on) linked to the account, and what it last said. */
  identities: Array<{
    issuer: string;
    subject: string;
    email: string | null;
    represents: string[];
    linkedAt: string;
    lastLoginAt: string;
  }>;
  memberships: Array<{
    applicantId: string;
    legalName: string;
    kind: string;
    enterpriseNumber: string | null;
    nisCode: string | null;
    role: string;
    since: string;
    contactName: string;
    contactEmail: string;
    contactPhone: string | null;
  }>;
  /** Dossiers of the applicants the person acts for, with every submitted version and the attachments' metadata. */
  dossiers: Array<{
    id: string;
    reference: string | null;
    status: string;
    callCode: string;
    callTitle: string;
    applicantId: string;
    title: string;
    summary: string;
    answers: Record<string, unknown>;
    projectStart: string | null;
    projectEnd: string | null;
    budgetLines: unknown[];
    requestedCents: number;
    ownContributionCents: number;
    otherIncomeCents: number;
    grantedCents: number | null;
    createdByMe: boolean;
    createdAt: string;
    updatedAt: string;
    submissions: Array<{ number: number; submittedAt: string; contentHash: string; submittedByMe: boolean }>;
    attachments: Array<{
      kind: string;
      filename: string;
      contentType: string;
      sizeBytes: number;
      sha256: string;
      uploadedAt: string;
      removedAt: string | null;
    }>;
  }>;
  /** For reviewers: the dossiers assigned to them and the scores they gave. */
  reviews: Array<{
    assignmentId: string;
    dossierId: string;
    reference: string | null;
    status: string;
    conflictReason: string | null;
    assignedAt: string;
    submittedAt: string | null;
    scores: Array<{ criterionCode: string; score: number; comment: string | null }>;
  }>;
  /** Mails sent (or to be sent) to the person's address; links that carry a token are left out. */
  notifications: Array<{
    id: string;
    template: string;
    locale: Locale;
    status: string;
    subjectRef: string | null;
    createdAt: string;
    sentAt: string | null;
    payload: Record<string, unknown>;
  }>;
  /** Audit events the person caused, or that are about their account. */
  auditEvents: Array<{
    occurredAt: string;
    action: string;
    entityType: string;
    entityId: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }>;
}

/**
 * What a sent mail's payload becomes once the retention job purged its body (WARNING: persisted in
 * notifications.payload). Such a mail cannot be resent: there is nothing left to render.
 */
export const PURGED_NOTIFICATION_PAYLOAD = { purged: true } as const;

export function isPurgedPayload(payload: Record<string, unknown> | null | undefined): boolean {
  return payload?.purged === true;
}
