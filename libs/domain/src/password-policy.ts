/**
 * Password rules (ASVS 4.0.3 V2.1): at least 12 characters, at most 1024 (no truncation: the whole password is
 * hashed), every Unicode character allowed, no composition rules, and no password that is on a list of common or
 * breached passwords. Pure: the caller passes the list (the API loads it from a file shipped with the code).
 */
export const MIN_PASSWORD_CHARACTERS = 12;
export const MAX_PASSWORD_CHARACTERS = 1024;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common';

/** Characters as a person counts them (code points, so an emoji is one character, not two UTF-16 units). */
export function passwordLength(password: string): number {
  return [...password].length;
}

/**
 * The forms of a password that are looked up in the list: the password in lower case, and the same without what
 * people typically tack on to a common word to pass a length rule (trailing digits, punctuation and spaces), so
 * "Welkom123456!" is caught as "welkom". Lists of breached passwords are in lower case.
 */
export function passwordCandidates(password: string): string[] {
  const lower = password.normalize('NFKC').toLowerCase();
  const candidates = new Set([lower, lower.trim()]);
  const core = lower.replace(/[\d\s\p{P}\p{S}]+$/u, '');
  if (core.length >= 4) candidates.add(core);
  return [...candidates];
}

/** The first problem with a new password, or null when it may be used. */
export function passwordProblem(password: string, isListed: (candidate: string) => boolean): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < MIN_PASSWORD_CHARACTERS) return 'tooShort';
  if (length > MAX_PASSWORD_CHARACTERS) return 'tooLong';
  if (passwordCandidates(password).some(isListed)) return 'common';
  return null;
}
