import { Injectable } from '@nestjs/common';
import { doubleCsrf, type DoubleCsrfUtilities } from 'csrf-csrf';
import type { Response } from 'express';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@portal/contracts';
import { AppConfig } from '@portal/server';
import type { PortalRequest } from '../common/request-context';

/**
 * Signed double-submit CSRF tokens (csrf-csrf), bound to the session cookie: a token issued before
 * login stops working after it, and the login response hands out a fresh one.
 */
@Injectable()
export class CsrfService {
  private readonly csrf: DoubleCsrfUtilities;

  constructor(config: AppConfig) {
    this.csrf = doubleCsrf({
      getSecret: () => config.SESSION_SECRET,
      getSessionIdentifier: (req) => {
        const request = req as PortalRequest;
        const cookie: unknown = request.cookies?.[SESSION_COOKIE];
        return request.sessionTokenOverride ?? (typeof cookie === 'string' ? cookie : '');
      },
      cookieName: CSRF_COOKIE,
      cookieOptions: { sameSite: 'strict', secure: config.secureCookies, httpOnly: true, path: '/' },
      getCsrfTokenFromRequest: (req) => {
        const value = req.headers[CSRF_HEADER];
        return typeof value === 'string' ? value : null;
      },
    });
  }

  /**
   * Reuses the current token while it is valid for this session, so several tabs keep working;
   * `fresh` replaces it (after login and logout, when the session changes).
   */
  issue(request: PortalRequest, response: Response, fresh = false): string {
    return this.csrf.generateCsrfToken(request, response, { overwrite: fresh, validateOnReuse: false });
  }

  isValid(request: PortalRequest): boolean {
    try {
      return this.csrf.validateRequest(request);
    } catch {
      return false;
    }
  }
}
