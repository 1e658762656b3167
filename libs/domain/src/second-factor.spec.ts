import {
  classifySecondFactorInput,
  formatRecoveryCode,
  parseRoleList,
  RECOVERY_CODE_ALPHABET,
  requiresSecondFactor,
} from './second-factor';

describe('second factor rules', () => {
  it('requires a second factor when any role of the person is listed', () => {
    expect(requiresSecondFactor(['reviewer', 'admin'], ['admin', 'minister'])).toBe(true);
    expect(requiresSecondFactor(['reviewer'], ['admin', 'minister'])).toBe(false);
    expect(requiresSecondFactor(['admin'], [])).toBe(false);
  });

  it('reads a role list with spaces, blanks and repeats', () => {
    expect(parseRoleList(' admin, minister ,,admin')).toEqual(['admin', 'minister']);
    expect(parseRoleList('')).toEqual([]);
  });

  it('formats recovery codes as two groups of five from the alphabet', () => {
    const code = formatRecoveryCode(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 30, 99]));
    expect(code).toBe('abcde-fghj9');
    const random = formatRecoveryCode(Uint8Array.from({ length: 10 }, (_, i) => (i * 97 + 13) % 256));
    expect(random).toMatch(new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{5}-[${RECOVERY_CODE_ALPHABET}]{5}$`));
    expect(() => formatRecoveryCode(new Uint8Array(9))).toThrow();
  });

  it('tells TOTP codes from recovery codes and rejects anything else', () => {
    expect(classifySecondFactorInput('123 456')).toEqual({ kind: 'totp', code: '123456' });
    expect(classifySecondFactorInput(' K7M2P-X9Q4R ')).toEqual({ kind: 'recovery', code: 'k7m2p-x9q4r' });
    expect(classifySecondFactorInput('k7m2px9q4r')).toEqual({ kind: 'recovery', code: 'k7m2p-x9q4r' });
    expect(classifySecondFactorInput('12345')).toBeNull();
    expect(classifySecondFactorInput('1234567')).toBeNull();
    expect(classifySecondFactorInput('k7m2p-x9q40')).toBeNull(); // 0 is not in the alphabet
    expect(classifySecondFactorInput('')).toBeNull();
  });
});
