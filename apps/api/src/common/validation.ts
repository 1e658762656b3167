import { ValidationError, ValidationPipe } from '@nestjs/common';
import { isEmail, registerDecorator, type ValidationOptions } from 'class-validator';
import { VALIDATION_FALLBACK, VALIDATION_MESSAGES, type Locale } from '@portal/contracts';
import {
  CALENDAR_YEARS,
  HUMAN_TEXT_CODES,
  humanTextMessage,
  humanTextProblem,
  isCalendarDate,
  type HumanTextOptions,
  type HumanTextProblem,
} from '@portal/domain';
import { AppException, LocalizedFieldError } from '@portal/server';

type Template = Record<Locale, string>;

function withYears(text: string): string {
  return text.replace('{minYear}', String(CALENDAR_YEARS.min)).replace('{maxYear}', String(CALENDAR_YEARS.max));
}

const CONSTRAINT_MESSAGES: Record<string, Template> = Object.fromEntries(
  Object.entries(VALIDATION_MESSAGES).map(([constraint, message]) => [
    constraint,
    {
      nl: withYears(message.nl),
      en: withYears(message.en),
    },
  ]),
);
const FALLBACK: Template = VALIDATION_FALLBACK;

function firstNumber(text: string): string {
  return /(\d+(?:\.\d+)?)/.exec(text)?.[1] ?? '';
}

const HUMAN_TEXT = 'humanText';

/**
 * Human text (names, titles, free text) by the one shared rule of `@portal/domain` (ADR 0010): valid Unicode, no NUL,
 * no control characters (line breaks and tabs only where `multiline`), no bidi overrides, and the length bounds.
 * Takes the place of IsString + MinLength + MaxLength; each problem gets its own code in `errors[].code`.
 */
export function HumanText(options: HumanTextOptions, validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: HUMAN_TEXT,
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [options],
      // The bounds travel to toFieldErrors as the error's context, for the message.
      options: { ...validationOptions, context: options },
      validator: {
        validate: (value: unknown) => humanTextProblem(value, options) === null,
        // The problem travels in the message; toFieldErrors turns it into the code and the person's message.
        defaultMessage: (args) => humanTextProblem(args?.value, options) ?? 'notText',
      },
    });
  };
}

/** A `YYYY-MM-DD` date that exists on the calendar (2028-02-30 and 0000-01-01 do not), see `isCalendarDate`. */
export function IsCalendarDate(validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: validationOptions,
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
  };
}

/** An accepted declaration (the declaration on honour before a submission): exactly `true`, not "true" or 1. */
export function IsDeclared(validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isDeclared',
      target: target.constructor,
      propertyName: String(propertyName),
      options: validationOptions,
      validator: { validate: (value: unknown) => value === true },
    });
  };
}

/**
 * An e-mail address of at most 254 characters. Replaces class-validator's IsEmail (same code, `isEmail`), whose
 * validator throws URIError on a lone surrogate, which answered 500: the human-text rule runs first.
 */
export function IsEmailAddress(validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isEmail',
      target: target.constructor,
      propertyName: String(propertyName),
      options: validationOptions,
      validator: {
        validate: (value: unknown) => {
          if (humanTextProblem(value, { max: 254 }) !== null) return false;
          try {
            return isEmail(value);
          } catch {
            return false;
          }
        },
      },
    });
  };
}

/** A plain object used as a map: at most `maxEntries` entries, every key and every value a string of its pattern. */
export function IsRecordOf(
  shape: { key: RegExp; value: RegExp; maxEntries: number },
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isRecordOf',
      target: target.constructor,
      propertyName: String(propertyName),
      options: validationOptions,
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= shape.maxEntries &&
            entries.every(([key, item]) => shape.key.test(key) && typeof item === 'string' && shape.value.test(item))
          );
        },
      },
    });
  };
}

function humanTextError(field: string, text: string, options: HumanTextOptions): LocalizedFieldError {
  const problem = (text in HUMAN_TEXT_CODES ? text : 'notText') as HumanTextProblem;
  return { field, code: HUMAN_TEXT_CODES[problem], message: humanTextMessage(problem, field, options) };
}

export function toFieldErrors(errors: ValidationError[], parent = ''): LocalizedFieldError[] {
  const result: LocalizedFieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [code, text] of Object.entries(error.constraints ?? {})) {
      if (code === HUMAN_TEXT) {
        const options = (error.contexts?.[HUMAN_TEXT] as HumanTextOptions | undefined) ?? {};
        result.push(humanTextError(field, text, options));
        continue;
      }
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
