import type { ErrorCode, FieldError, Problem as ApiProblem } from '@portal/contracts';
import { localeTag } from '../i18n';

/** One field-level validation error as sent by the API in a problem+json body. */
export type ProblemFieldError = FieldError;

/** Codes the client itself produces when no problem document could be obtained. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  unexpectedResponse: 'UNEXPECTED_RESPONSE',
} as const;

export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[keyof typeof CLIENT_ERROR_CODES];

/**
 * RFC 9457 problem details as the client holds them: the API's (`@portal/contracts`), or one the client made itself
 * when no problem document came (then `code` is a client code and there may be no `detail`).
 */
export type Problem = Omit<ApiProblem, 'code' | 'detail'> & { code: ErrorCode | ClientErrorCode; detail?: string };

/** Error thrown for every failed API call. `detail` is already localised by the server (Accept-Language). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly detail: string | undefined;
  readonly errors: readonly ProblemFieldError[];
  readonly requestId: string | undefined;
  /** Extra members of the problem document (e.g. `current` on a VERSION_CONFLICT). */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(problem: Problem, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title, options);
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.requestId = problem.requestId;
    const {
      type: _t,
      title: _ti,
      status: _s,
      code: _c,
      detail: _d,
      errors: _e,
      requestId: _r,
      ...extensions
    } = problem as Problem & Record<string, unknown>;
    this.extensions = extensions;
  }

  get isNetworkError(): boolean {
    return this.code === CLIENT_ERROR_CODES.network;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export const API_BASE = '/api/v1';

// ---------------------------------------------------------------------------------------------------------------
// CSRF token handling
// ---------------------------------------------------------------------------------------------------------------

let csrfToken: string | null = null;
let csrfRequest: Promise<string> | null = null;

/** Stores a token received from the API (login, logout and /auth/me responses carry one). */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

async function fetchCsrfToken(): Promise<string> {
  const body = await request<{ csrfToken: string }>('GET', '/auth/csrf');
  csrfToken = body.csrfToken;
  return body.csrfToken;
}

/** Returns the current token, fetching `GET /api/v1/auth/csrf` once (shared by concurrent callers) if needed. */
export function getCsrfToken(): Promise<string> {
  if (csrfToken !== null) return Promise.resolve(csrfToken);
  csrfRequest ??= fetchCsrfToken().finally(() => {
    csrfRequest = null;
  });
  return csrfRequest;
}

function isCsrfProblem(error: ApiError): boolean {
  return error.status === 403 && error.code.startsWith('CSRF');
}

// ---------------------------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------------------------

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** JSON-serialisable request body. */
  body?: unknown;
  /** Extra query-string parameters; undefined values are skipped. */
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const url = `${API_BASE}${path.startsWith('/') ? path : `/${path}`}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'number' && typeof v.code === 'string' && typeof v.title === 'string';
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!/json/i.test(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': localeTag(),
    ...options.headers,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = await getCsrfToken();

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw networkError(cause);
  }

  const body = await readBody(response);
  if (response.ok) return body as T;

  if (isProblem(body)) throw new ApiError(body);
  throw unexpectedResponseError(response.status, response.statusText, response.headers.get('X-Request-Id'));
}

/** Error for a failed response that carried no problem document (e.g. a proxy's HTML error page). */
export function unexpectedResponseError(status: number, statusText: string, requestId?: string | null): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: statusText || 'Unexpected response',
    status,
    code: CLIENT_ERROR_CODES.unexpectedResponse,
    requestId: requestId ?? undefined,
  });
}

/** Error for a request that got no answer at all. */
export function networkError(cause?: unknown): ApiError {
  return new ApiError(
    { type: 'about:blank', title: 'Network error', status: 0, code: CLIENT_ERROR_CODES.network },
    { cause },
  );
}

/** Whether a failed non-GET request should be retried once with a fresh CSRF token. */
export function isCsrfRejection(error: unknown): boolean {
  return isApiError(error) && isCsrfProblem(error);
}

/**
 * Performs a JSON request against `/api/v1`. Non-GET requests carry the `X-CSRF-Token` header; when the API rejects
 * the token (403 with a `CSRF*` code, e.g. after the session rotated) the token is refreshed and the call retried once.
 */
export async function apiRequest<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T> {
  try {
    return await request<T>(method, path, options);
  } catch (error) {
    if (method !== 'GET' && isApiError(error) && isCsrfProblem(error)) {
      setCsrfToken(null);
      return request<T>(method, path, options);
    }
    throw error;
  }
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
};
