import type { ErrorDefinition } from './definition';

/** Accounts, sessions and access. WARNING: clients match on these codes; never rename one. */
export const AUTH_ERRORS = {
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
  EMAIL_TAKEN: {
    status: 409,
    title: { nl: 'Account bestaat al', en: 'Account already exists' },
    detail: {
      nl: 'Er bestaat al een account met dit e-mailadres. Meld u aan of vraag een nieuw wachtwoord.',
      en: 'An account with this e-mail address already exists. Log in or reset your password.',
    },
  },
  WEAK_PASSWORD: {
    status: 400,
    title: { nl: 'Wachtwoord te zwak', en: 'Password too weak' },
    detail: { nl: 'Kies een wachtwoord van minstens 12 tekens.', en: 'Choose a password of at least 12 characters.' },
  },
  RESET_TOKEN_INVALID: {
    status: 410,
    title: { nl: 'Link ongeldig', en: 'Link not valid' },
    detail: {
      nl: 'Deze link om een nieuw wachtwoord te kiezen is verlopen of al gebruikt. Vraag een nieuwe aan.',
      en: 'This link to choose a new password has expired or was already used. Ask for a new one.',
    },
  },
  LOGIN_THROTTLED: {
    status: 429,
    title: { nl: 'Te veel mislukte pogingen', en: 'Too many failed attempts' },
    detail: {
      nl: 'Er waren te veel mislukte aanmeldpogingen. Wacht {minutes} min. en probeer het dan opnieuw, of vraag een nieuw wachtwoord aan.',
      en: 'There were too many failed login attempts. Wait {minutes} min and try again, or ask for a new password.',
    },
  },
  PASSWORD_BREACHED: {
    status: 400,
    title: { nl: 'Wachtwoord te bekend', en: 'Password too common' },
    detail: {
      nl: 'Dit wachtwoord staat in een lijst van veelgebruikte of gelekte wachtwoorden. Kies een ander wachtwoord.',
      en: 'This password is on a list of common or leaked passwords. Choose another password.',
    },
  },
  CURRENT_PASSWORD_INVALID: {
    status: 400,
    title: { nl: 'Huidig wachtwoord onjuist', en: 'Current password incorrect' },
    detail: {
      nl: 'Het huidige wachtwoord klopt niet. Uw wachtwoord is niet gewijzigd.',
      en: 'The current password is incorrect. Your password was not changed.',
    },
  },
  ACCOUNT_RATE_LIMITED: {
    status: 429,
    title: { nl: 'Te veel aanvragen', en: 'Too many requests' },
    detail: {
      nl: 'Vanaf dit adres werden in korte tijd te veel accounts of wachtwoordherstellingen aangevraagd. Probeer het opnieuw over {seconds} seconden.',
      en: 'Too many accounts or password resets were requested from this address in a short time. Try again in {seconds} seconds.',
    },
  },
  ACCOUNT_DEACTIVATED: {
    status: 403,
    title: { nl: 'Account gedeactiveerd', en: 'Account deactivated' },
    detail: {
      nl: 'Dit account werd door een beheerder gedeactiveerd. Neem contact op met de beheerder van het portaal.',
      en: 'This account was deactivated by an administrator. Contact the portal administrator.',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;
