import type { Locale } from './roles';

/**
 * Stable error codes returned in `code` of every problem response.
 * WARNING: clients match on these strings; never rename one, add a new one instead.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'AUTH_REQUIRED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'ROUTE_NOT_DECLARED',
  'CSRF_INVALID',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

type Messages = Record<Locale, string>;

/** Human messages per code; `{name}` placeholders are filled from the error's params. */
export const ERROR_MESSAGES: Record<ErrorCode, { status: number; title: Messages; detail: Messages }> = {
  VALIDATION_FAILED: {
    status: 400,
    title: { nl: 'Ongeldige invoer', en: 'Invalid input' },
    detail: { nl: 'Enkele velden zijn niet correct ingevuld.', en: 'Some fields are not filled in correctly.' },
  },
  MALFORMED_REQUEST: {
    status: 400,
    title: { nl: 'Onleesbaar verzoek', en: 'Malformed request' },
    detail: {
      nl: 'Het verzoek kon niet gelezen worden (ongeldige JSON of parameters).',
      en: 'The request could not be read (invalid JSON or parameters).',
    },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    title: { nl: 'Verzoek te groot', en: 'Request too large' },
    detail: { nl: 'Het verzoek is groter dan toegelaten.', en: 'The request is larger than allowed.' },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: { nl: 'Niet-ondersteund formaat', en: 'Unsupported media type' },
    detail: { nl: 'Dit inhoudstype wordt niet aanvaard.', en: 'This content type is not accepted.' },
  },
  NOT_FOUND: {
    status: 404,
    title: { nl: 'Niet gevonden', en: 'Not found' },
    detail: {
      nl: 'Wat u zoekt bestaat niet of is niet voor u.',
      en: 'What you are looking for does not exist or is not yours.',
    },
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    title: { nl: 'Methode niet toegelaten', en: 'Method not allowed' },
    detail: { nl: 'Deze bewerking is hier niet mogelijk.', en: 'This operation is not possible here.' },
  },
  AUTH_REQUIRED: {
    status: 401,
    title: { nl: 'Aanmelden vereist', en: 'Login required' },
    detail: { nl: 'Meld u aan om verder te gaan.', en: 'Please log in to continue.' },
  },
  INVALID_CREDENTIALS: {
    status: 401,
    title: { nl: 'Aanmelden mislukt', en: 'Login failed' },
    detail: { nl: 'E-mailadres of wachtwoord is onjuist.', en: 'E-mail address or password is incorrect.' },
  },
  FORBIDDEN: {
    status: 403,
    title: { nl: 'Geen toegang', en: 'Access denied' },
    detail: { nl: 'U hebt geen toegang tot deze functie.', en: 'You do not have access to this function.' },
  },
  ROUTE_NOT_DECLARED: {
    status: 403,
    title: { nl: 'Geen toegang', en: 'Access denied' },
    detail: {
      nl: 'Deze functie heeft geen toegangsregel en is daarom voor niemand open.',
      en: 'This function declares no access rule and is therefore closed to everyone.',
    },
  },
  CSRF_INVALID: {
    status: 403,
    title: { nl: 'Beveiligingscontrole mislukt', en: 'Security check failed' },
    detail: {
      nl: 'De beveiligingstoken ontbreekt of is verlopen. Laad de pagina opnieuw en probeer nog eens.',
      en: 'The security token is missing or expired. Reload the page and try again.',
    },
  },
  CONFLICT: {
    status: 409,
    title: { nl: 'Conflict', en: 'Conflict' },
    detail: { nl: 'De gegevens zijn intussen gewijzigd.', en: 'The data has changed in the meantime.' },
  },
  TOO_MANY_REQUESTS: {
    status: 429,
    title: { nl: 'Te veel verzoeken', en: 'Too many requests' },
    detail: { nl: 'Probeer het binnen enkele ogenblikken opnieuw.', en: 'Please try again in a moment.' },
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    title: { nl: 'Tijdelijk niet beschikbaar', en: 'Temporarily unavailable' },
    detail: {
      nl: 'De dienst is tijdelijk niet beschikbaar. Probeer het later opnieuw; er is niets bewaard.',
      en: 'The service is temporarily unavailable. Please try again later; nothing was saved.',
    },
  },
  INTERNAL_ERROR: {
    status: 500,
    title: { nl: 'Interne fout', en: 'Internal error' },
    detail: {
      nl: 'Er ging iets mis aan onze kant. Er is niets half bewaard; probeer het opnieuw.',
      en: 'Something went wrong on our side. Nothing was half saved; please try again.',
    },
  },
};

export function errorMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  return ERROR_MESSAGES[code].detail[locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
