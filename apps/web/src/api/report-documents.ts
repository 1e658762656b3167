import { useQuery } from '@tanstack/react-query';
import type { ReportDocumentView } from '@portal/contracts';
import { API_BASE, api } from './client';
import { uploadFile } from './dossiers/upload-attachment';

/** A report's supporting documents (ADR 0024): list, upload, remove, download link. */
const enc = encodeURIComponent;
const documentsPath = (reportId: string) => `/reports/${enc(reportId)}/documents`;

export const reportDocumentKeys = {
  of: (reportId: string) => ['after-award', 'report-documents', reportId] as const,
};

export function useReportDocuments(reportId: string | null) {
  return useQuery({
    queryKey: reportDocumentKeys.of(reportId ?? ''),
    queryFn: ({ signal }) => api.get<ReportDocumentView[]>(documentsPath(reportId!), { signal }),
    enabled: reportId !== null,
  });
}

export function uploadReportDocument(reportId: string, file: File): Promise<ReportDocumentView> {
  return uploadFile<ReportDocumentView>(documentsPath(reportId), {}, file);
}

export function removeReportDocument(reportId: string, documentId: string): Promise<void> {
  return api.delete<void>(`${documentsPath(reportId)}/${enc(documentId)}`);
}

export const reportDocumentUrl = (reportId: string, documentId: string) =>
  `${API_BASE}${documentsPath(reportId)}/${enc(documentId)}`;
