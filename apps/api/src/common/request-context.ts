import type { Request } from 'express';
import type { UserView } from '@portal/contracts';

export interface AuthContext {
  user: UserView;
  sessionId: string;
  /** The request's id (x-request-id), recorded with every audit event of the request; null outside HTTP. */
  requestId: string | null;
}

/** What the API attaches to an Express request. */
export interface PortalRequest extends Request {
  auth?: AuthContext;
  /** Set by the login handler so the CSRF token it issues is bound to the new session. */
  sessionTokenOverride?: string;
}

export function requestIdOf(request: PortalRequest): string | null {
  const id: unknown = request.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}
