import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** The cookie that carries one sign-in attempt from `/auth/oidc/login` to `/auth/oidc/callback`. */
export const OIDC_STATE_COOKIE = 'portal_oidc';
export const OIDC_STATE_COOKIE_PATH = '/api/v1/auth/oidc';
/** How long a person may take at the identity service before the attempt expires. */
export const OIDC_STATE_TTL_MS = 10 * 60_000;

/** What the callback needs to finish the attempt: the PKCE verifier, state, nonce and where to return to. */
export interface OidcAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string | null;
  expiresAt: number;
}

/**
 * Seals and opens the attempt with AES-256-GCM under a key derived from SESSION_SECRET: the browser holds it
 * (nothing is stored on the server, so any API instance can finish the sign-in) but can neither read nor change it.
 */
export class OidcStateSealer {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHash('sha256').update(`portal.oidc-state|${secret}`).digest();
  }

  seal(attempt: OidcAttempt): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(attempt), 'utf8'), cipher.final()]);
    return [iv, body, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
  }

  /** The attempt, or null when the cookie is missing, tampered with or expired. */
  open(sealed: unknown, now = Date.now()): OidcAttempt | null {
    if (typeof sealed !== 'string' || sealed.length > 2000) return null;
    const parts = sealed.split('.');
    if (parts.length !== 3) return null;
    try {
      const [iv, body, tag] = parts.map((part) => Buffer.from(part, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAuthTag(tag);
      const json = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      const attempt = JSON.parse(json) as OidcAttempt;
      return attempt.expiresAt > now ? attempt : null;
    } catch {
      return null;
    }
  }
}
