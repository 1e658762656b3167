import { Injectable } from '@nestjs/common';
import { MAX_PASSWORD_CHARACTERS, MIN_PASSWORD_CHARACTERS, passwordProblem } from '@portal/domain';
import { AppException } from '@portal/server';
// Imported (not read from disk) so that tsc copies the list into dist/server next to this file, and Jest loads it
// from the sources: `npm start`, the Docker image and the tests all find it without a path to configure.
import commonPasswords from './common-passwords.json';

let listed: ReadonlySet<string> | undefined;

/** The shipped list of common and breached passwords (see common-passwords.NOTICE.md), loaded once. */
export function commonPasswordList(): ReadonlySet<string> {
  listed ??= new Set(commonPasswords);
  return listed;
}

/** Applies the password rules to every new password: registration, reset and change. */
@Injectable()
export class PasswordPolicy {
  /** Throws WEAK_PASSWORD or PASSWORD_BREACHED naming `field` when the password may not be used. */
  assertAcceptable(password: string, field = 'password'): void {
    const list = commonPasswordList();
    const problem = passwordProblem(password, (candidate) => list.has(candidate));
    if (problem === 'tooShort') {
      throw new AppException('WEAK_PASSWORD', {
        errors: [
          {
            field,
            code: 'minLength',
            message: {
              nl: `Minstens ${MIN_PASSWORD_CHARACTERS} tekens.`,
              en: `At least ${MIN_PASSWORD_CHARACTERS} characters.`,
            },
          },
        ],
      });
    }
    if (problem === 'tooLong') {
      throw new AppException('WEAK_PASSWORD', {
        errors: [
          {
            field,
            code: 'maxLength',
            message: {
              nl: `Hoogstens ${MAX_PASSWORD_CHARACTERS} tekens.`,
              en: `At most ${MAX_PASSWORD_CHARACTERS} characters.`,
            },
          },
        ],
      });
    }
    if (problem === 'common') {
      throw new AppException('PASSWORD_BREACHED', {
        errors: [
          {
            field,
            code: 'breached',
            message: {
              nl: 'Dit wachtwoord is te bekend (het staat in een lijst van gelekte wachtwoorden).',
              en: 'This password is too common (it is on a list of leaked passwords).',
            },
          },
        ],
      });
    }
  }
}
