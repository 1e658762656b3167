import fc from 'fast-check';
import { MIN_PASSWORD_CHARACTERS, passwordCandidates, passwordLength, passwordProblem } from './password-policy';

const LIST = new Set(['password', 'welkom', 'qwerty123456', 'dragon']);
const listed = (candidate: string) => LIST.has(candidate);

describe('password policy (ASVS V2.1)', () => {
  it('refuses fewer than 12 characters, counting characters and not UTF-16 units', () => {
    expect(passwordProblem('elf tekens!', listed)).toBe('tooShort');
    expect(passwordProblem('twaalf tekns', listed)).toBeNull();
    // 11 emoji are 22 UTF-16 units but 11 characters.
    expect(passwordLength('🔑'.repeat(11))).toBe(11);
    expect(passwordProblem('🔑'.repeat(11), listed)).toBe('tooShort');
    expect(passwordProblem('🔑'.repeat(12), listed)).toBeNull();
  });

  it('refuses a listed password in any letter case', () => {
    expect(passwordProblem('QWERTY123456', listed)).toBe('common');
    expect(passwordProblem('Qwerty123456', listed)).toBe('common');
  });

  it('refuses a listed word padded with digits, punctuation or spaces to reach the length', () => {
    for (const padded of ['Welkom123456', 'welkom2026!!!', 'Password!!!!!!', 'dragon 1234567', 'Dragon-2026-!!']) {
      expect(passwordProblem(padded, listed)).toBe('common');
    }
  });

  it('accepts passphrases and passwords that only contain a listed word', () => {
    for (const fine of [
      'Demo-Subsidie-2026',
      'welkom in het portaal',
      'een nieuwe zin als wachtwoord',
      'dragonfly-2026',
    ]) {
      expect(passwordProblem(fine, listed)).toBeNull();
    }
  });

  it('allows any printable Unicode and does not demand character classes', () => {
    expect(passwordProblem('ééééééééééééé', listed)).toBeNull();
    expect(passwordProblem('alleenkleineletters', listed)).toBeNull();
  });

  it('refuses more than 1024 characters (never silently truncates)', () => {
    expect(passwordProblem('x'.repeat(1025), listed)).toBe('tooLong');
    expect(passwordProblem('x'.repeat(1024), () => false)).toBeNull();
  });

  it('never calls a password of 12 or more characters short, nor looks up more than three forms', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: MIN_PASSWORD_CHARACTERS, maxLength: 80 }), (password) => {
        expect(passwordProblem(password, () => false)).not.toBe('tooShort');
        expect(passwordCandidates(password).length).toBeLessThanOrEqual(3);
      }),
    );
  });
});
