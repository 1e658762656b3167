/** One row of the audit log as the administration sees it. */
export interface AuditEventView {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  /** E-mail of the actor when the account still exists; null for system events and anonymous attempts. */
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** What a person recognises the object by (a dossier's reference, a call's code, an applicant's name); null if none. */
  entityLabel: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

/** A page of the audit log, newest first; `nextCursor` is null on the last page. */
export interface AuditEventPage {
  items: AuditEventView[];
  nextCursor: string | null;
}

/** Entity types written to audit_events (WARNING: persisted; the admin filter offers these). */
export const AUDIT_ENTITY_TYPES = [
  'call',
  'dossier',
  'applicant',
  'user',
  'session',
  'notification',
  'system',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** Rows at most in one audit export (CSV or XLSX); narrow the filter for more. */
export const AUDIT_EXPORT_LIMIT = 50_000;
