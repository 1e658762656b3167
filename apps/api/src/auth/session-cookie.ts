import type { Response } from 'express';
import { SESSION_COOKIE } from '@portal/contracts';
import type { AppConfig } from '@portal/server';
import type { PortalRequest } from '../common/request-context';
import type { CsrfService } from './csrf.service';

/**
 * Hands a freshly opened session to the browser: the httpOnly SameSite=Strict cookie and a CSRF token bound to it.
 * Every way in (password, password and second factor, identity service) ends here; returns the CSRF token.
 */
export function setSessionCookie(
  session: { token: string; expiresAt: Date },
  request: PortalRequest,
  response: Response,
  config: AppConfig,
  csrf: CsrfService,
): string {
  response.cookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
    expires: session.expiresAt,
  });
  request.sessionTokenOverride = session.token;
  return csrf.issue(request, response, true);
}
