import { AppException } from '@portal/server';
import { DEMO_PASSWORD } from '../../seed/demo-accounts';
import { commonPasswordList, PasswordPolicy } from './password-policy';

function refusal(password: string, field?: string): AppException | null {
  try {
    new PasswordPolicy().assertAcceptable(password, field);
    return null;
  } catch (error) {
    if (error instanceof AppException) return error;
    throw error;
  }
}

describe('PasswordPolicy with the shipped list of common passwords', () => {
  it('loads the list from the file next to it (tens of thousands of entries, lower case)', () => {
    const list = commonPasswordList();
    expect(list.size).toBeGreaterThan(10_000);
    expect(list.size).toBeLessThan(100_000);
    expect(list.has('123456')).toBe(true);
    expect(list.has('wachtwoord')).toBe(true);
    for (const entry of list) expect(entry).toBe(entry.toLowerCase());
  });

  it('accepts the demo password and the passwords the other test suites use', () => {
    expect(commonPasswordList().has(DEMO_PASSWORD.toLowerCase())).toBe(false);
    for (const password of [
      DEMO_PASSWORD,
      'een nieuwe zin als wachtwoord',
      'een zin als wachtwoord',
      'een-lang-wachtwoord-2026',
      'een-nieuw-lang-wachtwoord',
      'nog-een-ander-wachtwoord',
      'een-lang-wachtwoord',
    ]) {
      expect(refusal(password)).toBeNull();
    }
  });

  it('refuses a breached password with PASSWORD_BREACHED naming the field', () => {
    for (const password of ['qwerty123456', 'Wachtwoord2026!', 'iloveyou123456', '1q2w3e4r5t6y']) {
      const error = refusal(password, 'newPassword');
      expect(error?.code).toBe('PASSWORD_BREACHED');
      expect(error?.options.errors).toEqual([expect.objectContaining({ field: 'newPassword', code: 'breached' })]);
    }
  });

  it('refuses a short password with WEAK_PASSWORD naming the field', () => {
    const error = refusal('kort');
    expect(error?.code).toBe('WEAK_PASSWORD');
    expect(error?.options.errors?.[0]).toMatchObject({ field: 'password', code: 'minLength' });
  });
});
