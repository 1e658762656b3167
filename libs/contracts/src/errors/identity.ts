import type { ErrorDefinition } from './definition';

/**
 * Verified identities: confirmed e-mail addresses and the administration's verification of an applicant's claim to
 * its number. WARNING: clients match on these codes; never rename one.
 */
export const IDENTITY_ERRORS = {
  EMAIL_NOT_VERIFIED: {
    status: 403,
    title: { nl: 'Bevestig je e-mailadres', en: 'Confirm your e-mail address' },
    detail: {
      nl: 'Bevestig eerst je e-mailadres via de link in de mail die we je stuurden. Daarna kun je optreden voor een organisatie of lokaal bestuur.',
      en: 'First confirm your e-mail address through the link in the mail we sent you. Then you can act for an organisation or local government.',
    },
  },
  EMAIL_VERIFICATION_INVALID: {
    status: 410,
    title: { nl: 'Bevestigingslink ongeldig', en: 'Confirmation link not valid' },
    detail: {
      nl: 'Deze bevestigingslink is verlopen, al gebruikt, vervangen door een nieuwere of bestaat niet. Vraag een nieuwe link aan.',
      en: 'This confirmation link has expired, was already used, was replaced by a newer one or does not exist. Ask for a new link.',
    },
  },
  EMAIL_ALREADY_VERIFIED: {
    status: 409,
    title: { nl: 'E-mailadres al bevestigd', en: 'E-mail address already confirmed' },
    detail: { nl: 'Je e-mailadres is al bevestigd.', en: 'Your e-mail address is already confirmed.' },
  },
  EMAIL_VERIFICATION_RATE_LIMITED: {
    status: 429,
    title: { nl: 'Te veel bevestigingsmails', en: 'Too many confirmation mails' },
    detail: {
      nl: 'Je vroeg in korte tijd te veel bevestigingsmails aan. Probeer het opnieuw over {seconds} seconden.',
      en: 'You asked for too many confirmation mails in a short time. Try again in {seconds} seconds.',
    },
  },
  APPLICANT_VERIFICATION_DECIDED: {
    status: 409,
    title: { nl: 'Al beslist', en: 'Already decided' },
    detail: {
      nl: 'Over deze aanvrager werd intussen al beslist (door een andere beheerder). Laad de lijst opnieuw.',
      en: 'This applicant was decided on in the meantime (by another administrator). Reload the list.',
    },
  },
  APPLICANT_REJECTED: {
    status: 403,
    title: { nl: 'Aanvrager geweigerd', en: 'Applicant rejected' },
    detail: {
      nl: 'De administratie weigerde de registratie van deze organisatie of dit bestuur; ze kan geen dossiers starten of indienen. Neem contact op met de administratie.',
      en: 'The administration rejected the registration of this organisation or local government; it cannot start or submit dossiers. Contact the administration.',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;
