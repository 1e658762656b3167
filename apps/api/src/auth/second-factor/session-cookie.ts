import type { Response } from 'express';
import { SESSION_COOKIE } from '@portal/contracts';
import type { AppConfig } from '@portal/server';

/** The session cookie exactly as the password login sets it (httpOnly, SameSite=Strict, Secure on https). */
export function setSessionCookie(response: Response, config: AppConfig, token: string, expiresAt: Date): void {
  response.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
    expires: expiresAt,
  });
}
