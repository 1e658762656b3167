import type { ErrorDefinition } from './definition';

/**
 * Single sign-on through the identity service (OpenID Connect). The web app shows these on the login page after a
 * failed sign-in (`/login?sso-fout=CODE`). WARNING: clients match on these codes; never rename one.
 */
export const SSO_ERRORS = {
  SSO_REQUIRED: {
    status: 403,
    title: { nl: 'Aanmelden via de identiteitsdienst', en: 'Sign in through the identity service' },
    detail: {
      nl: 'Dit account meldt zich niet aan met een wachtwoord. Gebruik de knop "Aanmelden via de identiteitsdienst".',
      en: 'This account does not sign in with a password. Use the button "Sign in through the identity service".',
    },
  },
  SSO_DISABLED: {
    status: 404,
    title: { nl: 'Identiteitsdienst niet beschikbaar', en: 'Identity service not available' },
    detail: {
      nl: 'Aanmelden via de identiteitsdienst is op dit portaal niet ingeschakeld. Meld u aan met uw e-mailadres en wachtwoord.',
      en: 'Signing in through the identity service is not enabled on this portal. Log in with your e-mail address and password.',
    },
  },
  SSO_STATE_INVALID: {
    status: 400,
    title: { nl: 'Aanmelding verlopen', en: 'Sign-in expired' },
    detail: {
      nl: 'De aanmelding via de identiteitsdienst is verlopen of hoort niet bij deze browser. Probeer opnieuw.',
      en: 'The sign-in through the identity service expired or does not belong to this browser. Please try again.',
    },
  },
  SSO_CANCELLED: {
    status: 400,
    title: { nl: 'Aanmelding afgebroken', en: 'Sign-in cancelled' },
    detail: {
      nl: 'De aanmelding bij de identiteitsdienst werd afgebroken of geweigerd. U bent niet aangemeld.',
      en: 'The sign-in at the identity service was cancelled or refused. You are not logged in.',
    },
  },
  SSO_PROVIDER_ERROR: {
    status: 502,
    title: { nl: 'Identiteitsdienst gaf een fout', en: 'Identity service error' },
    detail: {
      nl: 'De identiteitsdienst kon uw aanmelding niet bevestigen. Probeer het later opnieuw.',
      en: 'The identity service could not confirm your sign-in. Please try again later.',
    },
  },
  SSO_CLAIMS_INVALID: {
    status: 400,
    title: { nl: 'Gegevens onvolledig', en: 'Incomplete details' },
    detail: {
      nl: 'De identiteitsdienst gaf geen geldig e-mailadres of geen naam door. Vraag de identiteitsdienst om uw gegevens aan te vullen.',
      en: 'The identity service did not pass a valid e-mail address or name. Ask the identity service to complete your details.',
    },
  },
  SSO_EMAIL_IN_USE: {
    status: 409,
    title: { nl: 'E-mailadres al in gebruik', en: 'E-mail address already in use' },
    detail: {
      nl: 'Er bestaat al een account met het e-mailadres dat de identiteitsdienst doorgaf. Meld u aan met uw wachtwoord of vraag de beheerder om uw account te koppelen.',
      en: 'An account with the e-mail address passed by the identity service already exists. Log in with your password or ask the administrator to link your account.',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;
