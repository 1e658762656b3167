/**
 * Rules of the second factor that need no library or database: who must have one, and what a typed code is.
 * The TOTP arithmetic itself (RFC 6238) is the otpauth library's, in the API.
 */

/** Recovery codes: two groups of five from an alphabet without look-alikes (no 0/o, 1/l/i), e.g. `k7m2p-x9q4r`. */
export const RECOVERY_CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_GROUP = 5;

/** Whether any of the person's roles is one that requires a second factor. */
export function requiresSecondFactor(roles: readonly string[], requiredRoles: readonly string[]): boolean {
  return roles.some((role) => requiredRoles.includes(role));
}

/** Reads a comma-separated role list (`admin, minister`) into distinct trimmed names; empty means none. */
export function parseRoleList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(',')
        .map((role) => role.trim())
        .filter((role) => role.length > 0),
    ),
  ];
}

/** Builds a recovery code from random bytes (at least 10); each byte picks one character. */
export function formatRecoveryCode(bytes: Uint8Array): string {
  if (bytes.length < RECOVERY_GROUP * 2) throw new Error('formatRecoveryCode needs 10 random bytes');
  const chars = Array.from(bytes.slice(0, RECOVERY_GROUP * 2), (byte) => {
    return RECOVERY_CODE_ALPHABET[byte % RECOVERY_CODE_ALPHABET.length];
  }).join('');
  return `${chars.slice(0, RECOVERY_GROUP)}-${chars.slice(RECOVERY_GROUP)}`;
}

export type SecondFactorInput = { kind: 'totp'; code: string } | { kind: 'recovery'; code: string } | null;

/**
 * What a person typed in the code field: six digits (spaces allowed, as apps show `123 456`) are a TOTP code;
 * ten characters of the recovery alphabet (any case, with or without the dash) are a recovery code in its
 * canonical form; anything else is neither.
 */
export function classifySecondFactorInput(input: string): SecondFactorInput {
  const compact = input.replace(/[\s-]/g, '').toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: 'totp', code: compact };
  if (compact.length === RECOVERY_GROUP * 2 && [...compact].every((c) => RECOVERY_CODE_ALPHABET.includes(c))) {
    return { kind: 'recovery', code: `${compact.slice(0, RECOVERY_GROUP)}-${compact.slice(RECOVERY_GROUP)}` };
  }
  return null;
}
