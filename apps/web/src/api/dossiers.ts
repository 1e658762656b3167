import { useQuery } from '@tanstack/react-query';
import type {
  AttachmentView,
  DossierDraftInput,
  DossierSummary,
  DossierView,
  SubmissionReceipt,
} from '@portal/contracts';
import { api, getCsrfToken, isApiError, isCsrfRejection, isProblem, networkError, setCsrfToken } from './client';
import { ApiError, unexpectedResponseError, API_BASE } from './client';
import { localeTag } from '../i18n';

export const DOSSIERS_QUERY_KEY = ['dossiers'] as const;

export const dossierQueryKeys = {
  mine: () => [...DOSSIERS_QUERY_KEY, 'mine'] as const,
  detail: (id: string) => [...DOSSIERS_QUERY_KEY, 'detail', id] as const,
  receipt: (id: string) => [...DOSSIERS_QUERY_KEY, 'receipt', id] as const,
};

const path = (id: string, rest = '') => `/dossiers/${encodeURIComponent(id)}${rest}`;

/** `POST /calls/:callId/dossiers`: creates the dossier, or returns the applicant's live one for this call. */
export function startDossier(callId: string, applicantId: string): Promise<DossierView> {
  return api.post<DossierView>(`/calls/${encodeURIComponent(callId)}/dossiers`, { applicantId });
}

export function fetchMyDossiers(signal?: AbortSignal): Promise<DossierSummary[]> {
  return api.get<DossierSummary[]>('/dossiers/mine', { signal });
}

export function fetchDossier(id: string, signal?: AbortSignal): Promise<DossierView> {
  return api.get<DossierView>(path(id), { signal });
}

/** Saves the changed fields; `version` is the one the changes were made on (optimistic lock). */
export function patchDossier(id: string, version: number, changes: DossierDraftInput): Promise<DossierView> {
  return api.patch<DossierView>(path(id), changes, { headers: { 'If-Match': String(version) } });
}

/** Submits; the same key for a retry of the same attempt lets the server answer it only once. */
export function submitDossier(id: string, idempotencyKey: string): Promise<SubmissionReceipt> {
  return api.post<SubmissionReceipt>(path(id, '/submit'), undefined, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function withdrawDossier(id: string): Promise<DossierView> {
  return api.post<DossierView>(path(id, '/withdraw'));
}

export function fetchReceipt(id: string, signal?: AbortSignal): Promise<SubmissionReceipt> {
  return api.get<SubmissionReceipt>(path(id, '/receipt'), { signal });
}

export function deleteAttachment(dossierId: string, attachmentId: string): Promise<void> {
  return api.delete<void>(path(dossierId, `/attachments/${encodeURIComponent(attachmentId)}`));
}

/** The working copy's current state when a save lost the optimistic-lock race (`current` member of the problem). */
export function conflictingVersion(error: unknown): DossierView | null {
  if (!isApiError(error) || error.code !== 'VERSION_CONFLICT') return null;
  const current = error.extensions.current;
  return typeof current === 'object' && current !== null ? (current as DossierView) : null;
}

export function useMyDossiers() {
  return useQuery({ queryKey: dossierQueryKeys.mine(), queryFn: ({ signal }) => fetchMyDossiers(signal) });
}

export function useDossier(id: string | undefined) {
  return useQuery({
    queryKey: dossierQueryKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchDossier(id ?? '', signal),
    enabled: Boolean(id),
  });
}

export function useReceipt(id: string | undefined) {
  return useQuery({
    queryKey: dossierQueryKeys.receipt(id ?? ''),
    queryFn: ({ signal }) => fetchReceipt(id ?? '', signal),
    enabled: Boolean(id),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Upload with progress (XMLHttpRequest: fetch has no upload progress events)
// ---------------------------------------------------------------------------------------------------------------

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

function parseXhrBody(xhr: XMLHttpRequest): unknown {
  const text = xhr.responseText;
  if (!text) return undefined;
  if (!/json/i.test(xhr.getResponseHeader('Content-Type') ?? '')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function sendUpload(url: string, form: FormData, csrf: string, options: UploadOptions): Promise<AttachmentView> {
  return new Promise<AttachmentView>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', localeTag());
    xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) options.onProgress?.({ loaded: event.loaded, total: event.total });
    });
    xhr.addEventListener('load', () => {
      const body = parseXhrBody(xhr);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as AttachmentView);
      } else if (isProblem(body)) {
        reject(new ApiError(body));
      } else {
        reject(unexpectedResponseError(xhr.status, xhr.statusText, xhr.getResponseHeader('X-Request-Id')));
      }
    });
    xhr.addEventListener('error', () => reject(networkError()));
    xhr.addEventListener('abort', () => reject(new DOMException('Upload aborted', 'AbortError')));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** `POST /dossiers/:id/attachments` (multipart: `kind`, `file`), reporting upload progress. */
export async function uploadAttachment(
  dossierId: string,
  kind: string,
  file: File,
  options: UploadOptions = {},
): Promise<AttachmentView> {
  const url = `${API_BASE}${path(dossierId, '/attachments')}`;
  const build = () => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    return form;
  };
  try {
    return await sendUpload(url, build(), await getCsrfToken(), options);
  } catch (error) {
    if (!isCsrfRejection(error)) throw error;
    setCsrfToken(null);
    return sendUpload(url, build(), await getCsrfToken(), options);
  }
}
