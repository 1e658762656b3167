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
