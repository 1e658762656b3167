import type { RuleIssue } from './call-rules';

/**
 * The one rule for text that people type: names, titles, references, motivations, answers (ADR 0010).
 *
 * - valid Unicode: no lone UTF-16 surrogate (JSON may carry one as `\ud800`; PostgreSQL and mail cannot store it);
 * - no NUL (PostgreSQL refuses it in text and jsonb: it used to end in a 500);
 * - no other control character (C0, DEL, C1), except line feed, CR LF and tab in a multi-line field;
 *   a single-line field also refuses the Unicode line and paragraph separators (U+2028, U+2029);
 * - no explicit bidirectional formatting (U+202A-U+202E embeddings and overrides, U+2066-U+2069 isolates): they
 *   let "vzw ‮gurB eD" display as another name in a mail, a PDF or the audit log, and Hebrew or Arabic text does
 *   not need them (the implicit marks LRM, RLM and ALM stay allowed);
 * - length bounds, counted in UTF-16 code units as the rest of the validation does.
 *
 * Refused, never silently cleaned: what is stored (and hashed into a receipt) is exactly what the person sent.
 */
export interface HumanTextOptions {
  /** A field that may hold line breaks and tabs (summaries, motivations, long answers). */
  multiline?: boolean;
  /** Inclusive bounds on the length; `min` counts the text as sent (not trimmed). */
  min?: number;
  max?: number;
}

export type HumanTextProblem =
  'notText' | 'nulCharacter' | 'invalidUnicode' | 'controlCharacter' | 'bidiControl' | 'tooShort' | 'tooLong';

// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL_SINGLE_LINE = /[\u0001-\u001f\u007f-\u009f\u2028\u2029]/;
// Line feed and tab are allowed; a CR only as the first half of CR LF.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL_MULTILINE = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Why the value is not acceptable human text, or null when it is. Checks run cheapest and most serious first. */
export function humanTextProblem(value: unknown, options: HumanTextOptions = {}): HumanTextProblem | null {
  if (typeof value !== 'string') return 'notText';
  if (options.max !== undefined && value.length > options.max) return 'tooLong';
  if (NUL.test(value)) return 'nulCharacter';
  if (LONE_SURROGATE.test(value)) return 'invalidUnicode';
  if ((options.multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).test(value)) return 'controlCharacter';
  if (BIDI_CONTROL.test(value)) return 'bidiControl';
  if (options.min !== undefined && value.length < options.min) return 'tooShort';
  return null;
}

/** The explicit bidirectional formatting characters, for places that clean instead of refuse (file names). */
export const BIDI_CONTROL_CHARACTERS = /[\u202A-\u202E\u2066-\u2069]/g;

type Message = { nl: string; en: string };

/**
 * The person's message for a problem, naming the field (`{field}` is the field's path or label).
 * Shared by the API's DTO validation and the domain rules that read free text inside JSON (answers, catalogues).
 */
export function humanTextMessage(problem: HumanTextProblem, field: string, options: HumanTextOptions = {}): Message {
  switch (problem) {
    case 'notText':
      return { nl: `${field} moet tekst zijn.`, en: `${field} must be text.` };
    case 'nulCharacter':
      return {
        nl: `${field} bevat een NUL-teken; dat kan niet bewaard worden.`,
        en: `${field} contains a NUL character, which cannot be stored.`,
      };
    case 'invalidUnicode':
      return {
        nl: `${field} bevat ongeldige Unicode (een los surrogaat-teken).`,
        en: `${field} contains invalid Unicode (a lone surrogate).`,
      };
    case 'controlCharacter':
      return options.multiline
        ? {
            nl: `${field} bevat een stuurteken; alleen regeleinden en tabs zijn toegelaten.`,
            en: `${field} contains a control character; only line breaks and tabs are allowed.`,
          }
        : {
            nl: `${field} bevat een regeleinde of ander stuurteken; dit veld is één regel tekst.`,
            en: `${field} contains a line break or other control character; this field is a single line.`,
          };
    case 'bidiControl':
      return {
        nl: `${field} bevat een teken dat de leesrichting omkeert (U+202A-U+202E of U+2066-U+2069); laat het weg.`,
        en: `${field} contains a character that overrides the text direction (U+202A-U+202E or U+2066-U+2069); leave it out.`,
      };
    case 'tooShort':
      return {
        nl: `${field} moet minstens ${options.min ?? 0} tekens bevatten.`,
        en: `${field} must contain at least ${options.min ?? 0} characters.`,
      };
    case 'tooLong':
      return {
        nl: `${field} mag hoogstens ${options.max ?? 0} tekens bevatten.`,
        en: `${field} may contain at most ${options.max ?? 0} characters.`,
      };
  }
}

/**
 * The stable code of a problem in the `errors[].code` of a 400, the same for DTO fields and domain rules.
 * WARNING: clients match on these strings; never rename one. Length and type reuse the codes class-validator gives.
 */
export const HUMAN_TEXT_CODES: Record<HumanTextProblem, string> = {
  notText: 'isString',
  nulCharacter: 'nulCharacter',
  invalidUnicode: 'invalidUnicode',
  controlCharacter: 'controlCharacter',
  bidiControl: 'bidiControl',
  tooShort: 'minLength',
  tooLong: 'maxLength',
};

/** The rule as a domain issue (for text inside JSON documents), or null when the text is fine. */
export function humanTextIssue(
  field: string,
  value: unknown,
  options: HumanTextOptions = {},
  label = field,
): RuleIssue | null {
  const problem = humanTextProblem(value, options);
  if (!problem) return null;
  return { field, code: HUMAN_TEXT_CODES[problem], message: humanTextMessage(problem, label, options) };
}
