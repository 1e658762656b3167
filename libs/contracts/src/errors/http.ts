import type { ErrorDefinition } from './definition';

/** Protocol and infrastructure: what any route can answer. WARNING: clients match on these codes; never rename one. */
export const HTTP_ERRORS = {
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
  CONFLICT: {
    status: 409,
    title: { nl: 'Conflict', en: 'Conflict' },
    detail: { nl: 'De gegevens zijn intussen gewijzigd.', en: 'The data has changed in the meantime.' },
  },
  VERSION_CONFLICT: {
    status: 409,
    title: { nl: 'Intussen gewijzigd', en: 'Changed in the meantime' },
    detail: {
      nl: 'Iemand anders heeft dit dossier intussen bewaard (versie {current}). Bekijk de huidige versie voor u verder werkt.',
      en: 'Someone else saved this dossier in the meantime (version {current}). Review the current version before continuing.',
    },
  },
  PRECONDITION_REQUIRED: {
    status: 428,
    title: { nl: 'Versie ontbreekt', en: 'Version missing' },
    detail: {
      nl: 'Stuur de versie die u wijzigt mee in de If-Match-header.',
      en: 'Send the version you are changing in the If-Match header.',
    },
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
  DATABASE_UNAVAILABLE: {
    status: 503,
    title: { nl: 'Databank tijdelijk niet bereikbaar', en: 'Database temporarily unavailable' },
    detail: {
      nl: 'De databank is even niet bereikbaar. Probeer het zo dadelijk opnieuw; er is niets bewaard.',
      en: 'The database cannot be reached for a moment. Please try again shortly; nothing was saved.',
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
  JSON_TOO_DEEP: {
    status: 400,
    title: { nl: 'Verzoek te diep genest', en: 'Request nested too deeply' },
    detail: {
      nl: 'De JSON van het verzoek is dieper genest dan toegelaten (hoogstens {limit} niveaus).',
      en: 'The JSON of the request is nested deeper than allowed (at most {limit} levels).',
    },
  },
  JSON_TOO_MANY_ITEMS: {
    status: 400,
    title: { nl: 'Te veel elementen', en: 'Too many items' },
    detail: {
      nl: 'Een lijst of object in de JSON van het verzoek heeft meer dan {limit} elementen.',
      en: 'A list or object in the JSON of the request holds more than {limit} items.',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;
