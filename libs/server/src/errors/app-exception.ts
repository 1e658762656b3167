import type { ErrorCode, Locale } from '@portal/contracts';

/** A field-level error, with its message in every UI language (the filter picks one). */
export interface LocalizedFieldError {
  field: string;
  code: string;
  message: Record<Locale, string>;
}

export interface AppExceptionOptions {
  /** Overrides the code's default HTTP status. */
  status?: number;
  /** Values for `{placeholders}` in the code's message. */
  params?: Record<string, string | number>;
  errors?: LocalizedFieldError[];
  /** Extra machine-readable members of the problem document (e.g. the current version on a conflict). */
  extra?: Record<string, unknown>;
  /** Response headers that go with the problem (e.g. Retry-After on a 429). */
  headers?: Record<string, string>;
}

/** The one exception type services throw; the global filter maps it to application/problem+json. */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly options: AppExceptionOptions = {},
  ) {
    super(code);
    this.name = 'AppException';
  }
}
