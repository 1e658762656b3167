import { createHash } from 'node:crypto';

/** Secret tokens (sessions, invitations, password resets) are stored only as their SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
