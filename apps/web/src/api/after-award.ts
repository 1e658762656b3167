import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApproveReportInput,
  ChangeRequestInput,
  ChangeRequestView,
  ReportDraftInput,
  ReportKind,
  ReportSettingsInput,
  ReportSettingsView,
  ReportSummary,
  ReportView,
} from '@portal/contracts';
import { api } from './client';

/** Reports and change requests after the award (ADR 0024): fetchers, query keys and hooks. */
const enc = encodeURIComponent;

export const afterAwardKeys = {
  reports: (dossierId: string) => ['after-award', 'reports', dossierId] as const,
  report: (dossierId: string, kind: string) => ['after-award', 'report', dossierId, kind] as const,
  reportById: (id: string) => ['after-award', 'report-id', id] as const,
  changes: (dossierId: string) => ['after-award', 'changes', dossierId] as const,
  settings: (callId: string) => ['after-award', 'settings', callId] as const,
  callReports: (callId: string) => ['after-award', 'call-reports', callId] as const,
  callChanges: (callId: string) => ['after-award', 'call-changes', callId] as const,
};

const reportPath = (dossierId: string, kind: string) => `/dossiers/${enc(dossierId)}/reports/${enc(kind)}`;

export function useDossierReports(dossierId: string) {
  return useQuery({
    queryKey: afterAwardKeys.reports(dossierId),
    queryFn: ({ signal }) => api.get<ReportSummary[]>(`/dossiers/${enc(dossierId)}/reports`, { signal }),
  });
}

export function useReport(dossierId: string, kind: string) {
  return useQuery({
    queryKey: afterAwardKeys.report(dossierId, kind),
    queryFn: ({ signal }) => api.get<ReportView>(reportPath(dossierId, kind), { signal }),
  });
}

/** Saves the draft on the version last seen (optimistic lock; 0 before the first save). */
export function saveReportDraft(
  dossierId: string,
  kind: ReportKind,
  version: number,
  input: ReportDraftInput,
): Promise<ReportView> {
  return api.put<ReportView>(reportPath(dossierId, kind), input, { headers: { 'If-Match': String(version) } });
}

export function useSubmitReport(dossierId: string, kind: ReportKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ReportView>(`${reportPath(dossierId, kind)}/submit`, { declaration: true }),
    onSuccess: (report) => {
      client.setQueryData(afterAwardKeys.report(dossierId, kind), report);
      void client.invalidateQueries({ queryKey: afterAwardKeys.reports(dossierId) });
    },
  });
}

export function useReportById(id: string) {
  return useQuery({
    queryKey: afterAwardKeys.reportById(id),
    queryFn: ({ signal }) => api.get<ReportView>(`/reports/${enc(id)}`, { signal }),
  });
}

export function useDecideReport(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      input: { decision: 'approve'; body: ApproveReportInput } | { decision: 'changes'; motivation: string },
    ) =>
      input.decision === 'approve'
        ? api.post<ReportView>(`/reports/${enc(id)}/approve`, input.body)
        : api.post<ReportView>(`/reports/${enc(id)}/request-changes`, { motivation: input.motivation }),
    onSuccess: (report) => {
      client.setQueryData(afterAwardKeys.reportById(id), report);
      void client.invalidateQueries({ queryKey: afterAwardKeys.callReports(report.callId) });
    },
  });
}

export function useChangeRequests(dossierId: string) {
  return useQuery({
    queryKey: afterAwardKeys.changes(dossierId),
    queryFn: ({ signal }) => api.get<ChangeRequestView[]>(`/dossiers/${enc(dossierId)}/change-requests`, { signal }),
  });
}

export function useRequestChange(dossierId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangeRequestInput) =>
      api.post<ChangeRequestView>(`/dossiers/${enc(dossierId)}/change-requests`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: afterAwardKeys.changes(dossierId) }),
  });
}

export function useReportSettings(callId: string) {
  return useQuery({
    queryKey: afterAwardKeys.settings(callId),
    queryFn: ({ signal }) => api.get<ReportSettingsView>(`/calls/${enc(callId)}/report-settings`, { signal }),
  });
}

export function useSaveReportSettings(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportSettingsInput) =>
      api.put<ReportSettingsView>(`/calls/${enc(callId)}/report-settings`, input),
    onSuccess: (settings) => {
      client.setQueryData(afterAwardKeys.settings(callId), settings);
      void client.invalidateQueries({ queryKey: afterAwardKeys.callReports(callId) });
    },
  });
}

export function useCallReports(callId: string) {
  return useQuery({
    queryKey: afterAwardKeys.callReports(callId),
    queryFn: ({ signal }) => api.get<ReportSummary[]>(`/calls/${enc(callId)}/reports`, { signal }),
  });
}

export function useCallChangeRequests(callId: string) {
  return useQuery({
    queryKey: afterAwardKeys.callChanges(callId),
    queryFn: ({ signal }) => api.get<ChangeRequestView[]>(`/calls/${enc(callId)}/change-requests`, { signal }),
  });
}

export function useDecideChangeRequest(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; decision: 'approve' | 'refuse'; motivation: string }) =>
      api.post<ChangeRequestView>(`/change-requests/${enc(input.id)}/${input.decision}`, {
        motivation: input.motivation,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: afterAwardKeys.callChanges(callId) }),
  });
}
