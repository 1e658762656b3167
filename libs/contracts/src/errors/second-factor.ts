import type { ErrorDefinition } from './definition';

/** The second factor (TOTP and recovery codes). WARNING: clients match on these codes; never rename one. */
export const SECOND_FACTOR_ERRORS = {
  SECOND_FACTOR_CHALLENGE_INVALID: {
    status: 401,
    title: { nl: 'Aanmelding verlopen', en: 'Login expired' },
    detail: {
      nl: 'Deze aanmelding is verlopen of al afgerond. Meld u opnieuw aan met uw e-mailadres en wachtwoord.',
      en: 'This login has expired or was already completed. Log in again with your e-mail address and password.',
    },
  },
  SECOND_FACTOR_CODE_INVALID: {
    status: 401,
    title: { nl: 'Code onjuist', en: 'Code incorrect' },
    detail: {
      nl: 'De code uit uw authenticator-app of de herstelcode klopt niet.',
      en: 'The code from your authenticator app or the recovery code is incorrect.',
    },
  },
  SECOND_FACTOR_CODE_REUSED: {
    status: 401,
    title: { nl: 'Code al gebruikt', en: 'Code already used' },
    detail: {
      nl: 'Deze code werd al gebruikt. Wacht tot uw authenticator-app een nieuwe code toont.',
      en: 'This code was already used. Wait until your authenticator app shows a new code.',
    },
  },
  SECOND_FACTOR_THROTTLED: {
    status: 429,
    title: { nl: 'Te veel foute codes', en: 'Too many wrong codes' },
    detail: {
      nl: 'Er werden te veel foute codes ingevoerd. Wacht {minutes} min. en probeer het dan opnieuw.',
      en: 'Too many wrong codes were entered. Wait {minutes} min and try again.',
    },
  },
  SECOND_FACTOR_ENROLMENT_REQUIRED: {
    status: 403,
    title: { nl: 'Tweede factor instellen', en: 'Set up a second factor' },
    detail: {
      nl: 'Voor uw rol is een tweede factor verplicht. Stel eerst een authenticator-app in op uw profielpagina.',
      en: 'Your role requires a second factor. First set up an authenticator app on your profile page.',
    },
  },
  SECOND_FACTOR_ALREADY_ENABLED: {
    status: 409,
    title: { nl: 'Tweede factor al actief', en: 'Second factor already active' },
    detail: {
      nl: 'U gebruikt al een authenticator-app. Schakel die eerst uit om een nieuwe in te stellen.',
      en: 'You already use an authenticator app. Turn it off first to set up a new one.',
    },
  },
  SECOND_FACTOR_NOT_ENABLED: {
    status: 409,
    title: { nl: 'Geen tweede factor', en: 'No second factor' },
    detail: {
      nl: 'Er is geen (of nog geen bevestigde) authenticator-app ingesteld voor uw account.',
      en: 'No (or no confirmed) authenticator app is set up for your account.',
    },
  },
  SECOND_FACTOR_REQUIRED_FOR_ROLE: {
    status: 409,
    title: { nl: 'Tweede factor verplicht', en: 'Second factor required' },
    detail: {
      nl: 'Voor uw rol is een tweede factor verplicht: u kunt die niet uitschakelen.',
      en: 'Your role requires a second factor: you cannot turn it off.',
    },
  },
  SECOND_FACTOR_PROOF_INVALID: {
    status: 400,
    title: { nl: 'Bevestiging onjuist', en: 'Confirmation incorrect' },
    detail: {
      nl: 'De code of het wachtwoord klopt niet. Er werd niets gewijzigd.',
      en: 'The code or the password is incorrect. Nothing was changed.',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;
