import type { ErrorCode } from '@portal/contracts';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../api/client';

/**
 * Copies the field errors of a problem+json response (`errors: [{ field, code, message }]`) onto the form.
 * Only fields listed in `fields` are set (the API's `field` must equal the form field path, e.g. "address.city").
 * Returns true when at least one field error was applied.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): boolean {
  if (!isApiError(error)) return false;
  let applied = false;
  for (const fieldError of error.errors) {
    const field = fields.find((candidate) => candidate === fieldError.field);
    if (field === undefined) continue;
    setError(field, { type: `server.${fieldError.code}`, message: fieldError.message }, { shouldFocus: !applied });
    applied = true;
  }
  return applied;
}

/**
 * Field errors first (`applyServerFieldErrors`); when none applied and the problem's code belongs to one field
 * (`codeFields`, e.g. EMAIL_TAKEN -> email), that field shows the problem's message. Returns true when any applied.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  codeFields: Partial<Record<ErrorCode, Path<T>>>,
): boolean {
  if (applyServerFieldErrors(error, setError, fields)) return true;
  if (!isApiError(error)) return false;
  const field = codeFields[error.code as ErrorCode];
  if (!field) return false;
  setError(field, { type: `server.${error.code}`, message: error.detail ?? error.code }, { shouldFocus: true });
  return true;
}
