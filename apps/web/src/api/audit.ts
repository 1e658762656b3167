import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEventPage } from '@portal/contracts';
import { api, API_BASE } from './client';

export const AUDIT_QUERY_KEY = ['audit-events'] as const;
export const AUDIT_PAGE_SIZE = 50;

/** The filter of the audit log; the same one drives the export. Dates are Brussels days (`YYYY-MM-DD`). */
export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  /** E-mail address or user id. */
  actor?: string;
  /** An action, or the start of one ending with a dot (`dossier.`). */
  action?: string;
  from?: string;
  to?: string;
}

export interface AuditListQuery extends AuditFilter {
  /** `nextCursor` of the page before; absent on the first page. */
  cursor?: string;
}

function filterQuery(filter: AuditFilter): Record<string, string | undefined> {
  return {
    entityType: filter.entityType,
    entityId: filter.entityId,
    actor: filter.actor,
    action: filter.action,
    from: filter.from,
    to: filter.to,
  };
}

/** `GET /admin/audit-events` (admins): newest first, one page per cursor. */
export function fetchAuditEvents(query: AuditListQuery, signal?: AbortSignal): Promise<AuditEventPage> {
  return api.get<AuditEventPage>('/admin/audit-events', {
    query: { ...filterQuery(query), cursor: query.cursor, limit: AUDIT_PAGE_SIZE },
    signal,
  });
}

export function useAuditEvents(query: AuditListQuery) {
  return useQuery({
    queryKey: [...AUDIT_QUERY_KEY, query],
    queryFn: ({ signal }) => fetchAuditEvents(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Address of the export (`GET /admin/audit-events/export`): a plain download link, the session cookie goes along. */
export function auditExportUrl(filter: AuditFilter, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filterQuery(filter))) if (value) params.set(key, value);
  params.set('format', format);
  return `${API_BASE}/admin/audit-events/export?${params.toString()}`;
}
