import type { TFunction } from 'i18next';
import { CLIENT_ERROR_CODES, isApiError } from './client';

/** Human-readable message for any error: the server's localised `detail` when present, else a generic text. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    // No answer at all, or a gateway/proxy page instead of a problem document: the API is not reachable.
    const unreachable = error.code === CLIENT_ERROR_CODES.unexpectedResponse && error.status >= 500;
    if (error.isNetworkError || unreachable) return t('errors.network');
    if (error.detail) return error.detail;
  }
  return t('errors.generic');
}
