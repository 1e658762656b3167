import {
  ROLES,
  type CsrfResponse,
  type Locale,
  type LoginResponse,
  type SecondFactorChallengeResponse,
  type RegisterUserInput,
  type Role,
  type SessionResponse,
  type UserView,
} from '@portal/contracts';
import { api, isApiError, setCsrfToken } from './client';

export interface LoginRequest {
  email: string;
  password: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Drops roles this client does not know about, so routing never breaks on a new server-side role. */
function normaliseUser(user: UserView): UserView {
  return { ...user, roles: user.roles.filter(isRole) };
}

/** `GET /auth/me`: the logged-in user, or null when anonymous (401). */
export async function fetchCurrentUser(signal?: AbortSignal): Promise<UserView | null> {
  try {
    const body = await api.get<SessionResponse>('/auth/me', { signal });
    setCsrfToken(body.csrfToken);
    return normaliseUser(body.user);
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** `POST /auth/login`: the user, or a challenge to complete with a code when the account has a second factor. */
export async function login(credentials: LoginRequest): Promise<UserView | SecondFactorChallengeResponse> {
  const body = await api.post<LoginResponse>('/auth/login', credentials);
  if ('secondFactorRequired' in body) return body;
  setCsrfToken(body.csrfToken);
  return normaliseUser(body.user);
}

/** `POST /auth/login/totp`: completes a challenged login with a code from the app or a recovery code. */
export async function completeTotpLogin(input: { challenge: string; code: string }): Promise<UserView> {
  const body = await api.post<SessionResponse>('/auth/login/totp', input);
  setCsrfToken(body.csrfToken);
  return normaliseUser(body.user);
}

/** `POST /auth/register`: creates an applicant account and logs it in (the session cookie is set). */
export async function registerUser(input: RegisterUserInput): Promise<UserView> {
  const body = await api.post<SessionResponse>('/auth/register', input);
  setCsrfToken(body.csrfToken);
  return normaliseUser(body.user);
}

export async function logout(): Promise<void> {
  try {
    const body = await api.post<CsrfResponse>('/auth/logout');
    setCsrfToken(body.csrfToken);
  } catch (error) {
    // Session already gone: the token belonged to it, so fetch a fresh one on the next mutation.
    setCsrfToken(null);
    if (!(isApiError(error) && error.status === 401)) throw error;
  }
}

/** `POST /auth/password-reset`: always accepted (the answer never reveals whether the account exists). */
export async function requestPasswordReset(email: string): Promise<void> {
  await api.post<{ status: 'accepted' }>('/auth/password-reset', { email });
}

export interface PasswordResetConfirmation {
  token: string;
  password: string;
}

/** `POST /auth/password-reset/confirm`: sets the new password (204) and ends every session of the account. */
export async function confirmPasswordReset(input: PasswordResetConfirmation): Promise<void> {
  await api.post<undefined>('/auth/password-reset/confirm', input);
}

export interface ProfileUpdate {
  displayName?: string;
  /** Language of the person's e-mails. */
  locale?: Locale;
}

/** `PATCH /auth/me`: change the display name or the language of the e-mails. */
export async function updateProfile(input: ProfileUpdate): Promise<UserView> {
  const body = await api.patch<SessionResponse>('/auth/me', input);
  setCsrfToken(body.csrfToken);
  return normaliseUser(body.user);
}

/** `POST /auth/logout-everywhere`: ends every session of the account, this one included. */
export async function logoutEverywhere(): Promise<{ sessionsEnded: number }> {
  const body = await api.post<{ csrfToken: string; sessionsEnded: number }>('/auth/logout-everywhere');
  setCsrfToken(body.csrfToken);
  return { sessionsEnded: body.sessionsEnded };
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/** `POST /auth/password`: changes the password (204); the server ends every other session of the account. */
export async function changePassword(input: PasswordChange): Promise<void> {
  await api.post<undefined>('/auth/password', input);
}
