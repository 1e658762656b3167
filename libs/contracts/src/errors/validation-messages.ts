import type { Locale } from '../roles';

type Text = Record<Locale, string>;

/**
 * Readable messages per class-validator constraint; `{field}` and `{n}` (and the calendar's `{minYear}`/`{maxYear}`)
 * are filled in by the validation pipe.
 */
export const VALIDATION_MESSAGES: Record<string, Text> = {
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
  isCalendarDate: {
    nl: `{field} moet een bestaande datum zijn (JJJJ-MM-DD, jaar {minYear}-{maxYear}).`,
    en: `{field} must be a date that exists (YYYY-MM-DD, year {minYear}-{maxYear}).`,
  },
  whitelistValidation: { nl: '{field} is geen gekend veld.', en: '{field} is not a known field.' },
  nestedValidation: { nl: '{field} heeft een ongeldige vorm.', en: '{field} has an invalid shape.' },
  isDeclared: {
    nl: 'Bevestig de verklaring op eer om in te dienen.',
    en: 'Confirm the declaration on honour to submit.',
  },
  isRecordOf: { nl: '{field} heeft een ongeldige vorm.', en: '{field} has an invalid shape.' },
};

export const VALIDATION_FALLBACK: Text = { nl: '{field} is ongeldig.', en: '{field} is invalid.' };
