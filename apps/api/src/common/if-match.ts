import { AppException } from '@portal/server';

/** Reads the optimistic-lock version from `If-Match: 3`, `"3"` or `W/"3"`; it is required on every save. */
export function versionFromIfMatch(header: string | undefined): number {
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header ?? '');
  if (!match) throw new AppException('PRECONDITION_REQUIRED');
  return Number(match[1]);
}
