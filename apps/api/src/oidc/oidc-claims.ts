import { ROLES, type Role } from '@portal/contracts';
import { checkEnterpriseNumber } from '@portal/domain';

/** What the portal takes from the identity service's claims about a person. */
export interface OidcPerson {
  issuer: string;
  subject: string;
  email: string;
  /** Whether the identity service says it checked the address (`email_verified`). */
  emailVerified: boolean;
  displayName: string;
  /** Valid enterprise numbers (KBO, 10 digits), without duplicates. */
  represents: string[];
  /** Claim values that are not valid enterprise numbers: ignored, but audited. */
  ignoredRepresents: string[];
  /** Portal roles the role claim maps to (OIDC_ROLE_MAP). */
  roles: Role[];
}

export interface ClaimSettings {
  representsClaim: string;
  rolesClaim: string;
  roleMap: Map<string, Role>;
}

const EMAIL = /^[^\s@<>()[\],;:"\\]{1,64}@[^\s@<>()[\],;:"\\]+\.[^\s@<>()[\],;:"\\]{2,}$/;
const CONTROL = /[\p{Cc}\p{Cf}]/gu;

/** A claim that may be one string or a list of strings (providers differ); anything else counts as absent. */
function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/**
 * The person from the ID token's (and userinfo's) claims, or null when a claim the portal needs is missing or
 * malformed: a subject, and an e-mail address (the account's address). The name falls back to the address.
 */
export function personFromClaims(
  issuer: string,
  claims: Record<string, unknown>,
  settings: ClaimSettings,
): OidcPerson | null {
  const subject = claims.sub;
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (typeof subject !== 'string' || subject.length === 0 || subject.length > 255) return null;
  if (email.length > 254 || !EMAIL.test(email)) return null;
  const given = [claims.given_name, claims.family_name].filter((part) => typeof part === 'string').join(' ');
  const rawName = typeof claims.name === 'string' && claims.name.trim() ? claims.name : given;
  const displayName = rawName.replace(CONTROL, '').trim().slice(0, 200) || email;

  const represents = new Set<string>();
  const ignoredRepresents: string[] = [];
  for (const value of stringList(claims[settings.representsClaim])) {
    const check = checkEnterpriseNumber(value);
    if (check.valid) represents.add(check.normalized);
    else ignoredRepresents.push(value.slice(0, 40));
  }
  const roles = new Set<Role>();
  for (const value of stringList(claims[settings.rolesClaim])) {
    const role = settings.roleMap.get(value);
    if (role) roles.add(role);
  }
  return {
    issuer,
    subject,
    email,
    emailVerified: claims.email_verified === true || claims.email_verified === 'true',
    displayName,
    represents: [...represents],
    ignoredRepresents,
    roles: [...roles],
  };
}

/**
 * The roles after a sign-in: the roles the role map can give are set to what the claim gives (added and removed);
 * other roles the account holds are kept. An account left without any role keeps acting as an applicant.
 */
export function rolesAfterSignIn(current: Role[], fromClaims: Role[], mappable: Role[]): Role[] {
  const kept = current.filter((role) => !mappable.includes(role));
  const next = sortRoles([...kept, ...fromClaims]);
  return next.length > 0 ? next : ['applicant'];
}

/** Roles without duplicates, in the order the portal lists them (stable audit records). */
export function sortRoles(roles: Role[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

/**
 * A path of this web app to return to after signing in, or null: only same-site relative paths (no `//host`,
 * no backslashes, no whitespace, not the login or registration page itself). Same rule as the web's safeReturnPath.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 500) return null;
  if (!value.startsWith('/') || value.startsWith('//') || /[\s\\]/.test(value)) return null;
  // No control characters either (a header value must not carry them).
  if ([...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return null;
  if (value.startsWith('/api/')) return null;
  const pathname = value.split(/[?#]/, 1)[0] ?? '';
  if (['/login', '/registreren'].some((page) => pathname === page || pathname.startsWith(`${page}/`))) return null;
  return value;
}
