import type { ErrorDefinition } from './definition';

/** Organisations and local governments, and their invitations. WARNING: clients match on these codes; never rename one. */
export const APPLICANTS_ERRORS = {
  INVALID_ENTERPRISE_NUMBER: {
    status: 400,
    title: { nl: 'Ongeldig ondernemingsnummer', en: 'Invalid enterprise number' },
    detail: {
      nl: 'Het ondernemingsnummer is ongeldig (verwacht 0123.456.789 met een geldig controlegetal).',
      en: 'The enterprise number is invalid (expected 0123.456.789 with a valid check number).',
    },
  },
  ENTERPRISE_NUMBER_TAKEN: {
    status: 409,
    title: { nl: 'Organisatie bestaat al', en: 'Organisation already registered' },
    detail: {
      nl: 'Ondernemingsnummer {enterpriseNumber} is al geregistreerd. Vraag de beheerder van die organisatie in het portaal om je uit te nodigen, of neem contact op met de administratie als je denkt dat dit niet klopt.',
      en: 'Enterprise number {enterpriseNumber} is already registered. Ask the administrator of that organisation in the portal to invite you, or contact the administration if you think this is wrong.',
    },
  },
  INVALID_NIS_CODE: {
    status: 400,
    title: { nl: 'Ongeldige NIS-code', en: 'Invalid NIS code' },
    detail: { nl: 'De NIS-code moet uit 5 cijfers bestaan.', en: 'The NIS code must consist of 5 digits.' },
  },
  NIS_CODE_TAKEN: {
    status: 409,
    title: { nl: 'Bestuur bestaat al', en: 'Local government already registered' },
    detail: {
      nl: 'NIS-code {nisCode} is al geregistreerd. Vraag de beheerder van dat bestuur in het portaal om je uit te nodigen, of neem contact op met de administratie als je denkt dat dit niet klopt.',
      en: 'NIS code {nisCode} is already registered. Ask the administrator of that local government in the portal to invite you, or contact the administration if you think this is wrong.',
    },
  },
  INVALID_IBAN: {
    status: 400,
    title: { nl: 'Ongeldig rekeningnummer', en: 'Invalid IBAN' },
    detail: { nl: 'Het IBAN-rekeningnummer is ongeldig.', en: 'The IBAN is invalid.' },
  },
  INVITATION_INVALID: {
    status: 410,
    title: { nl: 'Uitnodiging ongeldig', en: 'Invitation not valid' },
    detail: {
      nl: 'Deze uitnodiging is verlopen, al gebruikt of bestaat niet. Vraag een nieuwe uitnodiging.',
      en: 'This invitation has expired, was already used or does not exist. Ask for a new invitation.',
    },
  },
  INVITATION_FOR_OTHER_EMAIL: {
    status: 403,
    title: { nl: 'Uitnodiging voor iemand anders', en: 'Invitation for someone else' },
    detail: {
      nl: 'Deze uitnodiging is gericht aan een ander e-mailadres. Meld u aan met dat adres.',
      en: 'This invitation is addressed to another e-mail address. Log in with that address.',
    },
  },
  INVITATION_RATE_LIMITED: {
    status: 429,
    title: { nl: 'Te veel uitnodigingen', en: 'Too many invitations' },
    detail: {
      nl: 'Er werden in korte tijd te veel uitnodigingen verstuurd. Probeer het opnieuw over {seconds} seconden.',
      en: 'Too many invitations were sent in a short time. Try again in {seconds} seconds.',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;
