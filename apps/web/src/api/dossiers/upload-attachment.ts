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
  const url = `${API_BASE}${dossierPath(dossierId, '/attachments')}`;
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
