import type { AttachmentView } from '@portal/contracts';
import {
  ApiError,
  API_BASE,
  getCsrfToken,
  isCsrfRejection,
  isProblem,
  networkError,
  setCsrfToken,
  unexpectedResponseError,
} from '../client';
import { localeTag } from '../../i18n';
import { dossierPath } from './dossier-keys';

// Upload with progress (XMLHttpRequest: fetch has no upload progress events)

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

function sendUpload<T>(url: string, form: FormData, csrf: string, options: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
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
        resolve(body as T);
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

/**
 * A multipart upload (`fields` and `file`) to an API path, reporting progress; a rejected CSRF token is fetched anew
 * once. Used for a dossier's attachments and a report's supporting documents.
 */
export async function uploadFile<T>(
  path: string,
  fields: Record<string, string>,
  file: File,
  options: UploadOptions = {},
): Promise<T> {
  const url = `${API_BASE}${path}`;
  const build = () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file.name);
    return form;
  };
  try {
    return await sendUpload<T>(url, build(), await getCsrfToken(), options);
  } catch (error) {
    if (!isCsrfRejection(error)) throw error;
    setCsrfToken(null);
    return sendUpload<T>(url, build(), await getCsrfToken(), options);
  }
}

/** `POST /dossiers/:id/attachments` (multipart: `kind`, `file`), reporting upload progress. */
export function uploadAttachment(
  dossierId: string,
  kind: string,
  file: File,
  options: UploadOptions = {},
): Promise<AttachmentView> {
  return uploadFile<AttachmentView>(dossierPath(dossierId, '/attachments'), { kind }, file, options);
}
