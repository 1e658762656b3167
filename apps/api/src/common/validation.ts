import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { Locale } from '@portal/contracts';
import { AppException, LocalizedFieldError } from '@portal/server';

type Template = Record<Locale, string>;

/** Readable messages per class-validator constraint; `{field}` and `{n}` are filled in. */
const CONSTRAINT_MESSAGES: Record<string, Template> = {
  isNotEmpty: { nl: '{field} is verplicht.', en: '{field} is required.' },
  isDefined: { nl: '{field} is verplicht.', en: '{field} is required.' },
  isString: { nl: '{field} moet tekst zijn.', en: '{field} must be text.' },
  isEmail: { nl: '{field} moet een geldig e-mailadres zijn.', en: '{field} must be a valid e-mail address.' },
  maxLength: { nl: '{field} mag hoogstens {n} tekens bevatten.', en: '{field} may contain at most {n} characters.' },
  minLength: { nl: '{field} moet minstens {n} tekens bevatten.', en: '{field} must contain at least {n} characters.' },
  isInt: { nl: '{field} moet een geheel getal zijn.', en: '{field} must be a whole number.' },
  isNumber: { nl: '{field} moet een getal zijn.', en: '{field} must be a number.' },
  min: { nl: '{field} moet minstens {n} zijn.', en: '{field} must be at least {n}.' },
  max: { nl: '{field} mag hoogstens {n} zijn.', en: '{field} may be at most {n}.' },
  isIn: { nl: '{field} heeft geen toegelaten waarde.', en: '{field} does not have an allowed value.' },
  isEnum: { nl: '{field} heeft geen toegelaten waarde.', en: '{field} does not have an allowed value.' },
  isBoolean: { nl: '{field} moet waar of onwaar zijn.', en: '{field} must be true or false.' },
  isUuid: { nl: '{field} moet een geldige identificatie zijn.', en: '{field} must be a valid identifier.' },
  isArray: { nl: '{field} moet een lijst zijn.', en: '{field} must be a list.' },
  isDateString: { nl: '{field} moet een geldige datum zijn.', en: '{field} must be a valid date.' },
  isISO8601: { nl: '{field} moet een geldige datum zijn.', en: '{field} must be a valid date.' },
  whitelistValidation: { nl: '{field} is geen gekend veld.', en: '{field} is not a known field.' },
  nestedValidation: { nl: '{field} heeft een ongeldige vorm.', en: '{field} has an invalid shape.' },
};

const FALLBACK: Template = { nl: '{field} is ongeldig.', en: '{field} is invalid.' };

function firstNumber(text: string): string {
  return /(\d+(?:\.\d+)?)/.exec(text)?.[1] ?? '';
}

export function toFieldErrors(errors: ValidationError[], parent = ''): LocalizedFieldError[] {
  const result: LocalizedFieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [code, text] of Object.entries(error.constraints ?? {})) {
      const template = CONSTRAINT_MESSAGES[code] ?? FALLBACK;
      const fill = (message: string) => message.replace('{field}', field).replace('{n}', firstNumber(text));
      result.push({ field, code, message: { nl: fill(template.nl), en: fill(template.en) } });
    }
    if (error.children?.length) result.push(...toFieldErrors(error.children, field));
  }
  return result;
}

/** The one global pipe: unknown fields are refused, known ones are transformed to their DTO types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => new AppException('VALIDATION_FAILED', { errors: toFieldErrors(errors) }),
  });
}
