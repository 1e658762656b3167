import type { TFunction } from 'i18next';
import { isApiError } from './client';

/** Human-readable message for any error: the server's localised `detail` when present, else a generic text. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.isNetworkError) return t('errors.network');
    if (error.detail) return error.detail;
  }
  return t('errors.generic');
}
