/** Query parameter that carries the path to come back to after logging in or creating an account. */
export const RETURN_PARAM = 'terug';

const AUTH_PAGES = ['/login', '/registreren'];

/**
 * A same-app path to go to after logging in or creating an account, or null. Only absolute paths of this app are
 * honoured (no `//host` or `/\host` open redirects, no loop back to the login or registration page).
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 500) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (/[\s\\]/.test(value)) return null;
  const pathname = value.split(/[?#]/, 1)[0] ?? '';
  if (AUTH_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`))) return null;
  return value;
}

/** `path?terug=<returnPath>` when a return path is given. */
export function withReturnPath(path: string, returnPath: string | null): string {
  return returnPath ? `${path}?${new URLSearchParams({ [RETURN_PARAM]: returnPath }).toString()}` : path;
}
