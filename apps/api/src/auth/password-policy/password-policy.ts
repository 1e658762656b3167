import { FIELD_MESSAGES } from '@portal/contracts';
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
            message: FIELD_MESSAGES.passwordTooShort(MIN_PASSWORD_CHARACTERS),
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
            message: FIELD_MESSAGES.passwordTooLong(MAX_PASSWORD_CHARACTERS),
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
            message: FIELD_MESSAGES.passwordBreached(),
          },
        ],
      });
    }
  }
}
